/**
 * The store's same-origin proxy for `<stcpay-otp base-url="/paylink">`: sendOtp and
 * processPayment forwarded to Paylink once the request has passed every check, and the
 * payment status the element can ask for. It refuses anything else, and never relays a
 * request for an order that is not a real, unpaid invoice of this merchant with this total.
 */
import { PROCESS_PAYMENT_PATH, SEND_OTP_PATH } from '../../core/paylink-api.js';
import { checkProcessPayment, checkSendOtp, TRANSACTION_NO, type SendOtpBody } from '../checks.js';
import { PaylinkServerError } from '../errors.js';
import type { Answer } from '../http.js';
import { halalas, isPaid, type Invoice, type PaymentVerdict } from '../invoice.js';
import type { Limiter } from '../rate-limit.js';
import type { InvoiceCache } from './invoice-cache.js';
import {
  clientAddress,
  guarded,
  invalidField,
  json,
  methodNotAllowed,
  notFound,
  overLimit,
  problem,
  readPost,
  relay,
  upstreamFailure,
} from './respond.js';

const ORDER_OR_ADDRESS = 'this order or from this address';

/** What an adapter knows of the request beyond the Request itself. */
export interface HandlerContext {
  /** The address of the connection, for per-client limits (toNodeHandler sets it). */
  clientAddress?: string;
}

export type Handler = (request: Request, context?: HandlerContext) => Promise<Response>;

export { PROCESS_PAYMENT_PATH, SEND_OTP_PATH };
export const PAYMENT_STATUS_PATH = '/payment-status';

export interface ProxyLimits {
  sendOtpPerOrder: Limiter;
  sendOtpPerClient: Limiter;
  processPaymentPerOrder: Limiter;
  paymentStatusPerClient: Limiter;
}

export interface ProxyOptions {
  prefix: string;
  allowedOrigins: readonly string[];
  clientAddressHeader?: string;
  maxBodyBytes: number;
  limits: ProxyLimits;
  invoices: InvoiceCache;
  /** Paylink's fresh verdict on an invoice, for the payment status. */
  verify: (transactionNo: string) => Promise<PaymentVerdict>;
  /** POSTs a checked body to Paylink's STC Pay host. */
  forward: (path: string, body: unknown, signal: AbortSignal) => Promise<Answer>;
}

export function createProxyHandler(options: ProxyOptions): Handler {
  const { prefix, allowedOrigins, limits } = options;

  async function route(request: Request, context: HandlerContext): Promise<Response> {
    const { pathname, searchParams } = new URL(request.url);
    if (!pathname.startsWith(`${prefix}/`)) return notFound();
    const path = pathname.slice(prefix.length);
    const client = clientAddress(request, options.clientAddressHeader, context.clientAddress);

    if (path === PAYMENT_STATUS_PATH) {
      if (request.method !== 'GET') return methodNotAllowed('GET');
      return paymentStatus(searchParams, client);
    }
    if (path !== SEND_OTP_PATH && path !== PROCESS_PAYMENT_PATH) return notFound();
    const body = await readPost(request, allowedOrigins, options.maxBodyBytes);
    if (!body.ok) return body.response;
    return path === SEND_OTP_PATH
      ? sendOtp(body.value, client, request.signal)
      : processPayment(body.value, request.signal);
  }

  async function sendOtp(value: unknown, client: string, signal: AbortSignal): Promise<Response> {
    const checked = checkSendOtp(value);
    if (!checked.ok) return invalidField(checked.field);
    const refusal =
      (await overLimit(limits.sendOtpPerClient, client, ORDER_OR_ADDRESS)) ??
      (await checkOrder(checked.value)) ??
      (await overLimit(limits.sendOtpPerOrder, checked.value.orderNumber, ORDER_OR_ADDRESS));
    if (refusal) return refusal;
    return relay(() => options.forward(SEND_OTP_PATH, checked.value, signal));
  }

  async function processPayment(value: unknown, signal: AbortSignal): Promise<Response> {
    const checked = checkProcessPayment(value);
    if (!checked.ok) return invalidField(checked.field);
    const { orderNumber } = checked.value;
    const refusal =
      (await checkOrder(checked.value)) ??
      (await overLimit(limits.processPaymentPerOrder, orderNumber, ORDER_OR_ADDRESS));
    if (refusal) return refusal;
    const response = await relay(() =>
      options.forward(PROCESS_PAYMENT_PATH, checked.value, signal),
    );
    // Paid now, most likely: the next look at this order must ask Paylink again.
    options.invoices.forget(orderNumber);
    return response;
  }

  /** A refusal unless the order is an unpaid invoice of this merchant with this very total. */
  async function checkOrder({ orderNumber, total }: SendOtpBody): Promise<Response | undefined> {
    let invoice: Invoice | null;
    try {
      invoice = await options.invoices.get(orderNumber);
    } catch (error) {
      return upstreamFailure(error);
    }
    // One answer for an unknown order and a wrong total: nothing to learn by trying numbers.
    if (!invoice || halalas(invoice.amount) !== halalas(total))
      return problem(400, 'Bad Request', 'No unpaid order matches this orderNumber and total.');
    if (isPaid(invoice.orderStatus)) return problem(409, 'Conflict', 'The order is already paid.');
    if (/cancel|expire|void/i.test(invoice.orderStatus))
      return problem(409, 'Conflict', 'The order can no longer be paid.');
    return undefined;
  }

  async function paymentStatus(params: URLSearchParams, client: string): Promise<Response> {
    const transactionNo = params.get('transactionNo') ?? '';
    if (
      !TRANSACTION_NO.test(transactionNo) ||
      [...params.keys()].some((key) => key !== 'transactionNo')
    )
      return invalidField('transactionNo');
    const refusal = await overLimit(limits.paymentStatusPerClient, client, ORDER_OR_ADDRESS);
    if (refusal) return refusal;
    try {
      const { paid } = await options.verify(transactionNo);
      return json(200, { status: paid ? 'paid' : 'unpaid' });
    } catch (error) {
      if (error instanceof PaylinkServerError && error.code === 'not-found') return notFound();
      return upstreamFailure(error);
    }
  }

  return (request, context = {}) => guarded(request, allowedOrigins, () => route(request, context));
}
