/**
 * createPaylink: a merchant's server half of Paylink in one object. Invoices (addInvoice,
 * getInvoice), the verdict on a payment (verifyPayment), and the same-origin proxy the
 * `<stcpay-otp>` element talks to (handler). The credentials and the token stay inside.
 */
import {
  baseUrl,
  checkPositive,
  checkOptionsObject,
  checkSecret,
  checkServerOptions,
  STCPAY_ORIGINS,
  type ServerOptions,
} from './config.js';
import { PaylinkServerError } from './errors.js';
import { failure, send } from './http.js';
import {
  checkAddInvoice,
  checkAmount,
  checkTransactionNo,
  parseInvoice,
  verdict,
  type AddInvoiceInput,
  type Invoice,
  type PaymentVerdict,
} from './invoice.js';
import { createProxyHandler, type Handler } from './proxy/handler.js';
import { createInvoiceCache } from './proxy/invoice-cache.js';
import type { Limit, LimitStore } from './rate-limit.js';
import { createRestClient } from './rest.js';
import { createTokenSource } from './token.js';

export interface PaylinkRateLimits extends LimitStore {
  /** sendOtp for one order (it texts the customer). Default 5 in 15 minutes. */
  sendOtpPerOrder?: Limit;
  /** sendOtp from one client address. Default 10 in 15 minutes. */
  sendOtpPerClient?: Limit;
  /** processPayment for one order (each is a guess at the code). Default 10 in 15 minutes. */
  processPaymentPerOrder?: Limit;
  /** payment-status from one client address. Default 60 a minute. */
  paymentStatusPerClient?: Limit;
}

export interface PaylinkOptions extends ServerOptions {
  /** From Paylink's merchant portal. Stays on the server: never in a page, a log or an error. */
  apiId: string;
  secretKey: string;
  /** Replaces the STC Pay host (sendOtp, processPayment). */
  stcpayBaseUrl?: string;
  /** The path `handler` is mounted at (`<stcpay-otp base-url>`). Default `/paylink`. */
  prefix?: string;
  /** How long the handler keeps an invoice it checked an order against. Default 10 seconds. */
  invoiceCacheSeconds?: number;
  /** The handler's limits, and where they are counted (memory, or the store's Redis). */
  rateLimit?: PaylinkRateLimits;
}

export interface RequestOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
}

export interface Paylink {
  /** Creates an invoice; its `transactionNo` goes to `<stcpay-otp transaction-no>`. */
  addInvoice(input: AddInvoiceInput, options?: RequestOptions): Promise<Invoice>;
  /** The invoice as Paylink has it now. Rejects with code `not-found` if there is none. */
  getInvoice(transactionNo: string, options?: RequestOptions): Promise<Invoice>;
  /**
   * Paylink's word on a payment: `paid` only when the invoice is paid and its amount is
   * `amount` to the halala. The one check to make before shipping an order.
   */
  verifyPayment(
    transactionNo: string,
    expected: { amount: number },
    options?: RequestOptions,
  ): Promise<PaymentVerdict>;
  /** The same-origin proxy for `<stcpay-otp base-url="{prefix}">`; see docs/server.md. */
  handler: Handler;
}

const DEFAULT_LIMITS = {
  sendOtpPerOrder: { points: 5, duration: 15 * 60 },
  sendOtpPerClient: { points: 10, duration: 15 * 60 },
  processPaymentPerOrder: { points: 10, duration: 15 * 60 },
  paymentStatusPerClient: { points: 60, duration: 60 },
};

export function createPaylink(options: PaylinkOptions): Paylink {
  checkOptionsObject(options);
  const apiId = checkSecret('apiId', options.apiId);
  const secretKey = checkSecret('secretKey', options.secretKey);
  const checked = checkServerOptions(options, '/paylink', DEFAULT_LIMITS);
  const { rest, timeout, fetch: fetchFn } = checked;
  const stcpay = baseUrl(
    'stcpayBaseUrl',
    options.stcpayBaseUrl,
    STCPAY_ORIGINS[checked.environment],
  );
  const invoiceCacheSeconds = checkPositive('invoiceCacheSeconds', options.invoiceCacheSeconds, 10);

  const tokens = createTokenSource({
    url: `${rest}/api/auth`,
    label: '/api/auth',
    credentials: { apiId, secretKey },
    fetch: fetchFn,
    timeout,
  });
  const client = createRestClient(rest, tokens, fetchFn, timeout);

  const secrets = () => [apiId, secretKey, tokens.held()];

  async function addInvoice(
    input: AddInvoiceInput,
    { signal }: RequestOptions = {},
  ): Promise<Invoice> {
    const body = checkAddInvoice(input);
    const answer = await client.call('/api/addInvoice', body, signal);
    if (answer.status < 200 || answer.status > 299)
      throw failure('/api/addInvoice', answer, secrets());
    const invoice = parseInvoice(answer.json, true);
    if (!invoice)
      throw new PaylinkServerError({
        code: 'bad-response',
        status: answer.status,
        message: '/api/addInvoice: the answer lacks transactionNo, url, amount or orderStatus',
      });
    return invoice;
  }

  async function getInvoice(
    transactionNo: string,
    { signal }: RequestOptions = {},
  ): Promise<Invoice> {
    const path = `/api/getInvoice/${encodeURIComponent(checkTransactionNo(transactionNo))}`;
    const answer = await client.call(path, undefined, signal);
    if (answer.status < 200 || answer.status > 299) throw failure(path, answer, secrets());
    const invoice = parseInvoice(answer.json, false);
    if (!invoice)
      throw new PaylinkServerError({
        code: 'bad-response',
        status: answer.status,
        message: `${path}: the answer lacks transactionNo, amount or orderStatus`,
      });
    return invoice;
  }

  async function verifyPayment(
    transactionNo: string,
    expected: { amount: number },
    options: RequestOptions = {},
  ) {
    const amount = checkAmount('amount', (expected as { amount?: unknown } | undefined)?.amount);
    return verdict(await getInvoice(transactionNo, options), amount);
  }

  const handler = createProxyHandler({
    ...checked.handler,
    limits: checked.limiters,
    invoices: createInvoiceCache(
      (transactionNo) => getInvoice(transactionNo),
      invoiceCacheSeconds * 1000,
    ),
    // The status has no amount to compare with but the invoice's own, as it was requested.
    verify: async (transactionNo) => {
      const invoice = await getInvoice(transactionNo);
      const requested = invoice.gatewayOrderRequest?.amount;
      return verdict(invoice, typeof requested === 'number' ? requested : invoice.amount);
    },
    forward: (path, body, signal) =>
      send(fetchFn, stcpay + path, { method: 'POST', body, timeout, signal, label: path }),
  });

  return { addInvoice, getInvoice, verifyPayment, handler };
}
