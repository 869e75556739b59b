import { PaylinkElement } from '../core/paylink-element.js';
import type { PropertyDeclarations } from 'lit';
import { PaylinkError, type ErrorReason } from '../core/errors.js';
import type { OtpSentDetail, PaymentProcessedDetail } from '../core/events.js';
import { SlowController } from '../core/slow.js';
import type { PaymentStatus, VerifyPayment } from './store-status.js';
import { standingOf } from './transactions.js';
import { blamesCode, blamesNumber, lostAnswer } from './refusal.js';
import { endOtpStep, stopSmsOtp } from './code-session.js';
import { cancelSend, paidOrPaying, renderCancel, renderSendStep, runSend } from './send-step.js';
import { showSendWait } from './send-wait.js';
import type { CheckoutHost, StcpayOtpState, Unconfirmed } from './host.js';
import { loadCodeStep, type CodeStep } from './load-code-step.js';

export type { StcpayOtpState } from './host.js';

/** The code step could not be loaded: to the shopper, the connection failed. */
const LOST = { code: 'network' } as const;

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
 *   field?, retryable, retryAfter?, refusal?, serverText?}` with `code` one of `validation`,
 *   `http`, `network`, `timeout`, `bad-response`, `too-soon`. `refusal` and `serverText` come
 *   with `http`; `retryAfter` is the seconds before a code may be sent again: always with
 *   `too-soon`, and after a failed send that holds the next one.
 * @fires otp-complete - The customer confirmed a well-formed code. `detail`: Paylink's
 *   processPayment body, `{stcpayMobileCountryCode, stcpayMobile, orderNumber, total,
 *   stcpayPaymentOTP, paymentSessionId, signature, signedBase64Data}`.
 * @fires payment-processed - With `process-payment`: Paylink accepted the payment. `detail`:
 *   `{orderNumber, orderAmount, msg}`, plus `confirmedByStore: true` when the store confirmed an
 *   unconfirmed payment. Not proof of payment: confirm with getInvoice server side.
 * @fires payment-unconfirmed - With `process-payment`: processPayment may have reached Paylink,
 *   but its answer was lost (timeout, network error, unreadable or gateway answer, removal),
 *   Paylink says the order is already paid, or the store's server answers 409 (`in-progress`).
 *   `detail`: `{orderNumber, total, reason, status?}`. The element then asks `status-url` or
 *   `verifyPayment`, or waits for `resolvePayment()`.
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
 * @csspart cancel - Cancel, shown while a send takes a while.
 * @csspart paid - The confirmation shown once the payment went through.
 * @csspart unconfirmed - What the element says while a payment is unconfirmed.
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

  /** The reactive properties, declared as fields below; `state: true` ones are internal. */
  static override properties: PropertyDeclarations = {
    transactionNo: { attribute: 'transaction-no' },
    total: { type: Number },
    countryCode: { attribute: 'country-code' },
    mobile: {},
    collectOtp: { type: Boolean, attribute: 'collect-otp' },
    processPayment: { type: Boolean, attribute: 'process-payment' },
    resendAfter: { type: Number, attribute: 'resend-after' },
    statusUrl: { attribute: 'status-url' },
    verifyPayment: { attribute: false },
    session: { state: true },
    completedOtp: { state: true },
    payment: { state: true },
    unconfirmed: { state: true },
    notice: { state: true },
    newCodeNeeded: { state: true },
  };

  /** Paylink's `transactionNo` from addInvoice; sent as `orderNumber`. Required. */
  transactionNo?: string;

  /** The invoice total in SAR, a number above 0. Required. */
  total?: number;

  /** The calling code of the mobile number, digits only. */
  countryCode = '966';

  /** The mobile number in the input; the attribute only prefills it. */
  mobile = '';

  /** After the code is sent, show the code step and dispatch `otp-complete` on confirm. */
  collectOtp = false;

  /** Like `collect-otp`, and then call processPayment too (`payment-processed`). */
  processPayment = false;

  /** Seconds before the customer may ask for a new code. */
  resendAfter = 60;

  /**
   * The store's own route that says whether a transaction was paid: the element GETs
   * `status-url?transactionNo=…` and expects `{"status": "paid" | "pending" | "unpaid"}`
   * (after `pending` it asks again, further apart). Same rules as `base-url` (https, or http to
   * this machine). Used to resolve an unconfirmed payment.
   */
  statusUrl?: string;

  /**
   * The host's own way to resolve an unconfirmed payment, instead of `status-url`: resolves
   * `'paid'`, `'unpaid'` or `'pending'` (the element asks again, further apart) for a
   * transaction number. A property only.
   */
  verifyPayment?: VerifyPayment;

  // The steps (send-step.ts, code-step.ts, outcome.ts) are functions given the element as a
  // CheckoutHost (host.ts): `this as unknown as CheckoutHost`, a cast with no code, lets them
  // see the members kept out of the public API. What only they read is `protected` rather than
  // `private`, which TypeScript would take for unused; the public API leaves both out.

  /** The session of the last code sent, as `otp-sent` gave it. */
  private session?: OtpSentDetail;
  /** The code of the last `otp-complete` when the host page processes the payment. */
  protected completedOtp?: string;
  private payment?: PaymentProcessedDetail;
  /** A payment that may have gone through; set in the `unconfirmed` state. */
  private unconfirmed?: Unconfirmed;
  /** The code step's own news, e.g. that the payment did not go through. */
  protected notice: '' | 'paymentUnpaid' | 'sendCancelled' = '';
  /** The last code cannot be used any more: a new one is the next step (resend is primary). */
  protected newCodeNeeded = false;

  /** Stops asking the store about an unconfirmed payment. */
  private statusController?: AbortController;
  /** A request has been in flight for a while: say so (and offer Cancel for a send). */
  protected readonly inFlight = new SlowController(this);
  private get mobileInput() {
    return this.find<HTMLInputElement>('input[part~="mobile"]');
  }
  private get otpInput() {
    return this.find<HTMLInputElement>('input[part~="otp"]');
  }
  protected get paidMessage() {
    return this.find('[part~="paid"]');
  }

  /** Aborts the browser's WebOTP request. */
  protected smsController?: AbortController;
  /** Whether the last send was stopped by the shopper (Cancel, Escape). */
  protected cancelled = false;

  /**
   * The code step and the outcome handling (stcpay-otp-code.ts), once loaded: after the first
   * render, when the shopper is at the number field or the page is idle, and before any code is
   * sent that the element must take. Every state that needs it comes after it has loaded.
   */
  protected codeStep?: CodeStep;
  /** The idle-time load of the code step is scheduled (once while connected). */
  private codeStepAtIdle = false;

  /** Escape stops a send in flight, as Cancel does. */
  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.status !== 'sending') return;
    event.preventDefault();
    cancelSend.call(this as unknown as CheckoutHost);
  };

  /** Loads the code step (once for the page), and renders with it. */
  protected loadCodeStep(): Promise<CodeStep> {
    return loadCodeStep().then((code) => {
      if (!this.codeStep) {
        this.codeStep = code;
        this.moreText = code.codeText;
        this.requestUpdate();
      }
      return code;
    });
  }

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
    return this.requests.once('send', () => runSend(this as unknown as CheckoutHost));
  }

  /**
   * Checks the code and dispatches `otp-complete`. With `process-payment`, then calls
   * processPayment and resolves with its answer (also dispatched as `payment-processed`);
   * otherwise resolves with `null`. Rejects with a PaylinkError (also `otp-error`).
   */
  confirm(): Promise<PaymentProcessedDetail | null> {
    const refusal = this.refusal('confirm');
    if (refusal) return Promise.reject(refusal);
    const host = this as unknown as CheckoutHost;
    return this.requests.once('confirm', () =>
      this.codeStep
        ? this.codeStep.runConfirm(host)
        : this.loadCodeStep().then(
            (code) => code.runConfirm(host),
            () => Promise.reject(this.fail(LOST)),
          ),
    );
  }

  /**
   * Aborts any request in flight and returns to the mobile number, `idle`, with nothing shown.
   * Throws an InvalidStateError while a payment is in flight or unconfirmed: it may have reached
   * Paylink, so it cannot be taken back (resolve it with `resolvePayment()`).
   */
  reset(): void {
    if (this.status === 'verifying' || this.status === 'unconfirmed')
      throw new DOMException(
        `<stcpay-otp> cannot reset: its payment is ${this.status === 'verifying' ? 'in flight' : 'unconfirmed'}.`,
        'InvalidStateError',
      );
    this.requests.abort();
    this.newCodeNeeded = false;
    this.notice = '';
    endOtpStep(this as unknown as CheckoutHost);
    this.status = 'idle';
    this.error = undefined;
    this.payment = undefined;
    showSendWait(this as unknown as CheckoutHost);
  }

  /**
   * Settles an unconfirmed payment with what the store's server found (it asked Paylink's
   * getInvoice): `'paid'` ends in `paid` and `payment-processed` (`confirmedByStore: true`);
   * `'unpaid'` returns to the code step with a new code one tap away. Throws an
   * InvalidStateError when no payment is unconfirmed, a TypeError for any other value.
   */
  resolvePayment(status: PaymentStatus): void {
    if (status !== 'paid' && status !== 'unpaid')
      throw new TypeError(`<stcpay-otp> resolvePayment takes 'paid' or 'unpaid'.`);
    if (this.status !== 'unconfirmed' || !this.unconfirmed)
      throw new DOMException('<stcpay-otp> has no unconfirmed payment.', 'InvalidStateError');
    this.codeStep!.settle(this as unknown as CheckoutHost, status, this.unconfirmed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.codeStepAtIdle = false;
    this.addEventListener('keydown', this.handleKeydown);
    if (!this.session) showSendWait(this as unknown as CheckoutHost);
    // Put back in the page with its payment unconfirmed: ask the store again.
    if (this.status === 'unconfirmed' && this.unconfirmed && !this.statusController)
      this.codeStep?.askStore(this as unknown as CheckoutHost, this.unconfirmed);
  }

  protected override updated(): void {
    // The code step loads while the shopper is still at the number: at idle, here.
    if (!this.collectsOtp || this.codeStep || this.codeStepAtIdle) return;
    this.codeStepAtIdle = true;
    const load = () => {
      if (this.isConnected) this.loadCodeStep().catch(() => (this.codeStepAtIdle = false));
      else this.codeStepAtIdle = false;
    };
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  override disconnectedCallback(): void {
    // Removed mid-payment: the payment may have reached Paylink, so it is unconfirmed.
    if (this.status === 'verifying' && this.session)
      this.codeStep!.becomeUnconfirmed(this as unknown as CheckoutHost, this.session, {
        reason: 'removed',
      });
    this.codeStep?.stopAskingStore(this as unknown as CheckoutHost);
    this.removeEventListener('keydown', this.handleKeydown);
    super.disconnectedCallback();
    stopSmsOtp(this as unknown as CheckoutHost);
  }

  /** Why `send()` or `confirm()` cannot run now, if it cannot. */
  private refusal(action: 'send' | 'confirm'): DOMException | undefined {
    const refuse = (why: string) => new DOMException(`<stcpay-otp> ${why}.`, 'InvalidStateError');
    if (this.disabled) return refuse('is disabled');
    if (this.status === 'paid') return refuse('has completed its payment');
    if (this.status === 'unconfirmed') return refuse('is waiting for its payment to be confirmed');
    const transactionNo =
      action === 'send' ? (this.transactionNo ?? '').trim() : this.session?.orderNumber;
    const standing = transactionNo ? standingOf(transactionNo) : undefined;
    if (standing === 'paid') return refuse('has a transaction that is already paid on this page');
    if (standing === 'unconfirmed')
      return refuse('has a transaction whose payment is unconfirmed on this page');
    if (standing === 'paying' && this.status !== 'verifying')
      return refuse('has a transaction whose payment is in flight on this page');
    if (action === 'send' && this.status === 'verifying') return refuse('is confirming a payment');
    if (action === 'confirm' && !this.session) return refuse('has sent no code yet');
    if (action === 'confirm' && this.status === 'sending') return refuse('is sending a new code');
    return undefined;
  }

  protected override fail(reason: ErrorReason): PaylinkError {
    // A lost answer to processPayment is not an error to show: the payment is unconfirmed. Nor
    // is a send for an order Paylink says is paid, or one a payment is under way for.
    if (
      (this.status === 'verifying' && lostAnswer(reason)) ||
      (this.status === 'sending' && paidOrPaying(this, reason))
    )
      return new PaylinkError(reason, this.describe(reason));
    return super.fail(reason);
  }

  protected override get restingState(): StcpayOtpState {
    if (this.unconfirmed) return 'unconfirmed';
    return this.session ? 'sent' : 'idle';
  }

  protected override focusAfter(error: PaylinkError): void {
    const codeAtFault = error.field === 'otp' || blamesCode(error.refusal);
    if (error.field === 'mobile' || blamesNumber(error.refusal)) this.mobileInput?.focus();
    else if (codeAtFault && this.onOtpStep) this.otpInput?.select();
  }

  override render() {
    const host = this as unknown as CheckoutHost;
    // `paid`, `unconfirmed` and the code step are only ever reached with the code step loaded.
    const code = this.codeStep;
    if (!code) return renderSendStep(host);
    if (this.status === 'paid' && this.payment) return code.renderPaid(host);
    if (this.status === 'unconfirmed' && this.unconfirmed) return code.renderUnconfirmed(host);
    return this.onOtpStep ? code.renderCodeStep(host, renderCancel(host)) : renderSendStep(host);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stcpay-otp': StcpayOtp;
  }
}
