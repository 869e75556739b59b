// Leaving the code step, and offering a new code: what the element does whether or not its code
// step was loaded. Entering the step, and the browser's SMS code reader, are code-step.ts's.
import type { CheckoutHost } from './host.js';
import { showSendWait } from './send-wait.js';
import { allowSendNow } from './transactions.js';

/** Leaves the code step: its session, code, countdown and WebOTP request are gone. */
export function endOtpStep(el: CheckoutHost): void {
  el.session = undefined;
  el.otp = '';
  el.completedOtp = undefined;
  el.resendAnnouncement = '';
  el.countdown.stop();
  stopSmsOtp(el);
}

/**
 * The code cannot be used any more (it expired, or the payment did not go through): a new one
 * is one tap away, at once, and the code field is cleared and focused.
 */
export function offerNewCode(el: CheckoutHost, orderNumber: string, clear = true): void {
  allowSendNow(orderNumber);
  el.newCodeNeeded = true;
  // At once, unless the number must wait (lost sends in a row, or the server said so).
  showSendWait(el);
  if (!clear) return;
  el.otp = '';
  el.completedOtp = undefined;
  void el.updateComplete.then(() => el.otpInput?.focus());
}

export function stopSmsOtp(el: CheckoutHost): void {
  el.smsController?.abort();
  el.smsController = undefined;
}
