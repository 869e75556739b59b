/**
 * One order's ledger entry and every change the kit makes to it, as pure functions: each takes
 * the entry as it is (or undefined for an order the ledger has not seen) and the time, and says
 * what the entry becomes and what the caller learns. The store applies a change only if the
 * entry is still what the function saw, so two instances never both win the same race.
 */

/** Where the kit learnt that an order is paid; what `onPaid` is told. */
export type PaidSource =
  'processPayment' | 'webhook' | 'payment-status' | 'reconcile' | 'verifyPayment';

/**
 * How a processPayment relayed to Paylink ended: `answered` (200 with JSON: the payment went
 * through, most likely, but only getInvoice is proof), `refused` (a clear refusal), `lost` (no
 * answer, a cut or unreadable one, or a gateway's 502 or 504: it may have gone through), or
 * `unpaid` (an unknown outcome that Paylink later said was not paid).
 */
export type AttemptOutcome = 'answered' | 'refused' | 'lost' | 'unpaid';

export interface LedgerEntry {
  /** sendOtp calls relayed for the order. */
  sends: number;
  /** The processPayment in flight: its id, since when, and until when its lock holds. */
  attempt?: { id: string; since: number; until: number };
  /** How the last processPayment ended, and when. */
  outcome?: { kind: AttemptOutcome; at: number };
  /** Paylink's word that the order is paid (getInvoice: paid, the amount matching). */
  paid?: { at: number; amount: number; orderNumber: string; source: PaidSource };
  /** When `onPaid` returned for the order. */
  delivered?: number;
  /** An instance delivering `onPaid` now, and until when its claim holds. */
  claim?: { id: string; until: number };
  /** The last change, in ms since the epoch. */
  updated: number;
}

/** What a change does: the entry it becomes (none: no change), and what the caller learns. */
export interface Change<R> {
  next?: LedgerEntry;
  result: R;
}

/** How long an entry is kept after its last change: a week. */
export const LEDGER_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * How long a paid order's entry is kept: long enough that a late status poll, webhook or
 * verifyPayment finds it delivered instead of delivering it again.
 */
export const PAID_TTL_MS = 400 * 24 * 60 * 60 * 1000;

/** How long the store keeps `entry` after this change. */
export const keepFor = (entry: LedgerEntry): number => (entry.paid ? PAID_TTL_MS : LEDGER_TTL_MS);

const fresh = (now: number): LedgerEntry => ({ sends: 0, updated: now });

/** Whether a processPayment for the order is under way now. */
export function inFlight(entry: LedgerEntry | undefined, now: number): boolean {
  return entry?.attempt !== undefined && entry.attempt.until > now;
}

/**
 * Since when the outcome of a payment is unknown, if it is: an answer that was lost, a 200 that
 * Paylink has not yet confirmed, or an attempt whose lock ran out with no outcome recorded (its
 * instance stopped).
 */
export function unknownSince(entry: LedgerEntry | undefined, now: number): number | undefined {
  if (!entry || entry.paid) return undefined;
  if (entry.attempt && entry.attempt.until <= now) return entry.attempt.until;
  if (entry.attempt) return undefined;
  const kind = entry.outcome?.kind;
  return kind === 'lost' || kind === 'answered' ? entry.outcome!.at : undefined;
}

/**
 * Whether a payment may be going through now: one in flight, or one whose outcome has been
 * unknown for less than `pendingMs`.
 */
export function isPending(entry: LedgerEntry | undefined, now: number, pendingMs: number): boolean {
  if (entry?.paid) return false;
  if (inFlight(entry, now)) return true;
  const since = unknownSince(entry, now);
  return since !== undefined && now - since < pendingMs;
}

/** Whether reconcile() still has work on the order: an unknown outcome, or onPaid not delivered. */
export function isOpen(entry: LedgerEntry): boolean {
  if (entry.paid) return entry.delivered === undefined;
  return entry.attempt !== undefined || unknownSince(entry, Infinity) !== undefined;
}

/** Why no payment may begin for the order now: paid, one in flight, or one's outcome unknown. */
export type Blocked = 'paid' | 'in-flight' | 'unknown';

/**
 * A payment may begin (`earlier`: an earlier attempt for the order ended without Paylink's word,
 * so its invoice must be asked afresh first), or why not.
 */
export type Begun = { ok: true; earlier: boolean } | { ok: false; why: Blocked };

/**
 * Why no payment may begin for the order now, if so: it is paid, another attempt is in flight,
 * or an earlier one's outcome is unknown within `pendingMs` (a second could charge twice).
 */
export function blocked(
  entry: LedgerEntry | undefined,
  now: number,
  pendingMs: number,
): Blocked | undefined {
  if (entry?.paid) return 'paid';
  if (inFlight(entry, now)) return 'in-flight';
  if (isPending(entry, now, pendingMs)) return 'unknown';
  return undefined;
}

/**
 * A sendOtp is about to be relayed: it is counted, unless the order is `blocked` (a new code
 * would invite the shopper to pay again), and then why is the result.
 */
export function recordSend(
  entry: LedgerEntry | undefined,
  now: number,
  { pendingMs }: { pendingMs: number },
): Change<Blocked | undefined> {
  const why = blocked(entry, now, pendingMs);
  if (why) return { result: why };
  const current = entry ?? fresh(now);
  return { next: { ...current, sends: current.sends + 1, updated: now }, result: undefined };
}

/** Takes the order's payment lock for attempt `id` until `now + lockMs`, unless it is `blocked`. */
export function beginAttempt(
  entry: LedgerEntry | undefined,
  now: number,
  { id, lockMs, pendingMs }: { id: string; lockMs: number; pendingMs: number },
): Change<Begun> {
  const why = blocked(entry, now, pendingMs);
  if (why) return { result: { ok: false, why } };
  const current = entry ?? fresh(now);
  // An attempt whose lock ran out with no outcome (its instance stopped) is a lost answer: so it
  // stays recorded, should this attempt be dropped before it is relayed.
  const { attempt: stale } = current;
  const outcome = stale ? { kind: 'lost' as const, at: stale.until } : current.outcome;
  return {
    next: {
      ...current,
      ...(outcome && { outcome }),
      attempt: { id, since: now, until: now + lockMs },
      updated: now,
    },
    result: { ok: true, earlier: outcome !== undefined && outcome.kind !== 'refused' },
  };
}

/** Attempt `id` holds its lock `lockMs` from now: its call to Paylink is about to leave. */
export function renewAttempt(
  entry: LedgerEntry | undefined,
  now: number,
  { id, lockMs }: { id: string; lockMs: number },
): Change<boolean> {
  if (!entry?.attempt || entry.attempt.id !== id || entry.attempt.until <= now)
    return { result: false };
  return {
    next: { ...entry, attempt: { ...entry.attempt, until: now + lockMs }, updated: now },
    result: true,
  };
}

/** Attempt `id` was never relayed: its lock is released, and the last outcome stays. */
export function dropAttempt(
  entry: LedgerEntry | undefined,
  now: number,
  { id }: { id: string },
): Change<void> {
  if (!entry || entry.attempt?.id !== id) return { result: undefined };
  const { attempt: _dropped, ...rest } = entry;
  return { next: { ...rest, updated: now }, result: undefined };
}

/** Attempt `id` ended as `kind`: its lock is released. One no longer held changes nothing. */
export function endAttempt(
  entry: LedgerEntry | undefined,
  now: number,
  { id, kind }: { id: string; kind: AttemptOutcome },
): Change<void> {
  if (!entry || entry.attempt?.id !== id) return { result: undefined };
  const { attempt: _ended, ...rest } = entry;
  return { next: { ...rest, outcome: { kind, at: now }, updated: now }, result: undefined };
}

/** Paylink said the order is paid. The first word is kept; it is never unsaid. */
export function markPaid(
  entry: LedgerEntry | undefined,
  now: number,
  paid: Omit<NonNullable<LedgerEntry['paid']>, 'at'>,
): Change<void> {
  if (entry?.paid) return { result: undefined };
  const current = entry ?? fresh(now);
  return { next: { ...current, paid: { ...paid, at: now }, updated: now }, result: undefined };
}

/**
 * Claims the delivery of `onPaid` for claim `id` until `now + claimMs`: only for a paid order
 * not yet delivered, and not while another claim holds.
 */
export function claimDelivery(
  entry: LedgerEntry | undefined,
  now: number,
  { id, claimMs }: { id: string; claimMs: number },
): Change<LedgerEntry['paid'] | undefined> {
  if (!entry?.paid || entry.delivered !== undefined) return { result: undefined };
  if (entry.claim && entry.claim.until > now) return { result: undefined };
  return {
    next: { ...entry, claim: { id, until: now + claimMs }, updated: now },
    result: entry.paid,
  };
}

/** `onPaid` returned under claim `id`: delivered, never again. */
export function delivered(
  entry: LedgerEntry | undefined,
  now: number,
  { id }: { id: string },
): Change<boolean> {
  if (!entry || entry.claim?.id !== id) return { result: false };
  const { claim: _done, ...rest } = entry;
  return { next: { ...rest, delivered: now, updated: now }, result: true };
}

/** `onPaid` failed under claim `id`: the claim is released for a later try. */
export function releaseClaim(
  entry: LedgerEntry | undefined,
  now: number,
  { id }: { id: string },
): Change<void> {
  if (!entry || entry.claim?.id !== id) return { result: undefined };
  const { claim: _released, ...rest } = entry;
  return { next: { ...rest, updated: now }, result: undefined };
}

/**
 * Paylink says the order is not paid, and the pending window of its unknown outcome is over:
 * the outcome is `unpaid`, and a stale lock is cleared. Changes nothing while a payment may
 * still be going through.
 */
export function settleUnpaid(
  entry: LedgerEntry | undefined,
  now: number,
  { pendingMs }: { pendingMs: number },
): Change<boolean> {
  if (!entry || entry.paid || isPending(entry, now, pendingMs)) return { result: false };
  if (unknownSince(entry, now) === undefined && entry.attempt === undefined)
    return { result: false };
  const { attempt: _stale, ...rest } = entry;
  return { next: { ...rest, outcome: { kind: 'unpaid', at: now }, updated: now }, result: true };
}
