/**
 * The one truth per order: every path that learns something about a payment (the proxy's
 * processPayment, payment-status, Paylink's webhook, verifyPayment, reconcile) goes through
 * here. An order counts as paid only on Paylink's word (getInvoice: paid, the amount matching),
 * and the store's `onPaid` is called once per order across every instance sharing the ledger.
 */
import { PaylinkServerError } from '../errors.js';
import { verdict, type Invoice } from '../invoice.js';
import {
  beginAttempt,
  claimDelivery,
  delivered,
  dropAttempt,
  endAttempt,
  renewAttempt,
  inFlight,
  isPending,
  markPaid,
  recordSend,
  releaseClaim,
  settleUnpaid,
  type AttemptOutcome,
  type Begun,
  type Blocked,
  type PaidSource,
} from './entry.js';
import type { Ledger } from './ledger.js';

export type { PaidSource };

/** What `onPaid` is called with. */
export interface PaidOrder {
  /** Paylink's number for the invoice. */
  transactionNo: string;
  /** The merchant's own order number, as addInvoice recorded it ('' if the answer lacks it). */
  orderNumber: string;
  /** The amount Paylink has the invoice paid for. */
  amount: number;
  /** What told the kit: the proxy's processPayment, the webhook, a status poll, ... */
  source: PaidSource;
}

/** The store's handler for a paid order: where it ships. May return a promise. */
export type OnPaid = (order: PaidOrder) => unknown;

/** What payment-status answers. */
export type PaymentState = 'paid' | 'pending' | 'unpaid';

export interface PaymentsOptions {
  ledger: Ledger;
  /** Paylink's invoice, fresh (never from a cache). */
  getInvoice: (transactionNo: string) => Promise<Invoice>;
  onPaid?: OnPaid;
  /** How long an unknown outcome counts as pending. */
  pendingMs: number;
  /** How long the payment lock holds: longer than a call to Paylink may take. */
  lockMs: number;
  /** How long one onPaid call may take before its claim is released. */
  onPaidTimeout: number;
}

/**
 * Takes a delivery of onPaid that the caller does not wait for (an answer to Paylink's webhook
 * must be quick): a platform's `waitUntil`, or nothing. Without it, the caller waits.
 */
export type Later = (work: Promise<unknown>) => void;

export interface Payments {
  /**
   * Counts a sendOtp about to be relayed, in one step with the check that the order is not
   * blocked (paid, a payment in flight or its outcome unknown); resolves why it is, if it is.
   */
  recordSend(transactionNo: string): Promise<Blocked | undefined>;
  begin(transactionNo: string): Promise<Begun & { id: string }>;
  end(transactionNo: string, id: string, kind: AttemptOutcome): Promise<void>;
  /** Releases the lock of an attempt that was not relayed after all. */
  drop(transactionNo: string, id: string): Promise<void>;
  /** Holds the attempt's lock `lockMs` from now; false if it is no longer held. */
  renew(transactionNo: string, id: string): Promise<boolean>;
  /**
   * Asks getInvoice; when it says paid for `amount` (default: the amount the invoice was
   * created for), records it and delivers onPaid. Resolves whether it is paid.
   */
  confirm(
    transactionNo: string,
    source: PaidSource,
    options?: { amount?: number; later?: Later },
  ): Promise<boolean>;
  /** Records a paid invoice the caller already has Paylink's word on, and delivers onPaid. */
  paid(invoice: Invoice, source: PaidSource, later?: Later): Promise<void>;
  status(transactionNo: string, later?: Later): Promise<PaymentState>;
  reconcile(concurrency?: number): Promise<{ checked: number; paid: number }>;
}

/** The amount an invoice was created for: what a paid verdict compares with. */
export function requestedAmount(invoice: Invoice): number {
  const requested = invoice.gatewayOrderRequest?.amount;
  return typeof requested === 'number' ? requested : invoice.amount;
}

const newId = () =>
  typeof crypto?.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** How many orders one reconcile() looks at, at most. */
const RECONCILE_BATCH = 1000;

export function createPayments(options: PaymentsOptions): Payments {
  const { ledger, getInvoice, onPaid, pendingMs, lockMs, onPaidTimeout } = options;

  async function paid(invoice: Invoice, source: PaidSource, later?: Later): Promise<void> {
    const orderNumber = invoice.gatewayOrderRequest?.orderNumber;
    await ledger.update(invoice.transactionNo, (entry, now) =>
      markPaid(entry, now, {
        amount: invoice.amount,
        orderNumber: typeof orderNumber === 'string' ? orderNumber : '',
        source,
      }),
    );
    await deliverOrLater(invoice.transactionNo, later);
  }

  /** Delivers now, or hands the delivery to `later`; its failure is left for reconcile(). */
  async function deliverOrLater(transactionNo: string, later?: Later) {
    if (!later) return void (await deliver(transactionNo));
    const delivery = deliver(transactionNo).catch(() => false);
    later(delivery);
  }

  /**
   * Calls onPaid for a paid order unless it was delivered or another instance is delivering it:
   * the claim is taken atomically, kept once onPaid returns, released if it throws or runs past
   * `onPaidTimeout`, for a later event or reconcile() to try again.
   */
  async function deliver(transactionNo: string): Promise<boolean> {
    const id = newId();
    const claimed = await ledger.update(transactionNo, (entry, now) =>
      claimDelivery(entry, now, { id, claimMs: onPaidTimeout + 5000 }),
    );
    if (!claimed) return false;
    const claimUntil = Date.now() + onPaidTimeout + 5000;
    let ok = true;
    if (onPaid) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(() =>
            onPaid(
              Object.freeze({
                transactionNo,
                orderNumber: claimed.orderNumber,
                amount: claimed.amount,
                // What told the kit the order is paid, whoever delivers it.
                source: claimed.source,
              }),
            ),
          ),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('onPaid timed out')), onPaidTimeout);
          }),
        ]);
      } catch {
        ok = false;
      } finally {
        clearTimeout(timer);
      }
    }
    if (!ok) {
      await ledger.update(transactionNo, (entry, now) => releaseClaim(entry, now, { id }));
      return false;
    }
    // onPaid returned: that must be written down while the claim holds, or it runs again.
    for (let wait = 100; ; wait *= 2) {
      try {
        return await ledger.update(transactionNo, (entry, now) => delivered(entry, now, { id }));
      } catch (error) {
        if (Date.now() + wait >= claimUntil) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async function confirm(
    transactionNo: string,
    source: PaidSource,
    { amount, later }: { amount?: number; later?: Later } = {},
  ): Promise<boolean> {
    const invoice = await getInvoice(transactionNo);
    const expected = { transactionNo, amount: amount ?? requestedAmount(invoice) };
    if (!verdict(invoice, expected).paid) return false;
    await paid(invoice, source, later);
    return true;
  }

  async function status(transactionNo: string, later?: Later): Promise<PaymentState> {
    const entry = await ledger.get(transactionNo);
    if (entry?.paid) {
      if (entry.delivered === undefined) await deliverOrLater(transactionNo, later);
      return 'paid';
    }
    // While Paylink is working on a payment, its invoice says nothing yet: no need to ask.
    if (inFlight(entry, Date.now())) return 'pending';
    try {
      if (await confirm(transactionNo, 'payment-status', { later })) return 'paid';
    } catch (error) {
      // Paylink could not be asked: a payment that may be going through is still pending.
      const store = error instanceof PaylinkServerError && error.code === 'store';
      if (!store && isPending(entry, Date.now(), pendingMs)) return 'pending';
      throw error;
    }
    // Read again: a payment may have started, or been found paid (the webhook, another poll),
    // while Paylink was asked.
    const latest = await ledger.get(transactionNo);
    if (latest?.paid) return 'paid';
    return isPending(latest, Date.now(), pendingMs) ? 'pending' : 'unpaid';
  }

  /** One open order: deliver, or ask Paylink; resolves whether it was found paid. */
  async function settle(transactionNo: string): Promise<boolean> {
    const entry = await ledger.get(transactionNo);
    if (!entry) return false;
    if (entry.paid) {
      await deliver(transactionNo);
      return true;
    }
    if (inFlight(entry, Date.now())) return false;
    let found: boolean;
    try {
      found = await confirm(transactionNo, 'reconcile');
    } catch (error) {
      // An invoice Paylink does not have was never paid; anything else is tried next time.
      if (!(error instanceof PaylinkServerError && error.code === 'not-found')) throw error;
      found = false;
    }
    if (!found) await ledger.update(transactionNo, (e, now) => settleUnpaid(e, now, { pendingMs }));
    return found;
  }

  return {
    recordSend: (transactionNo) =>
      ledger.update(transactionNo, (entry, now) => recordSend(entry, now, { pendingMs })),
    async begin(transactionNo) {
      const id = newId();
      try {
        const begun = await ledger.update(transactionNo, (entry, now) =>
          beginAttempt(entry, now, { id, lockMs, pendingMs }),
        );
        return { ...begun, id };
      } catch (error) {
        // A write that timed out may still land: its lock must not hold a payment never sent.
        void ledger
          .update(transactionNo, (entry, now) => dropAttempt(entry, now, { id }))
          .catch(() => {});
        throw error;
      }
    },
    renew: (transactionNo, id) =>
      ledger.update(transactionNo, (entry, now) => renewAttempt(entry, now, { id, lockMs })),
    end: (transactionNo, id, kind) =>
      ledger.update(transactionNo, (entry, now) => endAttempt(entry, now, { id, kind })),
    drop: (transactionNo, id) =>
      ledger.update(transactionNo, (entry, now) => dropAttempt(entry, now, { id })),
    confirm,
    paid,
    status,
    async reconcile(concurrency = 4) {
      const orders = await ledger.openOrders(RECONCILE_BATCH);
      let next = 0;
      let found = 0;
      let failure: unknown;
      const worker = async () => {
        while (next < orders.length) {
          const transactionNo = orders[next++]!;
          try {
            if (await settle(transactionNo)) found++;
          } catch (error) {
            failure ??= error;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
      // Every order was tried; a store that failed on the way is reported once.
      if (failure instanceof PaylinkServerError && failure.code === 'store') throw failure;
      return { checked: orders.length, paid: found };
    },
  };
}
