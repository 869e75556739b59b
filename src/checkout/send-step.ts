import { html, nothing } from 'lit';
import { PaylinkError, type ErrorReason } from '../core/errors.js';
import type { OtpSentDetail } from '../core/events.js';
import { formatDecimal } from '../i18n/amount.js';
import { MOBILE_RULES, normaliseCountryCode } from '../input/mobile.js';
import { blamesNumber, lostAnswer } from './refusal.js';
import { sendOtp, type SendOtpBody } from './stcpay-client.js';
import { buildSendOtpBody } from './send-otp-request.js';
import { noteFailure, noteSend, noteSuccess, undoSend, type SendMark } from './transactions.js';
import type { CheckoutHost } from './host.js';
import { busy, statusText } from './status-line.js';
import { numberOf, sendSpacing, showSendWait, waitFor } from './send-wait.js';

// The send step: the mobile number form, checking and spacing a send, the sendOtp request and
// what a failed one leaves behind, and cancelling one that takes long.

/** Sends a code for the inputs, once they pass and the wait is over (`send()`). */
export async function runSend(el: CheckoutHost): Promise<OtpSentDetail> {
  const check = buildSendOtpBody(el);
  if (!check.ok) throw el.fail(check.reason);
  const { body } = check;
  const resent = el.session !== undefined && sameRequest(el.session, body);
  // However the code step was left, and whichever element asks: no SMS pumping.
  const wait = waitFor(el, body);
  if (wait > 0) {
    showSendWait(el);
    throw el.fail({ code: 'too-soon', wait });
  }

  el.status = 'sending';
  el.error = undefined;
  el.notice = '';
  const sentAt = performance.now();
  const mark = noteSend(body.orderNumber, sentAt);
  el.cancelled = false;
  let answer: Awaited<ReturnType<typeof sendOtp>>;
  try {
    answer = await el.inFlight.track(
      el.requests.run(async (signal) => {
        // No code is sent that the element cannot then take: its code step comes first.
        if (el.collectsOtp && !el.codeStep)
          await el.loadCodeStep().catch((error: unknown) => {
            undoSend(body.orderNumber, mark, sentAt);
            throw error; // a network error, to the shopper
          });
        if (signal.aborted) undoSend(body.orderNumber, mark, sentAt);
        signal.throwIfAborted();
        return sendOtp({ ...body }, { ...el.requestOptions, signal }).catch((error: unknown) => {
          throw sendFailed(el, body, mark, sentAt, error);
        });
      }),
    );
  } catch (error) {
    if (el.cancelled) {
      el.notice = 'sendCancelled';
      // Cancelled for the third time in a row: the wait is said beside it.
      const wait = waitFor(el, body);
      if (wait) el.error = new PaylinkError({ code: 'too-soon', wait }, '');
    }
    // Paid already (another tab, a reload after paying), or a payment under way: that is for
    // the store to confirm.
    const why = error instanceof PaylinkError ? paidOrPaying(el, error.reason) : undefined;
    if (why) await unconfirmSend(el, body, why, error as PaylinkError);
    else showSendWait(el);
    throw error;
  }
  noteSuccess(numberOf(body)!);
  // Paylink's fields first, `stcMobile` last of them when it came (parseSendOtpResponse).
  const detail: OtpSentDetail = {
    ...answer,
    stcpayMobileCountryCode: body.stcpayMobileCountryCode,
    orderNumber: body.orderNumber,
    total: body.total,
    ...(resent ? { resent: true as const } : {}),
  };
  el.session = detail;
  el.status = 'sent';
  el.newCodeNeeded = false;
  el.notice = '';
  if (el.collectsOtp) el.codeStep?.startOtpStep(el);
  // Fresh, frozen copies: what a listener or the caller does to them changes nothing here.
  el.emit('otp-sent', Object.freeze({ ...detail }));
  return Object.freeze({ ...detail });
}

/**
 * A send that ended without a code to use (`error`): its transaction is not spaced by it, and
 * if it may have texted the number (its answer was lost, or it was aborted) it counts towards
 * the number's failures in a row; a server's Retry-After holds the number as long. Returns the
 * error to fail with: with the wait, when the next send must wait. A send that never left (a
 * validation error) only takes back its mark.
 */
function sendFailed(
  el: CheckoutHost,
  body: SendOtpBody,
  mark: SendMark,
  sentAt: number,
  error: unknown,
): unknown {
  undoSend(body.orderNumber, mark, sentAt);
  const reason = error instanceof PaylinkError ? error.reason : undefined;
  if (reason?.code === 'validation') return error;
  // No answer, or one lost on the way, may have come after the SMS; a server's "paid" or "a
  // payment is under way" came instead of one.
  const lost = reason ? lostAnswer(reason)?.reason : 'no answer';
  noteFailure(
    numberOf(body)!,
    sentAt,
    lost !== undefined && lost !== 'already-paid' && lost !== 'in-progress',
    sendSpacing(el),
    (reason as { retryAfter?: number } | undefined)?.retryAfter,
  );
  const wait = waitFor(el, body);
  return wait && reason ? new PaylinkError({ ...reason, wait } as ErrorReason, '') : error;
}

/**
 * Why a refused send is for the store to confirm, if it is: Paylink says the order is paid
 * already (another tab, a reload after paying), or, for an element that pays
 * (`process-payment`), the store's server answers 409: a payment for the order is under way or
 * its outcome unknown. A page that pays itself hears of its payments itself: to it, a 409 is
 * an error.
 */
export function paidOrPaying(
  el: Pick<CheckoutHost, 'processPayment'>,
  reason: ErrorReason,
): 'already-paid' | 'in-progress' | undefined {
  if (reason.code !== 'http') return undefined;
  if (reason.refusal === 'already-paid') return 'already-paid';
  return reason.status === 409 && el.processPayment ? 'in-progress' : undefined;
}

/**
 * A send refused for `why` (paidOrPaying): the outcome handling, loaded for it if it was not,
 * asks the store. Should that fail, the refusal is shown, and dispatched, as an error.
 */
async function unconfirmSend(
  el: CheckoutHost,
  body: SendOtpBody,
  why: 'already-paid' | 'in-progress',
  error: PaylinkError,
) {
  try {
    const code = el.codeStep ?? (await el.loadCodeStep());
    code.becomeUnconfirmed(el, body, { reason: why, status: error.status });
  } catch {
    el.error = error;
    el.status = 'error';
    el.emit('otp-error', error.toDetail());
  }
}

/**
 * Stops a send in flight (Cancel, Escape): safe, as nothing was charged. Not a payment. A
 * listener, called on the element, as are the handlers below.
 */
export function cancelSend(this: CheckoutHost): void {
  if (this.status !== 'sending') return;
  this.cancelled = true;
  this.requests.abort();
}

function handleSubmit(this: CheckoutHost, event: SubmitEvent): void {
  event.preventDefault();
  if (this.disabled || busy(this) || this.status === 'sent') return;
  if (this.countdown.remaining > 0 && !this.onOtpStep) return; // the button shows the wait
  this.send().catch(() => {
    // Already shown and dispatched as otp-error.
  });
}

/** The shopper is at the number: time to load the code step, if the element takes the code. */
function loadCodeStepNow(this: CheckoutHost): void {
  if (this.collectsOtp && !this.codeStep) this.loadCodeStep().catch(() => {});
}

function handleMobileInput(this: CheckoutHost, event: InputEvent): void {
  loadCodeStepNow.call(this);
  this.mobile = (event.target as HTMLInputElement).value;
  // A wait shown was for the number as it was: another may go at once.
  if (this.status === 'sent' || this.error?.field === 'mobile' || this.error?.retryAfter)
    this.reset();
  else showSendWait(this);
}

/**
 * The number form. The input's value is a plain property binding: handleMobileInput keeps
 * `mobile` equal to what the field holds, so only a number the page sets is ever written back.
 */
export function renderSendStep(el: CheckoutHost) {
  const m = el.text;
  const sending = el.status === 'sending';
  const mobileInvalid = el.error?.field === 'mobile' || blamesNumber(el.error?.refusal);
  const total = el.total;
  const held = el.countdown.remaining > 0 && !sending && el.status !== 'sent';
  const submitLabel = held
    ? m.sendIn(el.countdown.clock)
    : typeof total === 'number' && Number.isFinite(total) && total > 0
      ? m.pay(m.amount(formatDecimal(total)))
      : m.submit;
  return el.renderForm(
    'form',
    sending,
    handleSubmit,
    html`
      <label part="label" for="mobile">${m.mobileLabel}</label>
      <div part="field" class="field ${mobileInvalid ? 'invalid' : ''}" dir="ltr">
        <span part="country-code" id="country-code"
          >+${normaliseCountryCode(el.countryCode) || el.countryCode}</span
        >
        <input
          part="mobile"
          id="mobile"
          name="mobile"
          type="tel"
          inputmode="numeric"
          enterkeyhint="send"
          autocomplete="tel-national"
          placeholder=${MOBILE_RULES[normaliseCountryCode(el.countryCode)]?.written.example ?? ''}
          dir="ltr"
          .value=${el.mobile}
          ?readonly=${sending}
          ?disabled=${el.disabled}
          aria-invalid=${mobileInvalid ? 'true' : 'false'}
          aria-describedby=${el.error ? 'country-code error' : 'country-code'}
          @focus=${loadCodeStepNow}
          @input=${handleMobileInput}
        />
      </div>
      <button
        part="submit"
        type="submit"
        ?disabled=${el.disabled}
        aria-disabled=${sending || held || el.status === 'sent' ? 'true' : 'false'}
      >
        <span part="spinner" aria-hidden="true" ?hidden=${!sending}></span>
        ${sending ? m.sending : submitLabel}
      </button>
      <div part="messages" class="messages">
        <p part="status" id="status" role="status">${statusText(el, m)}</p>
        <p part="error" id="error" role="alert">${el.errorText}</p>
      </div>
      ${renderCancel(el)}
    `,
  );
}

/** Cancel, for a send that has taken a while. A payment in flight cannot be cancelled. */
export function renderCancel(el: CheckoutHost) {
  if (el.status !== 'sending' || !el.inFlight.slow) return nothing;
  return html`<button part="cancel" type="button" class="link" @click=${cancelSend}>
    ${el.text.cancel}
  </button>`;
}

/** Whether a send is for the same number and order as an earlier session, i.e. a resend. */
function sameRequest(session: OtpSentDetail, body: SendOtpBody): boolean {
  return (
    session.stcpayMobileCountryCode === body.stcpayMobileCountryCode &&
    session.stcpayMobile === body.stcpayMobile &&
    session.orderNumber === body.orderNumber &&
    session.total === body.total
  );
}
