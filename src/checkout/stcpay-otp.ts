import { html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatDecimal } from '../i18n/amount.js';
import { CountdownController } from '../core/countdown.js';
import type { PaylinkError } from '../core/errors.js';
import type { OtpCompleteDetail, OtpSentDetail, PaymentProcessedDetail } from '../core/events.js';
import type { Messages } from '../i18n/messages.js';
import { formatNational, maskNational, normaliseCountryCode } from '../input/mobile.js';
import { otpField } from '../core/otp-field.js';
import { isCompleteOtp, parseOtp } from '../input/otp.js';
import {
  processPayment as requestProcessPayment,
  sendOtp,
  type SendOtpBody,
} from './stcpay-client.js';
import { PaylinkElement } from '../core/paylink-element.js';
import { buildSendOtpBody } from './send-otp-request.js';
import { receiveSmsOtp } from '../core/web-otp.js';

export type StcpayOtpState = 'idle' | 'sending' | 'sent' | 'verifying' | 'paid' | 'error';

/**
 * Collects a customer's STC Pay mobile number and asks Paylink to text them a one-time code
 * (`sendOtp`), handing the host page what its `processPayment` call needs. With `collect-otp`
 * it also takes the code; with `process-payment` it completes the payment itself.
 *
 * @summary STC Pay checkout through Paylink: mobile number → code → paid.
 *
 * @attr {string} lang - The language, `en` or `ar`; unset, the closest ancestor's `lang`, else
 *   the document's.
 *
 * @fires otp-sent - The code is on its way. `detail`: `{paymentSessionId, signature,
 *   signedBase64Data, stcpayMobile, stcMobile, stcpayMobileCountryCode, orderNumber, total,
 *   resent?}`.
 * @fires otp-error - Nothing was sent, or a request failed. `detail`: `{code, message, status?,
 *   field?, retryable}` with `code` one of `validation`, `http`, `network`, `timeout`,
 *   `bad-response`.
 * @fires otp-complete - The customer confirmed a well-formed code. `detail`: Paylink's
 *   processPayment body, `{stcpayMobileCountryCode, stcpayMobile, orderNumber, total,
 *   stcpayPaymentOTP, paymentSessionId, signature, signedBase64Data}`.
 * @fires payment-processed - With `process-payment`: Paylink accepted the payment. `detail`:
 *   `{orderNumber, orderAmount, msg}`. Not proof of payment: confirm with getInvoice server side.
 *
 * @csspart form - The mobile-number form.
 * @csspart label - The mobile number's label.
 * @csspart field - The box around an input (and the country code).
 * @csspart country-code - The country code shown before the number (`+966`).
 * @csspart mobile - The mobile number input.
 * @csspart submit - The send button.
 * @csspart spinner - The busy indicator inside a button while a request is in flight.
 * @csspart status - The polite status line ("We sent a verification code…").
 * @csspart error - The error text; empty when there is no error.
 * @csspart messages - The room status and error share on the number step (two lines, kept even
 *   when empty).
 * @csspart otp-form - The code form.
 * @csspart otp-label - The code's label.
 * @csspart otp - The code input.
 * @csspart confirm - The confirm (or pay) button.
 * @csspart actions - The row holding resend and change-mobile.
 * @csspart resend - The resend button, disabled during its countdown.
 * @csspart change-mobile - The button back to the mobile number.
 * @csspart paid - The confirmation shown once the payment went through.
 *
 * @cssproperty --stcpay-otp-accent - Button and focus colour. Default `#4f008c` (STC Pay purple).
 * @cssproperty --stcpay-otp-accent-text - Text on the button. Default `#fff`.
 * @cssproperty --stcpay-otp-text - Text colour.
 * @cssproperty --stcpay-otp-background - The inputs' background.
 * @cssproperty --stcpay-otp-surface - The element's own background. Default transparent (dark:
 *   `#1c1b22`).
 * @cssproperty --stcpay-otp-padding - The element's padding. Default 0 (dark: `1rem`).
 * @cssproperty --stcpay-otp-link-color - Resend and change-number links. Default the accent
 *   (dark: a light tint of it).
 * @cssproperty --stcpay-otp-border-color - The inputs' border.
 * @cssproperty --stcpay-otp-radius - Corner radius of inputs and buttons.
 * @cssproperty --stcpay-otp-font-family - Font family.
 * @cssproperty --stcpay-otp-font-size - Base font size.
 * @cssproperty --stcpay-otp-spacing - Gap between rows.
 * @cssproperty --stcpay-otp-focus-ring - The focus outline (a full `outline` value).
 * @cssproperty --stcpay-otp-error-color - Error text and invalid border.
 *
 * Every default follows the system's dark preference unless `theme` says otherwise. The state is
 * also a CSS custom state: `stcpay-otp:state(sending)`, `:state(paid)` and so on.
 */
export class StcpayOtp extends PaylinkElement<StcpayOtpState> {
  static override defaultTag = 'stcpay-otp';

  /** Paylink's `transactionNo` from addInvoice; sent as `orderNumber`. Required. */
  @property({ attribute: 'transaction-no' }) transactionNo?: string;

  /** The invoice total in SAR, a number above 0. Required. */
  @property({ type: Number }) total?: number;

  /** The calling code of the mobile number, digits only. */
  @property({ attribute: 'country-code' }) countryCode = '966';

  /** The mobile number in the input; the attribute only prefills it. */
  @property() mobile = '';

  /** After the code is sent, show the code step and dispatch `otp-complete` on confirm. */
  @property({ type: Boolean, attribute: 'collect-otp' }) collectOtp = false;

  /** Like `collect-otp`, and then call processPayment too (`payment-processed`). */
  @property({ type: Boolean, attribute: 'process-payment' }) processPayment = false;

  /** Seconds before the customer may ask for a new code. */
  @property({ type: Number, attribute: 'resend-after' }) resendAfter = 60;

  /** The session of the last code sent, as `otp-sent` gave it. */
  @state() private session?: OtpSentDetail;
  /** What the customer typed into the code input. */
  @state() private otp = '';
  /** The code of the last `otp-complete` when the host page processes the payment. */
  @state() private completedOtp?: string;
  @state() private payment?: PaymentProcessedDetail;
  /** What the polite live region under the resend button says. */
  @state() private resendAnnouncement = '';

  @query('input[part~="mobile"]') private mobileInput?: HTMLInputElement;
  @query('input[part~="otp"]') private otpInput?: HTMLInputElement;
  @query('[part~="paid"]') private paidMessage?: HTMLElement;

  private readonly countdown = new CountdownController(this, () => {
    this.resendAnnouncement = this.text.resendReady;
  });

  /** Aborts the browser's WebOTP request. */
  private smsController?: AbortController;

  private get collectsOtp(): boolean {
    return this.collectOtp || this.processPayment;
  }

  private get onOtpStep(): boolean {
    return this.collectsOtp && this.session !== undefined;
  }

  /**
   * Validates the inputs and sends the code. Resolves with the `otp-sent` detail; rejects with a
   * PaylinkError (also dispatched as `otp-error`). While a send is in flight, returns that one.
   * Once a code was sent, sends a new one (`resent: true`).
   */
  send(): Promise<OtpSentDetail> {
    const refusal = this.refusal('send');
    if (refusal) return Promise.reject(refusal);
    return this.requests.once('send', () => this.runSend());
  }

  /**
   * Checks the code and dispatches `otp-complete`. With `process-payment`, then calls
   * processPayment and resolves with its answer (also dispatched as `payment-processed`);
   * otherwise resolves with `null`. Rejects with a PaylinkError (also `otp-error`).
   */
  confirm(): Promise<PaymentProcessedDetail | null> {
    const refusal = this.refusal('confirm');
    if (refusal) return Promise.reject(refusal);
    return this.requests.once('confirm', () => this.runConfirm());
  }

  /** Aborts any request in flight and returns to the mobile number, `idle`, with nothing shown. */
  reset(): void {
    this.requests.abort();
    this.endOtpStep();
    this.status = 'idle';
    this.error = undefined;
    this.payment = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSmsOtp();
  }

  /** Why `send()` or `confirm()` cannot run now, if it cannot. */
  private refusal(action: 'send' | 'confirm'): DOMException | undefined {
    const refuse = (why: string) => new DOMException(`<stcpay-otp> ${why}.`, 'InvalidStateError');
    if (this.disabled) return refuse('is disabled');
    if (this.status === 'paid') return refuse('has completed its payment');
    if (action === 'send' && this.status === 'verifying') return refuse('is confirming a payment');
    if (action === 'confirm' && !this.session) return refuse('has sent no code yet');
    if (action === 'confirm' && this.status === 'sending') return refuse('is sending a new code');
    return undefined;
  }

  private async runSend(): Promise<OtpSentDetail> {
    const check = buildSendOtpBody(this);
    if (!check.ok) throw this.fail(check.reason);
    const { body } = check;
    const resent = this.session !== undefined && sameRequest(this.session, body);

    this.status = 'sending';
    this.error = undefined;
    const { stcMobile, ...session } = await this.requests.run((signal) =>
      sendOtp(body, { ...this.requestOptions, signal }),
    );
    const detail: OtpSentDetail = {
      ...session,
      ...(stcMobile === undefined ? {} : { stcMobile }),
      stcpayMobileCountryCode: body.stcpayMobileCountryCode,
      orderNumber: body.orderNumber,
      total: body.total,
      ...(resent ? { resent: true as const } : {}),
    };
    this.session = detail;
    this.status = 'sent';
    if (this.collectsOtp) this.startOtpStep();
    this.emit('otp-sent', detail);
    return detail;
  }

  private async runConfirm(): Promise<PaymentProcessedDetail | null> {
    const session = this.session!;
    const otp = this.checkedOtp(this.otp);

    const body: OtpCompleteDetail = {
      stcpayMobileCountryCode: session.stcpayMobileCountryCode,
      stcpayMobile: session.stcpayMobile,
      orderNumber: session.orderNumber,
      total: session.total,
      stcpayPaymentOTP: otp,
      paymentSessionId: session.paymentSessionId,
      signature: session.signature,
      signedBase64Data: session.signedBase64Data,
    };
    this.error = undefined;
    if (!this.processPayment) {
      this.completedOtp = otp;
      this.status = 'sent';
      this.emit('otp-complete', body);
      return null;
    }

    this.status = 'verifying';
    this.emit('otp-complete', body);
    const payment = await this.requests.run((signal) =>
      requestProcessPayment(body, { ...this.requestOptions, signal }),
    );
    this.payment = payment;
    this.status = 'paid';
    this.endOtpStep();
    this.emit('payment-processed', payment);
    void this.updateComplete.then(() => this.paidMessage?.focus());
    return payment;
  }

  /** After a code was sent: an empty code input with focus, the resend countdown, WebOTP. */
  private startOtpStep(): void {
    this.otp = '';
    this.completedOtp = undefined;
    this.countdown.start(this.resendAfter);
    this.resendAnnouncement =
      this.countdown.remaining > 0 ? this.text.resendWait(this.countdown.remaining) : '';
    void this.updateComplete.then(() => this.otpInput?.focus());
    this.startSmsOtp();
  }

  private endOtpStep(): void {
    this.session = undefined;
    this.otp = '';
    this.completedOtp = undefined;
    this.resendAnnouncement = '';
    this.countdown.stop();
    this.stopSmsOtp();
  }

  /** Offers the code from the SMS where the browser can read it (WebOTP), and confirms it. */
  private startSmsOtp(): void {
    if (this.smsController) return;
    const controller = (this.smsController = new AbortController());
    void receiveSmsOtp(controller.signal).then((code) => {
      if (this.smsController === controller) this.smsController = undefined;
      if (!code || controller.signal.aborted || !this.onOtpStep) return;
      this.otp = code;
      this.confirm().catch(() => {});
    });
  }

  private stopSmsOtp(): void {
    this.smsController?.abort();
    this.smsController = undefined;
  }

  protected override get restingState(): StcpayOtpState {
    return this.session ? 'sent' : 'idle';
  }

  protected override focusAfter(error: PaylinkError): void {
    const codeAtFault =
      error.field === 'otp' || (error.reason.code === 'http' && error.reason.otp !== undefined);
    if (error.field === 'mobile') this.mobileInput?.focus();
    else if (codeAtFault && this.onOtpStep) this.otpInput?.select();
  }

  private get busy(): boolean {
    return this.status === 'sending' || this.status === 'verifying';
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.busy || this.status === 'sent') return;
    this.send().catch(() => {
      // Already shown and dispatched as otp-error.
    });
  }

  private handleMobileInput(event: InputEvent): void {
    this.mobile = (event.target as HTMLInputElement).value;
    if (this.status === 'sent' || this.error?.field === 'mobile') this.reset();
  }

  private handleConfirm(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.busy || this.sameAsCompleted()) return;
    this.confirm().catch(() => {});
  }

  private handleOtpInput(event: InputEvent): void {
    this.otp = (event.target as HTMLInputElement).value;
    this.clearError('sent');
    // With a known length, a complete code confirms itself (typed or pasted).
    if (isCompleteOtp(this.otp, this.otpLength) && !this.sameAsCompleted())
      this.confirm().catch(() => {});
  }

  private sameAsCompleted(): boolean {
    const check = parseOtp(this.otp, this.otpLength);
    return this.completedOtp !== undefined && check.ok && check.otp === this.completedOtp;
  }

  private handleResend(): void {
    if (this.disabled || this.busy || this.countdown.remaining > 0) return;
    this.send().catch(() => {});
  }

  private handleChangeMobile(): void {
    if (this.status === 'verifying') return;
    this.reset();
    void this.updateComplete.then(() => this.mobileInput?.focus());
  }

  private statusText(m: Messages): string {
    if (this.status === 'sending') return m.sending;
    if (this.status === 'error' && !this.onOtpStep) return ''; // the error speaks instead
    if (this.status === 'verifying') return m.verifying;
    const session = this.session;
    if (!session) return '';
    const cc = `+${session.stcpayMobileCountryCode}\u00a0`;
    if (!this.collectsOtp) return m.sent(cc + formatNational(session.stcpayMobile));
    const masked = cc + maskNational(session.stcpayMobile);
    return session.resent ? m.otpResent(masked) : m.otpSentTo(masked);
  }

  override render() {
    if (this.status === 'paid' && this.payment) return this.renderPaid();
    return this.onOtpStep ? this.renderOtpStep() : this.renderMobileStep();
  }

  private renderMobileStep() {
    const m = this.text;
    const sending = this.status === 'sending';
    const mobileInvalid = this.error?.field === 'mobile';
    const total = this.total;
    const submitLabel =
      typeof total === 'number' && Number.isFinite(total) && total > 0
        ? m.pay(m.amount(formatDecimal(total)))
        : m.submit;
    return html`
      <form
        part="form"
        novalidate
        lang=${this.localize.lang}
        dir=${this.localize.dir}
        aria-busy=${sending ? 'true' : 'false'}
        @submit=${this.handleSubmit}
      >
        <label part="label" for="mobile">${m.mobileLabel}</label>
        <div part="field" class="field ${mobileInvalid ? 'invalid' : ''}" dir="ltr">
          <span part="country-code" id="country-code"
            >+${normaliseCountryCode(this.countryCode) || this.countryCode}</span
          >
          <input
            part="mobile"
            id="mobile"
            name="mobile"
            type="tel"
            inputmode="numeric"
            enterkeyhint="send"
            autocomplete="tel-national"
            dir="ltr"
            .value=${live(this.mobile)}
            ?readonly=${sending}
            ?disabled=${this.disabled}
            aria-invalid=${mobileInvalid ? 'true' : 'false'}
            aria-describedby=${this.error ? 'country-code error' : 'country-code'}
            @input=${this.handleMobileInput}
          />
        </div>
        <button
          part="submit"
          type="submit"
          ?disabled=${this.disabled}
          aria-disabled=${sending || this.status === 'sent' ? 'true' : 'false'}
        >
          <span part="spinner" aria-hidden="true" ?hidden=${!sending}></span>
          ${sending ? m.sending : submitLabel}
        </button>
        <div part="messages" class="messages">
          <p part="status" id="status" role="status">${this.statusText(m)}</p>
          <p part="error" id="error" role="alert">
            ${this.error ? this.describe(this.error.reason) : ''}
          </p>
        </div>
      </form>
    `;
  }

  private renderOtpStep() {
    const m = this.text;
    const verifying = this.status === 'verifying';
    const otpInvalid =
      this.error?.field === 'otp' ||
      (this.error?.reason.code === 'http' && this.error.reason.otp !== undefined);
    const waiting = this.countdown.remaining > 0;
    const confirmLabel = this.processPayment ? m.confirmPayment : m.confirm;
    return html`
      <form
        part="otp-form"
        novalidate
        lang=${this.localize.lang}
        dir=${this.localize.dir}
        aria-busy=${this.busy ? 'true' : 'false'}
        @submit=${this.handleConfirm}
      >
        <p part="status" id="status" role="status">${this.statusText(m)}</p>
        ${otpField({
          label: m.otpLabel,
          value: this.otp,
          invalid: otpInvalid,
          busy: this.busy,
          disabled: this.disabled,
          describedBy: this.error ? 'status error' : 'status',
          onInput: this.handleOtpInput,
        })}
        <button
          part="confirm"
          type="submit"
          ?disabled=${this.disabled}
          aria-disabled=${this.busy || this.sameAsCompleted() ? 'true' : 'false'}
        >
          <span part="spinner" aria-hidden="true" ?hidden=${!verifying}></span>
          ${verifying ? m.verifying : confirmLabel}
        </button>
        <p part="error" id="error" role="alert">
          ${this.error ? this.describe(this.error.reason) : ''}
        </p>
        <div part="actions" class="actions">
          <button
            part="resend"
            type="button"
            class="link"
            ?disabled=${this.disabled || waiting || this.busy}
            @click=${this.handleResend}
          >
            ${waiting ? m.resendIn(this.countdown.clock) : m.resend}
          </button>
          <button
            part="change-mobile"
            type="button"
            class="link"
            ?disabled=${this.disabled || verifying}
            @click=${this.handleChangeMobile}
          >
            ${m.changeMobile}
          </button>
        </div>
        <p class="visually-hidden" role="status">${this.resendAnnouncement}</p>
      </form>
    `;
  }

  private renderPaid() {
    const m = this.text;
    return html`
      <p
        part="paid"
        role="status"
        tabindex="-1"
        lang=${this.localize.lang}
        dir=${this.localize.dir}
      >
        ${m.paid(m.amount(formatDecimal(this.payment!.orderAmount)))}
      </p>
    `;
  }
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

declare global {
  interface HTMLElementTagNameMap {
    'stcpay-otp': StcpayOtp;
  }
}
