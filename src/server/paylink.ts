/**
 * createPaylink: a merchant's server half of Paylink in one object. Invoices (addInvoice,
 * getInvoice), the verdict on a payment (verifyPayment), the same-origin proxy the
 * `<stcpay-otp>` element talks to and Paylink's webhook (handler), and each order's ledger,
 * which calls the store's `onPaid` once per paid order (reconcile). The credentials and the
 * token stay inside.
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
import { invalid, misconfigured, PaylinkServerError } from './errors.js';
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
import { createLedger } from './ledger/ledger.js';
import { createPayments, type OnPaid } from './ledger/payments.js';
import { memoryStore, redisCommand, redisStore } from './ledger/store.js';
import { createProxyHandler, type Handler } from './proxy/handler.js';
import { createInvoiceCache } from './proxy/invoice-cache.js';
import type { WebhookAuth } from './proxy/webhook.js';
import type { Limit, LimitStore } from './rate-limit.js';
import { createRestClient } from './rest.js';
import { createTokenSource } from './token.js';

export interface PaylinkRateLimits extends LimitStore {
  /** sendOtp for one order (it texts the customer). Default 5 in 15 minutes. */
  sendOtpPerOrder?: Limit;
  /**
   * sendOtp from one client address, a refusal (an unknown order, a wrong total, a country code
   * not served) counting 5. Default 30 in 15 minutes.
   */
  sendOtpPerClient?: Limit;
  /** processPayment for one order (each is a guess at the code). Default 10 in 15 minutes. */
  processPaymentPerOrder?: Limit;
  /**
   * processPayment from one client address, a refusal (an unknown order, a wrong total) counting
   * 5. Default 60 in 15 minutes.
   */
  processPaymentPerClient?: Limit;
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
  /**
   * A connected node-redis client (`createClient()` from `redis`, v4 or v5): the ledger and the
   * limits live there, shared by every instance of the store with a client of the same Redis.
   * Default: this process's memory (one instance). `rateLimit.redis` is the same option.
   */
  redis?: unknown;
  /**
   * Called once per paid order, across every instance sharing the ledger, once Paylink's
   * getInvoice says it is paid in full: where the store ships. If it throws or runs past
   * `onPaidTimeout`, a later event or reconcile() calls it again; once it has returned, never.
   */
  onPaid?: OnPaid;
  /** Milliseconds one onPaid call may take before it counts as failed. Default 30000. */
  onPaidTimeout?: number;
  /**
   * Paylink's payment webhook at `POST {prefix}/webhook`: the header name and value typed into
   * Paylink's portal. Without it, the route does not exist.
   */
  webhook?: WebhookAuth;
  /**
   * The country codes sendOtp and processPayment may name; any other is refused (400) before
   * Paylink is called: STC Pay is Saudi, and a code sent abroad can cost the store. Default
   * `['966']`.
   */
  countryCodes?: readonly string[];
  /**
   * Seconds a payment whose answer was lost counts as `pending` (not `unpaid`), and no new
   * payment for its order is relayed. Default 300.
   */
  pendingSeconds?: number;
  /** Milliseconds a call to the ledger's store (Redis) may take. Default 1000. */
  storeTimeout?: number;
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
   * Paylink's word on a payment: `paid` only when the invoice asked for is paid, its amount is
   * `amount` to the halala, and its currency `currency` (default SAR) when Paylink names one.
   */
  verifyPayment(
    transactionNo: string,
    expected: { amount: number; currency?: string },
    options?: RequestOptions,
  ): Promise<PaymentVerdict>;
  /**
   * The same-origin proxy for `<stcpay-otp base-url="{prefix}">`, its payment-status and, with
   * `webhook`, Paylink's webhook; see docs/server.md.
   */
  handler: Handler;
  /**
   * Asks getInvoice for every order whose payment is pending or lost, or paid with onPaid not
   * yet delivered, and delivers onPaid. Safe to run on every instance at once (a cron, or
   * setInterval). `paid`: the orders it found paid.
   */
  reconcile(): Promise<{ checked: number; paid: number }>;
}

/**
 * The handler's limits. Many shoppers share one address behind a mobile carrier, so the
 * per-client limits are wide for what shoppers do and narrow for what scripts do: each refusal
 * (an unknown order, a wrong total) counts REFUSAL_WEIGHT (5). See docs/server.md for each reason.
 */
const DEFAULT_LIMITS = {
  sendOtpPerOrder: { points: 5, duration: 15 * 60 },
  sendOtpPerClient: { points: 30, duration: 15 * 60 },
  processPaymentPerOrder: { points: 10, duration: 15 * 60 },
  processPaymentPerClient: { points: 60, duration: 15 * 60 },
  paymentStatusPerClient: { points: 60, duration: 60 },
};

export function createPaylink(options: PaylinkOptions): Paylink {
  checkOptionsObject(options);
  const apiId = checkSecret('apiId', options.apiId);
  const secretKey = checkSecret('secretKey', options.secretKey);
  // `redis` and `rateLimit.redis` name the same client: the limits and the ledger share it.
  const redis = options.redis ?? options.rateLimit?.redis;
  if (redis !== undefined && redisCommand(redis) === undefined)
    throw misconfigured(
      options.redis !== undefined ? 'redis' : 'rateLimit.redis',
      'must be a connected node-redis client',
    );
  const checked = checkServerOptions(
    { ...options, rateLimit: { ...options.rateLimit, redis } },
    '/paylink',
    DEFAULT_LIMITS,
  );
  const { rest, timeout, fetch: fetchFn } = checked;
  const stcpay = baseUrl(
    'stcpayBaseUrl',
    options.stcpayBaseUrl,
    STCPAY_ORIGINS[checked.environment],
  );
  const invoiceCacheSeconds = checkPositive('invoiceCacheSeconds', options.invoiceCacheSeconds, 10);
  const onPaid = checkOnPaid(options.onPaid);
  const onPaidTimeout = checkPositive('onPaidTimeout', options.onPaidTimeout, 30_000);
  const webhook = checkWebhook(options.webhook);
  const pendingSeconds = checkPositive('pendingSeconds', options.pendingSeconds, 300);
  const storeTimeout = checkPositive('storeTimeout', options.storeTimeout, 1000);
  const countryCodes = checkCountryCodes(options.countryCodes);

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

  const keyPrefix = options.rateLimit?.keyPrefix ?? 'stcpay-otp';
  const payments = createPayments({
    ledger: createLedger(
      redis === undefined ? memoryStore() : redisStore(redis, keyPrefix),
      storeTimeout,
    ),
    getInvoice: (transactionNo) => getInvoice(transactionNo),
    onPaid,
    pendingMs: pendingSeconds * 1000,
    // Longer than any call to Paylink: the lock never runs out under a payment in flight.
    lockMs: timeout + 15_000,
    onPaidTimeout,
  });

  async function verifyPayment(
    transactionNo: string,
    expected: { amount: number; currency?: string },
    options: RequestOptions = {},
  ) {
    const given = expected as { amount?: unknown; currency?: unknown } | undefined;
    const amount = checkAmount('amount', given?.amount);
    const currency = checkCurrency(given?.currency);
    const invoice = await getInvoice(transactionNo, options);
    const found = verdict(invoice, { transactionNo, amount, currency });
    // The store asked and Paylink said paid: the ledger records it, and onPaid is delivered.
    if (found.paid) await payments.paid(invoice, 'verifyPayment');
    return found;
  }

  const handler = createProxyHandler({
    ...checked.handler,
    limits: checked.limiters,
    invoices: createInvoiceCache(
      (transactionNo) => getInvoice(transactionNo),
      invoiceCacheSeconds * 1000,
    ),
    payments,
    webhook,
    countryCodes,
    forward: (path, body, signal) =>
      send(fetchFn, stcpay + path, { method: 'POST', body, timeout, signal, label: path }),
  });

  return { addInvoice, getInvoice, verifyPayment, handler, reconcile: () => payments.reconcile() };
}

function checkCurrency(value: unknown): string {
  if (value === undefined) return 'SAR';
  if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value))
    throw invalid('currency', 'must be a three-letter currency code such as "SAR"');
  return value.toUpperCase();
}

function checkCountryCodes(value: unknown): readonly string[] {
  if (value === undefined) return ['966'];
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((code) => typeof code === 'string' && /^\d{1,4}$/.test(code))
  )
    throw misconfigured('countryCodes', 'must be a list of country codes such as ["966"]');
  return [...value];
}

function checkOnPaid(value: unknown): OnPaid | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw misconfigured('onPaid', 'must be a function');
  return value as OnPaid | undefined;
}

function checkWebhook(value: unknown): WebhookAuth | undefined {
  if (value === undefined) return undefined;
  const { header, value: secret } = (value ?? {}) as Partial<WebhookAuth>;
  if (typeof header !== 'string' || !/^[\w-]+$/.test(header))
    throw misconfigured('webhook.header', "must be a header name, as set in Paylink's portal");
  if (typeof secret !== 'string' || secret.trim().length < 16)
    throw misconfigured(
      'webhook.value',
      "must be the header value set in Paylink's portal: at least 16 characters",
    );
  // Header values arrive trimmed: a value read with a trailing newline would never match.
  return { header: header.toLowerCase(), value: secret.trim() };
}
