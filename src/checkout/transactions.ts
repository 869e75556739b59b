/**
 * What this page knows about each transaction, shared by every `<stcpay-otp>` on it: whether a
 * payment is in flight, unconfirmed or paid (a paid transaction is never paid again), and when
 * its last code was sent (codes for one transaction are spaced, whichever element sends them).
 * And about each mobile number: how many sends to it in a row failed in a way that may still
 * have texted it, and until when it must wait (from the third such failure, or as a server said).
 * Kept on `globalThis` under a registered symbol, so two copies of the package on one page share
 * it too. No DOM.
 */

/** Where a transaction's payment stands on this page. */
export type PaymentStanding = 'paying' | 'unconfirmed' | 'paid';

interface TransactionRecord {
  standing?: PaymentStanding;
  /** `performance.now()` of when the last code sent (or the send in flight) went out, if any. */
  lastSendAt?: number;
  /** The next send may go at once: the last code expired or the payment did not go through. */
  sendNow?: boolean;
  /** A number's record (its key starts with `+`): failed sends in a row that may have texted it. */
  failures?: number;
  /** A number's record: `performance.now()` before which nothing may be sent to it. */
  heldUntil?: number;
}

/** Failed sends to one number in a row that may go again at once; after them, sends are spaced. */
export const FAILURES_BEFORE_SPACING = 3;

const KEY = Symbol.for('stcpay-otp.transactions');

function records(): Map<string, TransactionRecord> {
  const holder = globalThis as { [KEY]?: Map<string, TransactionRecord> };
  return (holder[KEY] ??= new Map());
}

/**
 * How many transactions the page remembers. A page that mounts checkouts by the thousand keeps
 * a bounded record: the oldest entry that only spaces sends goes first, then the oldest at all.
 */
const MAX_TRANSACTIONS = 100;

function record(transactionNo: string): TransactionRecord {
  const all = records();
  let entry = all.get(transactionNo);
  if (entry) return entry;
  if (all.size >= MAX_TRANSACTIONS) {
    let oldest: string | undefined;
    for (const [key, value] of all)
      if (!value.standing) {
        oldest = key;
        break;
      }
    all.delete(oldest ?? all.keys().next().value!);
  }
  all.set(transactionNo, (entry = {}));
  return entry;
}

/** Where the transaction's payment stands, if anywhere. */
export function standingOf(transactionNo: string): PaymentStanding | undefined {
  return records().get(transactionNo)?.standing;
}

/** Records where the payment stands; `undefined` forgets it (a payment that did not go through). */
export function setStanding(transactionNo: string, standing: PaymentStanding | undefined): void {
  const entry = record(transactionNo);
  // Paid is final: nothing on this page can take it back.
  if (entry.standing === 'paid') return;
  entry.standing = standing;
}

/** What `noteSend` replaced, so that `undoSend` can put it back. */
export type SendMark = Pick<TransactionRecord, 'lastSendAt' | 'sendNow'>;

/** Notes that a code is being sent for the transaction now; returns what it replaced. */
export function noteSend(transactionNo: string, now = performance.now()): SendMark {
  const entry = record(transactionNo);
  const before = { lastSendAt: entry.lastSendAt, sendNow: entry.sendNow };
  entry.lastSendAt = now;
  entry.sendNow = false;
  return before;
}

/**
 * Takes back a send that ended without a code to use (refused, lost, aborted), unless another
 * came since: only a send that ended in `otp-sent` spaces the transaction's next one.
 */
export function undoSend(transactionNo: string, mark: SendMark, sentAt: number): void {
  const entry = record(transactionNo);
  if (entry.lastSendAt !== sentAt) return;
  entry.lastSendAt = mark.lastSendAt;
  entry.sendNow = mark.sendNow;
}

/**
 * Counts a failed send to `number` (country code and national number, digits) that went out at
 * `sentAt`: if it may have texted the number (`lost`: its answer was lost, or it was aborted),
 * it counts towards FAILURES_BEFORE_SPACING, and from then on the number waits `spacing` ms
 * after each such send; if the server said to wait `retryAfter` seconds, the number waits that
 * long.
 */
export function noteFailure(
  number: string,
  sentAt: number,
  lost: boolean,
  spacing: number,
  retryAfter = 0,
): void {
  const entry = record(`+${number}`);
  entry.failures = (entry.failures ?? 0) + +lost;
  entry.heldUntil = Math.max(
    entry.heldUntil ?? 0,
    entry.failures < FAILURES_BEFORE_SPACING ? 0 : sentAt + spacing,
    performance.now() + retryAfter * 1000,
  );
}

/** A code reached `number`: its failures in a row start again from none. */
export function noteSuccess(number: string): void {
  record(`+${number}`).failures = 0;
}

/** Forgets every transaction, as a reload of the page would. For tests. */
export function forgetTransactions(): void {
  records().clear();
}

/** Lets the next send for the transaction go at once (the code expired, or the payment failed). */
export function allowSendNow(transactionNo: string): void {
  record(transactionNo).sendNow = true;
}

/**
 * Milliseconds until a code may be sent for the transaction (`spacing` ms after the last) to
 * `number`, if known (see noteFailure).
 */
export function sendWait(
  transactionNo: string,
  number: string | undefined,
  spacing: number,
  now = performance.now(),
): number {
  const entry = records().get(transactionNo);
  const spaced = entry?.sendNow ? 0 : (entry?.lastSendAt ?? -spacing) + spacing;
  // (`+undefined` is no number's key)
  return Math.max(0, spaced - now, (records().get(`+${number}`)?.heldUntil ?? 0) - now);
}
