/**
 * Asks the store whether an unconfirmed payment went through: through the host's own
 * `verifyPayment` function, or by GETting its `status-url` (`?transactionNo=…`), whose answer is
 * `{"status": "paid" | "pending" | "unpaid"}` (the store's server knows the payments in flight
 * and asks Paylink's getInvoice). Either way a try has a time limit, and anything but a clear
 * answer counts as no answer. No DOM apart from `fetch`.
 */
import { checkEndpointUrl } from '../core/transport.js';

/** How a payment ended, as the store settles it. */
export type PaymentStatus = 'paid' | 'unpaid';

/** What the store may answer: `pending` while a payment may still be going through. */
export type StoreAnswer = PaymentStatus | 'pending';

/**
 * The host's own check: resolves `'paid'`, `'unpaid'`, or `'pending'` (keep waiting) for a
 * transaction number.
 */
export type VerifyPayment = (transactionNo: string) => Promise<StoreAnswer>;

/**
 * When the tries start, in ms after the payment went unconfirmed: three tries over about ten
 * seconds, further apart each time.
 */
export const STATUS_TRIES_AT: readonly number[] = [0, 3000, 8000];

/**
 * Once the store says `pending`, the tries go on at these times (ms after the first), further
 * apart each time, until a little past the 300 s a store's server keeps a lost answer pending
 * (`pendingSeconds` of stcpay-otp/server).
 */
export const PENDING_TRIES_AT: readonly number[] = [
  15, 25, 40, 60, 90, 120, 150, 180, 210, 240, 270, 300, 320,
].map((seconds) => seconds * 1000);
/** The longest a single try may take. */
export const STATUS_TRY_TIMEOUT = 4000;

/**
 * The URL to GET for `transactionNo`, or null when `statusUrl` breaks the rules a base URL
 * follows (https, or http to this machine; no user name, query or fragment; no `..`).
 */
export function statusRequestUrl(
  statusUrl: string,
  transactionNo: string,
  pageUrl = globalThis.document?.baseURI,
): string | null {
  const url = checkEndpointUrl(statusUrl, pageUrl);
  if (!url) return null;
  return `${url.origin}${url.pathname}?transactionNo=${encodeURIComponent(transactionNo)}`;
}

export interface StatusSource {
  verifyPayment?: VerifyPayment;
  /** Already checked with statusRequestUrl. */
  url?: string;
}

/**
 * One try: resolves 'paid', 'unpaid' or 'pending', or null when there was no clear answer within
 * `timeout` ms. Rejects only with `signal`'s reason when it aborts.
 */
export async function askOnce(
  transactionNo: string,
  { verifyPayment, url }: StatusSource,
  timeout: number,
  signal: AbortSignal,
): Promise<StoreAnswer | null> {
  const controller = new AbortController();
  const forward = () => controller.abort(signal.reason);
  signal.addEventListener('abort', forward, { once: true });
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    const answer = verifyPayment
      ? await Promise.race([
          Promise.resolve().then(() => verifyPayment(transactionNo)),
          new Promise<never>((_, reject) =>
            controller.signal.addEventListener('abort', () => reject(controller.signal.reason)),
          ),
        ])
      : await getStatus(url!, controller.signal);
    return answer === 'paid' || answer === 'unpaid' || answer === 'pending' ? answer : null;
  } catch {
    signal.throwIfAborted();
    return null;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
}

/**
 * Tries at `schedule.first` (STATUS_TRIES_AT), and once the store says `pending`, on at
 * `schedule.pending` (PENDING_TRIES_AT): resolves with the first `paid` or `unpaid`, or null when
 * none came. Each try takes at most `timeout` ms (the element's), and never more than
 * STATUS_TRY_TIMEOUT. Rejects only with `signal`'s reason when it aborts.
 */
export async function askUntilAnswered(
  transactionNo: string,
  source: StatusSource,
  timeout: number,
  signal: AbortSignal,
  schedule: { first: readonly number[]; pending: readonly number[] } = {
    first: STATUS_TRIES_AT,
    pending: PENDING_TRIES_AT,
  },
): Promise<PaymentStatus | null> {
  const limit = Math.min(timeout > 0 ? timeout : STATUS_TRY_TIMEOUT, STATUS_TRY_TIMEOUT);
  const started = performance.now();
  let tries = [...schedule.first];
  let waiting = false;
  for (let i = 0; i < tries.length; i++) {
    await sleep(started + tries[i]! - performance.now(), signal);
    const answer = await askOnce(transactionNo, source, limit, signal);
    if (answer === 'paid' || answer === 'unpaid') return answer;
    if (answer === 'pending' && !waiting) {
      // A payment is still going through: keep asking, further apart, for as long as it may.
      waiting = true;
      tries = [...tries, ...schedule.pending.filter((at) => at > tries[tries.length - 1]!)];
    }
  }
  return null;
}

async function getStatus(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    redirect: 'error',
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) return null;
  const body: unknown = JSON.parse(await response.text());
  return typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : null;
}

/** Resolves after `ms` (at once if not positive); rejects when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
