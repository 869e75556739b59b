import { html } from 'lit';
import { PaylinkError } from '../core/errors.js';
import type { OtpCompleteDetail, PaymentProcessedDetail } from '../core/events.js';
import { isCompleteOtp, parseOtp } from '../input/otp.js';
import { processPayment, processPaymentBody } from './stcpay-client.js';
import { blamesCode, lostAnswer, needsNewCode } from './refusal.js';
import { statusRequestUrl } from './store-status.js';
import { setStanding } from './transactions.js';
import type { CheckoutHost, StcpayOtpState } from './host.js';
import { busy, statusText } from './status-line.js';
import { offerNewCode } from './code-session.js';
import { showSendWait } from './send-wait.js';
import { receiveSmsOtp } from '../core/web-otp.js';
import { renderOtpField, renderResend } from '../core/otp-field.js';
import { becomeUnconfirmed, paid } from './outcome.js';

// The code step: entering it, the code field, resend and change-mobile, the browser's SMS code
// reader, confirming the code (`otp-complete`) and, with `process-payment`, the processPayment
// request. Leaving the step is code-session.ts's.

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

/** Confirms the code typed (`confirm()`), and pays with `process-payment`. */
export async function runConfirm(el: CheckoutHost): Promise<PaymentProcessedDetail | null> {
  const session = el.session!;
  const otp = el.checkedOtp(el.otp);

  if (el.processPayment && el.statusUrl && !el.verifyPayment) {
    if (!statusRequestUrl(el.statusUrl, session.orderNumber))
      throw el.fail({ code: 'validation', field: 'statusUrl' });
  }

  const body: OtpCompleteDetail = processPaymentBody({ ...session, stcpayPaymentOTP: otp });
  el.error = undefined;
  el.notice = '';
  if (!el.processPayment) {
    el.completedOtp = otp;
    el.status = 'sent';
    el.emit('otp-complete', Object.freeze({ ...body }));
    return null;
  }

  el.status = 'verifying';
  setStanding(session.orderNumber, 'paying');
  el.emit('otp-complete', Object.freeze({ ...body }));
  let payment: PaymentProcessedDetail;
  try {
    payment = await el.inFlight.track(
      el.requests.run((signal) => processPayment(body, { ...el.requestOptions, signal })),
    );
  } catch (error) {
    const lost = error instanceof PaylinkError ? lostAnswer(error.reason) : undefined;
    if (lost) becomeUnconfirmed(el, session, lost);
    else if ((el.status as StcpayOtpState) !== 'unconfirmed') {
      // Refused: Paylink said no, so nothing was paid.
      setStanding(session.orderNumber, undefined);
      if (error instanceof PaylinkError && needsNewCode(error.refusal))
        // An expired code is cleared; one that may only be mistyped stays to be retyped.
        offerNewCode(el, session.orderNumber, error.refusal === 'code-expired');
    }
    throw error;
  }
  setStanding(session.orderNumber, 'paid');
  paid(el, payment);
  return Object.freeze({ ...payment });
}

// The handlers are listeners: called on the element, as `this`.

function handleConfirm(this: CheckoutHost, event: SubmitEvent): void {
  event.preventDefault();
  if (this.disabled || busy(this) || sameAsCompleted(this)) return;
  this.confirm().catch(() => {});
}

function handleOtpInput(this: CheckoutHost, event: InputEvent): void {
  this.otp = (event.target as HTMLInputElement).value;
  this.clearError('sent');
  // With a known length, a complete code confirms itself (typed or pasted).
  if (isCompleteOtp(this.otp, this.otpLength) && !sameAsCompleted(this))
    this.confirm().catch(() => {});
}

function sameAsCompleted(el: CheckoutHost): boolean {
  const check = parseOtp(el.otp, el.otpLength);
  return el.completedOtp !== undefined && check.ok && check.otp === el.completedOtp;
}

function handleResend(this: CheckoutHost): void {
  if (this.disabled || busy(this) || this.countdown.remaining > 0) return;
  this.send().catch(() => {});
}

function handleChangeMobile(this: CheckoutHost): void {
  if (this.status === 'verifying' || this.status === 'unconfirmed') return;
  this.reset();
  void this.updateComplete.then(() => this.mobileInput?.focus());
}

export function renderCodeStep(el: CheckoutHost, cancel: unknown) {
  const m = el.text;
  const isBusy = busy(el);
  const verifying = el.status === 'verifying';
  const otpInvalid = el.error?.field === 'otp' || blamesCode(el.error?.refusal);
  const primary = el.newCodeNeeded;
  const confirmLabel = el.processPayment ? m.confirmPayment : m.confirm;
  return el.renderForm(
    'otp-form',
    isBusy,
    handleConfirm,
    html`
      <p part="status" id="status" role="status">${statusText(el, m)}</p>
      ${renderOtpField(el, otpInvalid, isBusy, handleOtpInput)}
      <button
        part="confirm"
        type="submit"
        class=${primary ? 'secondary' : ''}
        ?disabled=${el.disabled}
        aria-disabled=${isBusy || sameAsCompleted(el) ? 'true' : 'false'}
      >
        <span part="spinner" aria-hidden="true" ?hidden=${!verifying}></span>
        ${verifying ? m.verifying : confirmLabel}
      </button>
      <p part="error" id="error" role="alert">${el.errorText}</p>
      <div part="actions" class="actions">
        ${renderResend(el, primary ? 'primary' : 'link', isBusy, handleResend)}
        <button
          part="change-mobile"
          type="button"
          class="link"
          ?disabled=${el.disabled || verifying}
          @click=${handleChangeMobile}
        >
          ${m.changeMobile}
        </button>
      </div>
      ${cancel}
      <p class="visually-hidden" role="status">${el.resendAnnouncement}</p>
    `,
  );
}
