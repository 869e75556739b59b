import type { CheckoutHost } from './host.js';
import { buildSendOtpBody } from './send-otp-request.js';
import type { SendOtpBody } from './stcpay-client.js';
import { sendWait } from './transactions.js';

/** Whole seconds before a code may be sent for the transaction, to the number if known. */
export function waitFor(
  el: CheckoutHost,
  to: Partial<SendOtpBody> & { orderNumber: string },
): number {
  return Math.ceil(sendWait(to.orderNumber, numberOf(to), sendSpacing(el)) / 1000);
}

/** Milliseconds between two sends for one transaction (`resend-after`). */
export function sendSpacing({ resendAfter: seconds }: CheckoutHost): number {
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/**
 * Counts down what is left of the wait before a code may be sent: for the session's
 * transaction and number, or for those the inputs give now.
 */
export function showSendWait(el: CheckoutHost): void {
  // A removed element keeps no timer: it counts down again once it is back.
  if (!el.isConnected) return el.countdown.stop();
  const check = buildSendOtpBody(el);
  const wait = waitFor(
    el,
    el.session ?? (check.ok ? check.body : { orderNumber: (el.transactionNo ?? '').trim() }),
  );
  if (wait > 0) el.countdown.start(wait);
  else el.countdown.stop();
}

/** The number a send goes to, as the page's record keys it: country code, then national digits. */
export function numberOf(to: Partial<SendOtpBody>): string | undefined {
  return to.stcpayMobile && to.stcpayMobileCountryCode + to.stcpayMobile;
}
