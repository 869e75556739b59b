import { receiveSmsOtp } from '../core/web-otp.js';
import type { CheckoutHost } from './host.js';
import { showSendWait } from './send-wait.js';
import { allowSendNow } from './transactions.js';

/** After a code was sent: an empty code input with focus, the resend countdown, WebOTP. */
export function startOtpStep(el: CheckoutHost): void {
  el.otp = '';
  el.completedOtp = undefined;
  showSendWait(el);
  el.resendAnnouncement =
    el.countdown.remaining > 0 ? el.text.resendWait(el.countdown.remaining) : '';
  void el.updateComplete.then(() => el.otpInput?.focus());
  startSmsOtp(el);
}

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

/** Offers the code from the SMS where the browser can read it (WebOTP), and confirms it. */
function startSmsOtp(el: CheckoutHost): void {
  if (el.smsController) return;
  const controller = (el.smsController = new AbortController());
  void receiveSmsOtp(controller.signal).then((code) => {
    if (el.smsController === controller) el.smsController = undefined;
    if (!code || controller.signal.aborted || !el.onOtpStep) return;
    el.otp = code;
    el.confirm().catch(() => {});
  });
}

export function stopSmsOtp(el: CheckoutHost): void {
  el.smsController?.abort();
  el.smsController = undefined;
}
