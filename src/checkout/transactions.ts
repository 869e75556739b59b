/**
 * What this page knows about each transaction, shared by every `<stcpay-otp>` on it: whether a
 * payment is in flight, unconfirmed or paid (a paid transaction is never paid again), and when
 * its last code was sent (codes for one transaction are spaced, whichever element sends them).
 * Kept on `globalThis` under a registered symbol, so two copies of the package on one page share
 * it too. No DOM.
 */

/** Where a transaction's payment stands on this page. */
export type PaymentStanding = 'paying' | 'unconfirmed' | 'paid';

interface TransactionRecord {
  standing?: PaymentStanding;
  /** `performance.now()` of the last send that went out, if any. */
  lastSendAt?: number;
  /** The next send may go at once: the last code expired or the payment did not go through. */
  sendNow?: boolean;
}

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

/** Takes back a send that Paylink refused (no code went out), unless another came since. */
export function undoSend(transactionNo: string, mark: SendMark, sentAt: number): void {
  const entry = record(transactionNo);
  if (entry.lastSendAt !== sentAt) return;
  entry.lastSendAt = mark.lastSendAt;
  entry.sendNow = mark.sendNow;
}

/** Forgets every transaction, as a reload of the page would. For tests. */
export function forgetTransactions(): void {
  records().clear();
}

/** Lets the next send for the transaction go at once (the code expired, or the payment failed). */
export function allowSendNow(transactionNo: string): void {
  record(transactionNo).sendNow = true;
}

/** Milliseconds until a code may be sent for the transaction, `spacing` ms after the last. */
export function sendWait(transactionNo: string, spacing: number, now = performance.now()): number {
  const entry = records().get(transactionNo);
  if (!entry || entry.lastSendAt === undefined || entry.sendNow) return 0;
  return Math.max(0, entry.lastSendAt + spacing - now);
}
