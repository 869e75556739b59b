/**
 * The store's same-origin proxy for `<stcpay-otp base-url="/paylink">`: sendOtp and
 * processPayment forwarded to Paylink once the request has passed every check, the payment
 * status the element can ask for, and Paylink's payment webhook. It refuses anything else, and
 * never relays a request for an order that is not a real, unpaid invoice of this merchant with
 * this total. Every payment goes through the order's ledger: at most one in flight per order,
 * its outcome recorded whether or not the browser waits for it.
 */
import { PROCESS_PAYMENT_PATH, SEND_OTP_PATH } from '../../core/paylink-api.js';
import { checkProcessPayment, checkSendOtp, TRANSACTION_NO, type SendOtpBody } from '../checks.js';
import { PaylinkServerError } from '../errors.js';
import { unreadable, type Answer } from '../http.js';
import { halalas, inCurrency, isPaid, type Invoice } from '../invoice.js';
import type { AttemptOutcome, Blocked } from '../ledger/entry.js';
import type { Later, Payments } from '../ledger/payments.js';
import type { Limiter } from '../rate-limit.js';
import type { InvoiceCache } from './invoice-cache.js';
import { clientOf, type ClientAddress } from '../client-address.js';
import type { Handler, HandlerContext } from './context.js';
import {
  guarded,
  invalidField,
  json,
  methodNotAllowed,
  notFound,
  overLimit,
  problem,
  readPost,
  relay,
  relayed,
  unavailable,
  upstreamFailure,
} from './respond.js';
import { readWebhook, type WebhookAuth } from './webhook.js';

const ORDER_OR_ADDRESS = 'this order or from this address';

export type { Handler, HandlerContext };

export { PROCESS_PAYMENT_PATH, SEND_OTP_PATH };
export const PAYMENT_STATUS_PATH = '/payment-status';
export const WEBHOOK_PATH = '/webhook';

export interface ProxyLimits {
  sendOtpPerOrder: Limiter;
  sendOtpPerClient: Limiter;
  processPaymentPerOrder: Limiter;
  processPaymentPerClient: Limiter;
  paymentStatusPerClient: Limiter;
}

/**
 * What a refused request weighs against its client's limit, against 1 for any other: an unknown
 * order, a total that does not match, a country code the store does not serve. Shoppers behind
 * one carrier address rarely make these; a script trying numbers makes little else.
 */
export const REFUSAL_WEIGHT = 5;

export interface ProxyOptions {
  prefix: string;
  allowedOrigins: readonly string[];
  clientAddressHeader?: string;
  clientAddress?: ClientAddress;
  maxBodyBytes: number;
  bodyTimeout: number;
  limits: ProxyLimits;
  invoices: InvoiceCache;
  /** The orders' ledger: payments in flight, outcomes, paid, onPaid. */
  payments: Payments;
  /** The header Paylink's webhook must carry; without it, there is no webhook route. */
  webhook?: WebhookAuth;
  /** The country codes sendOtp and processPayment may name. */
  countryCodes: readonly string[];
  /** POSTs a checked body to Paylink's STC Pay host; `signal`, if any, aborts it. */
  forward: (path: string, body: unknown, signal?: AbortSignal) => Promise<Answer>;
}

/**
 * How a relayed processPayment ended, for the ledger: a 200 with JSON was answered; none at all,
 * an unreadable 2xx or 5xx (a proxy's error page in front of Paylink, a CDN's 520: the browser
 * is told 502, as relayed() says), or a gateway's 502 or 504 lost; any other refused.
 */
export function outcomeOf(answer: Answer | undefined): AttemptOutcome {
  if (!answer) return 'lost';
  if (answer.status >= 200 && answer.status <= 299) return unreadable(answer) ? 'lost' : 'answered';
  if (answer.status === 502 || answer.status === 504) return 'lost';
  return answer.status >= 500 && unreadable(answer) ? 'lost' : 'refused';
}

const IN_FLIGHT = 'A payment for this order is already under way.';
const UNKNOWN =
  'An earlier payment for this order may have gone through: its outcome is not known yet.';

/** The 409 for an order the ledger says no payment may begin for now. */
function conflict(why: Blocked): Response {
  if (why === 'paid') return problem(409, 'Conflict', 'The order is already paid.');
  return problem(409, 'Conflict', why === 'in-flight' ? IN_FLIGHT : UNKNOWN);
}

export function createProxyHandler(options: ProxyOptions): Handler {
  const { prefix, allowedOrigins, limits } = options;

  async function route(request: Request, context: HandlerContext): Promise<Response> {
    const { pathname, searchParams } = new URL(request.url);
    if (!pathname.startsWith(`${prefix}/`)) return notFound();
    const path = pathname.slice(prefix.length);
    const client = clientOf(request, options, context);
    const later = laterFor(context);

    if (path === PAYMENT_STATUS_PATH) {
      if (request.method !== 'GET') return methodNotAllowed('GET');
      return paymentStatus(searchParams, client, later);
    }
    if (path === WEBHOOK_PATH && options.webhook) return webhook(request, options.webhook, later);
    if (path !== SEND_OTP_PATH && path !== PROCESS_PAYMENT_PATH) return notFound();
    const body = await readPost(request, allowedOrigins, options.maxBodyBytes, options.bodyTimeout);
    if (!body.ok) return body.response;
    return path === SEND_OTP_PATH
      ? sendOtp(body.value, client, request.signal)
      : processPayment(body.value, client, later);
  }

  async function sendOtp(value: unknown, client: string, signal: AbortSignal): Promise<Response> {
    const checked = checkSendOtp(value);
    if (!checked.ok) return invalidField(checked.field);
    const refusal =
      (await overLimit(limits.sendOtpPerClient, client, ORDER_OR_ADDRESS)) ??
      (await refused(limits.sendOtpPerClient, client, checkCountry(checked.value))) ??
      (await refused(limits.sendOtpPerClient, client, await checkOrder(checked.value))) ??
      (await overLimit(limits.sendOtpPerOrder, checked.value.orderNumber, ORDER_OR_ADDRESS));
    if (refusal) return refusal;
    // No new code while the order is paid or a payment for it may be going through: that would
    // invite the shopper to pay again. Checked and counted in one step; a ledger that cannot be
    // reached does not stop a code being sent (no payment goes without it).
    const why = await options.payments.recordSend(checked.value.orderNumber).catch(() => undefined);
    if (why) return conflict(why);
    return relay(() => options.forward(SEND_OTP_PATH, checked.value, signal));
  }

  async function processPayment(value: unknown, client: string, later: Later): Promise<Response> {
    const checked = checkProcessPayment(value);
    if (!checked.ok) return invalidField(checked.field);
    const { orderNumber, total } = checked.value;
    const refusal =
      (await overLimit(limits.processPaymentPerClient, client, ORDER_OR_ADDRESS)) ??
      (await refused(limits.processPaymentPerClient, client, checkCountry(checked.value))) ??
      (await refused(
        limits.processPaymentPerClient,
        client,
        await checkOrder(checked.value, later),
      )) ??
      (await overLimit(limits.processPaymentPerOrder, orderNumber, ORDER_OR_ADDRESS));
    if (refusal) return refusal;
    // One payment in flight per order, on every instance: a payment that cannot be recorded is
    // one that could be made twice, so none is relayed without the ledger.
    let attempt: Awaited<ReturnType<Payments['begin']>>;
    try {
      attempt = await options.payments.begin(orderNumber);
    } catch {
      return unavailable();
    }
    if (!attempt.ok) return conflict(attempt.why);
    // An earlier attempt may have paid after all: Paylink's fresh word, not a cached invoice.
    // Asking took time: the lock is renewed for the call itself, or nothing is relayed.
    if (attempt.earlier) {
      const refusal =
        (await paidSince(orderNumber, total, later).catch(answerFailure)) ??
        ((await options.payments.renew(orderNumber, attempt.id).catch(() => false))
          ? undefined
          : unavailable());
      if (refusal) {
        await options.payments.drop(orderNumber, attempt.id).catch(() => {});
        return refusal;
      }
    }
    // Not tied to the browser's connection: the call runs to its end, and its outcome is
    // recorded, even if the shopper's browser has gone.
    const run = settled(options.forward(PROCESS_PAYMENT_PATH, checked.value)).then(
      async (result) => {
        const kind = outcomeOf(result.answer);
        // Paid now, most likely: the next look at this order must ask Paylink again.
        options.invoices.forget(orderNumber);
        // If the ledger cannot take it now, the lock runs out and the outcome counts as lost.
        await options.payments.end(orderNumber, attempt.id, kind).catch(() => {});
        // Paylink's word, not the 200, makes it paid; a lost answer is asked about too.
        if (kind === 'answered' || kind === 'lost')
          later(options.payments.confirm(orderNumber, 'processPayment', { amount: total }));
        return result;
      },
    );
    later(run);
    return relayed(await run);
  }

  /** A 409 if Paylink now has the order as paid (recorded, onPaid delivered), else undefined. */
  async function paidSince(orderNumber: string, total: number, later: Later) {
    if (!(await options.payments.confirm(orderNumber, 'processPayment', { amount: total, later })))
      return undefined;
    return problem(409, 'Conflict', 'The order is already paid.');
  }

  /** A refusal for a country code the store does not serve (STC Pay's is 966). */
  function checkCountry({ stcpayMobileCountryCode }: SendOtpBody): Response | undefined {
    return options.countryCodes.includes(stcpayMobileCountryCode)
      ? undefined
      : invalidField('stcpayMobileCountryCode');
  }

  /**
   * `refusal`, if any, after it has weighed on the client's limit: REFUSAL_WEIGHT in all, the
   * request itself counted already.
   */
  async function refused(
    limiter: Limiter,
    client: string,
    refusal: Response | undefined,
  ): Promise<Response | undefined> {
    // Only what a script trying numbers meets (400): not Paylink failing, nor a paid order.
    if (refusal?.status === 400) await limiter.consume(client, REFUSAL_WEIGHT - 1);
    return refusal;
  }

  /**
   * A refusal unless the order is an unpaid invoice of this merchant with this very total. A
   * paid one is recorded as paid (and onPaid delivered) on the way.
   */
  async function checkOrder(
    { orderNumber, total }: SendOtpBody,
    later?: Later,
  ): Promise<Response | undefined> {
    let invoice: Invoice | null;
    try {
      invoice = await options.invoices.get(orderNumber);
    } catch (error) {
      return upstreamFailure(error);
    }
    // One answer for an unknown order and a wrong total: nothing to learn by trying numbers.
    // The invoice must be the very one asked for (a backend that reads "01001" as 1001 answers
    // another number), and in riyals, what STC Pay takes.
    if (
      !invoice ||
      invoice.transactionNo !== orderNumber ||
      halalas(invoice.amount) !== halalas(total) ||
      !inCurrency(invoice, 'SAR')
    )
      return problem(400, 'Bad Request', 'No unpaid order matches this orderNumber and total.');
    if (isPaid(invoice.orderStatus)) {
      if (later) later(options.payments.paid(invoice, 'processPayment'));
      return problem(409, 'Conflict', 'The order is already paid.');
    }
    if (/cancel|expire|void/i.test(invoice.orderStatus))
      // Not 409: that tells the element a payment may be under way.
      return problem(410, 'Gone', 'The order can no longer be paid.');
    return undefined;
  }

  async function paymentStatus(
    params: URLSearchParams,
    client: string,
    later: Later,
  ): Promise<Response> {
    const transactionNo = params.get('transactionNo') ?? '';
    if (
      !TRANSACTION_NO.test(transactionNo) ||
      [...params.keys()].some((key) => key !== 'transactionNo')
    )
      return invalidField('transactionNo');
    const refusal = await overLimit(limits.paymentStatusPerClient, client, ORDER_OR_ADDRESS);
    if (refusal) return refusal;
    try {
      return json(200, { status: await options.payments.status(transactionNo, later) });
    } catch (error) {
      return answerFailure(error);
    }
  }

  /**
   * Paylink's payment webhook: its header checked, its body never trusted. The order is paid
   * only if getInvoice says so; then it is recorded and onPaid delivered (after the answer, which
   * Paylink wants quickly). Not paid yet: 409, so Paylink tries again later.
   */
  async function webhook(request: Request, auth: WebhookAuth, later: Later): Promise<Response> {
    const read = await readWebhook(request, auth, options.maxBodyBytes, options.bodyTimeout);
    if (!read.ok) return read.response;
    try {
      return (await options.payments.confirm(read.transactionNo, 'webhook', { later }))
        ? json(200, { received: true })
        : problem(409, 'Conflict', 'Paylink does not have this invoice as paid.');
    } catch (error) {
      return answerFailure(error);
    }
  }

  return (request, context = {}) => guarded(request, allowedOrigins, () => route(request, context));
}

/** Hands work that outlives the answer to the platform's waitUntil, its failure swallowed. */
function laterFor(context: HandlerContext): Later {
  return (work) => {
    const quiet = work.catch(() => {});
    context.waitUntil?.(quiet);
  };
}

/** A settled call to Paylink: its answer, or the error it failed with. */
function settled(call: Promise<Answer>): Promise<{ answer?: Answer; error?: unknown }> {
  return call.then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );
}

/** The answer for a failure to learn an order's state: no invoice, no Paylink, no ledger. */
function answerFailure(error: unknown): Response {
  if (error instanceof PaylinkServerError && error.code === 'not-found') return notFound();
  if (error instanceof PaylinkServerError && error.code === 'store') return unavailable();
  return upstreamFailure(error);
}
