import { html } from 'lit';
import type {
  OtpSentDetail,
  PaymentProcessedDetail,
  PaymentUnconfirmedDetail,
  UnconfirmedReason,
} from '../core/events.js';
import { formatDecimal } from '../i18n/amount.js';
import { endOtpStep, offerNewCode, stopSmsOtp } from './code-session.js';
import type { CheckoutHost, Unconfirmed } from './host.js';
import {
  askUntilAnswered,
  statusRequestUrl,
  type PaymentStatus,
  type StatusSource,
} from './store-status.js';
import { setStanding } from './transactions.js';

// How a payment ends: paid, or unconfirmed (its answer was lost, or Paylink says the order is
// paid already) while the element asks the store (`status-url`, `verifyPayment`) or waits for
// `resolvePayment()`, then settled paid or unpaid.

/** The payment went through: `paid`, and `payment-processed` with a copy of `payment`. */
export function paid(el: CheckoutHost, payment: PaymentProcessedDetail): void {
  el.payment = { ...payment };
  el.status = 'paid';
  endOtpStep(el);
  el.emit('payment-processed', Object.freeze({ ...payment }));
  void el.updateComplete.then(() => el.paidMessage?.focus());
}

/**
 * The payment may have gone through: says so, tells the host page, keeps any element on the
 * page from paying or sending for the transaction, and asks the store if it can.
 */
export function becomeUnconfirmed(
  el: CheckoutHost,
  { orderNumber, total }: Pick<OtpSentDetail, 'orderNumber' | 'total'>,
  { reason, status }: { reason: UnconfirmedReason; status?: number },
): void {
  el.unconfirmed = { orderNumber, total, reason, checking: false };
  if (status !== undefined) el.unconfirmed.status = status;
  el.status = 'unconfirmed';
  el.error = undefined;
  setStanding(orderNumber, 'unconfirmed');
  el.countdown.stop();
  stopSmsOtp(el);
  const detail: PaymentUnconfirmedDetail = { orderNumber, total, reason };
  if (status !== undefined) detail.status = status;
  el.emit('payment-unconfirmed', Object.freeze(detail));
  if (el.isConnected) askStore(el, el.unconfirmed);
}

/** Where to ask whether the payment went through, if the host gave a way. */
function statusSource(el: CheckoutHost, transactionNo: string): StatusSource | undefined {
  if (el.verifyPayment) return { verifyPayment: el.verifyPayment };
  const url = el.statusUrl ? statusRequestUrl(el.statusUrl, transactionNo) : null;
  return url ? { url } : undefined;
}

/** Asks the store a few times, further apart each time, then settles or says it will wait. */
export function askStore(el: CheckoutHost, unconfirmed: Unconfirmed): void {
  const source = statusSource(el, unconfirmed.orderNumber);
  if (!source) return;
  const controller = (el.statusController = new AbortController());
  const { signal } = controller;
  el.unconfirmed = { ...unconfirmed, checking: true };
  askUntilAnswered(unconfirmed.orderNumber, source, el.timeout, signal).then(
    (answer) => {
      if (signal.aborted) return;
      el.statusController = undefined;
      if (answer) settle(el, answer, unconfirmed);
      else if (el.unconfirmed) el.unconfirmed = { ...el.unconfirmed, checking: false };
    },
    () => {}, // stopped: removed, or resolved by the host
  );
}

export function stopAskingStore(el: CheckoutHost): void {
  el.statusController?.abort();
  el.statusController = undefined;
  if (el.unconfirmed) el.unconfirmed = { ...el.unconfirmed, checking: false };
}

/** Ends an unconfirmed payment: paid, or back to the code step for a new code. */
export function settle(
  el: CheckoutHost,
  status: PaymentStatus,
  { orderNumber, total }: Unconfirmed,
): void {
  stopAskingStore(el);
  el.unconfirmed = undefined;
  if (status === 'paid') {
    setStanding(orderNumber, 'paid');
    return paid(el, { orderNumber, orderAmount: total, msg: '', confirmedByStore: true });
  }
  setStanding(orderNumber, undefined);
  el.status = el.session ? 'sent' : 'idle';
  offerNewCode(el, orderNumber);
  el.notice = 'paymentUnpaid';
}

export function renderUnconfirmed(el: CheckoutHost) {
  const m = el.text;
  const { checking, orderNumber } = el.unconfirmed!;
  // With no way to ask the store, the host page is checking: say so, as while asking.
  const gaveUp = !checking && statusSource(el, orderNumber) !== undefined;
  return html`
    <p
      part="unconfirmed"
      role="status"
      tabindex="-1"
      aria-busy=${checking ? 'true' : 'false'}
      lang=${el.localize.lang}
      dir=${el.localize.dir}
    >
      <span part="spinner" aria-hidden="true" ?hidden=${!checking}></span>
      ${gaveUp ? m.paymentUnconfirmed : m.paymentChecking}
    </p>
  `;
}

export function renderPaid(el: CheckoutHost) {
  const m = el.text;
  return html`
    <p part="paid" role="status" tabindex="-1" lang=${el.localize.lang} dir=${el.localize.dir}>
      ${m.paid(m.amount(formatDecimal(el.payment!.orderAmount)))}
    </p>
  `;
}
