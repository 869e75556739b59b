import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatDecimal } from '../i18n/amount.js';
import { PaylinkError, type ErrorReason } from '../core/errors.js';
import type {
  OtpCompleteDetail,
  OtpSentDetail,
  PaymentProcessedDetail,
  PaymentUnconfirmedDetail,
  UnconfirmedReason,
} from '../core/events.js';
import type { Messages } from '../i18n/messages.js';
import {
  formatNational,
  maskNational,
  MOBILE_RULES,
  normaliseCountryCode,
} from '../input/mobile.js';
import { isCompleteOtp, parseOtp } from '../input/otp.js';
import {
  processPayment as requestProcessPayment,
  sendOtp,
  type SendOtpBody,
} from './stcpay-client.js';
import { PaylinkElement } from '../core/paylink-element.js';
import { buildSendOtpBody } from './send-otp-request.js';
import { blamesCode, blamesNumber, lostAnswer, needsNewCode } from './refusal.js';
import {
  askUntilAnswered,
  statusRequestUrl,
  type PaymentStatus,
  type StatusSource,
  type VerifyPayment,
} from './store-status.js';
import {
  allowSendNow,
  noteFailure,
  noteSend,
  noteSuccess,
  sendWait,
  setStanding,
  standingOf,
  undoSend,
  type SendMark,
} from './transactions.js';
import { receiveSmsOtp } from '../core/web-otp.js';
import { SlowController } from '../core/slow.js';

export type StcpayOtpState =
  'idle' | 'sending' | 'sent' | 'verifying' | 'unconfirmed' | 'paid' | 'error';

/** A payment that may have gone through, and whether the element is still asking the store. */
interface Unconfirmed {
  orderNumber: string;
  total: number;
  reason: UnconfirmedReason;
  status?: number;
  /** The store is being asked now (`status-url` or `verifyPayment`). */
  checking: boolean;
}

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
 *   `{orderNumber, orderAmount, msg}`, plus `confirmedByStore: true` when the store confirmed an
 *   unconfirmed payment. Not proof of payment: confirm with getInvoice server side.
 * @fires payment-unconfirmed - With `process-payment`: processPayment may have reached Paylink,
 *   but its answer was lost (timeout, network error, unreadable or gateway answer, removal) or
 *   Paylink says the order is already paid. `detail`: `{orderNumber, total, reason, status?}`.
 *   The element then asks `status-url` or `verifyPayment`, or waits for `resolvePayment()`.
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

  /**
   * The store's own route that says whether a transaction was paid: the element GETs
   * `status-url?transactionNo=…` and expects `{"status": "paid" | "unpaid"}`. Same rules as
   * `base-url` (https, or http to this machine). Used to resolve an unconfirmed payment.
   */
  @property({ attribute: 'status-url' }) statusUrl?: string;

  /**
   * The host's own way to resolve an unconfirmed payment, instead of `status-url`: resolves
   * `'paid'` or `'unpaid'` for a transaction number. A property only.
   */
  @property({ attribute: false }) verifyPayment?: VerifyPayment;

  /** The session of the last code sent, as `otp-sent` gave it. */
  @state() private session?: OtpSentDetail;
  /** The code of the last `otp-complete` when the host page processes the payment. */
  @state() private completedOtp?: string;
  @state() private payment?: PaymentProcessedDetail;
  /** A payment that may have gone through; set in the `unconfirmed` state. */
  @state() private unconfirmed?: Unconfirmed;
  /** The code step's own news, e.g. that the payment did not go through. */
  @state() private notice: '' | 'paymentUnpaid' | 'sendCancelled' = '';
  /** The last code cannot be used any more: a new one is the next step (resend is primary). */
  @state() private newCodeNeeded = false;

  /** Stops asking the store about an unconfirmed payment. */
  private statusController?: AbortController;
  /** A request has been in flight for a while: say so (and offer Cancel for a send). */
  private readonly inFlight = new SlowController(this);
  @query('input[part~="mobile"]') private mobileInput?: HTMLInputElement;
  @query('input[part~="otp"]') private otpInput?: HTMLInputElement;
  @query('[part~="paid"]') private paidMessage?: HTMLElement;

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
    this.endOtpStep();
    this.status = 'idle';
    this.error = undefined;
    this.payment = undefined;
    this.showSendWait();
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
    this.settle(status, this.unconfirmed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.handleKeydown);
    if (!this.session) this.showSendWait();
    // Put back in the page with its payment unconfirmed: ask the store again.
    if (this.status === 'unconfirmed' && this.unconfirmed && !this.statusController)
      this.askStore(this.unconfirmed);
  }

  override disconnectedCallback(): void {
    // Removed mid-payment: the payment may have reached Paylink, so it is unconfirmed.
    if (this.status === 'verifying' && this.session)
      this.becomeUnconfirmed(this.session, { reason: 'removed' });
    this.stopAskingStore();
    this.removeEventListener('keydown', this.handleKeydown);
    super.disconnectedCallback();
    this.stopSmsOtp();
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

  private async runSend(): Promise<OtpSentDetail> {
    const check = buildSendOtpBody(this);
    if (!check.ok) throw this.fail(check.reason);
    const { body } = check;
    const resent = this.session !== undefined && sameRequest(this.session, body);
    // However the code step was left, and whichever element asks: no SMS pumping.
    const wait = this.waitFor(body);
    if (wait > 0) {
      this.showSendWait();
      throw this.fail({ code: 'too-soon', wait });
    }

    this.status = 'sending';
    this.error = undefined;
    this.notice = '';
    const sentAt = performance.now();
    const mark = noteSend(body.orderNumber, sentAt);
    this.cancelled = false;
    let answer: Awaited<ReturnType<typeof sendOtp>>;
    try {
      answer = await this.inFlight.track(
        this.requests.run((signal) =>
          sendOtp({ ...body }, { ...this.requestOptions, signal }).catch((error: unknown) => {
            throw this.sendFailed(body, mark, sentAt, error);
          }),
        ),
      );
    } catch (error) {
      if (this.cancelled) {
        this.notice = 'sendCancelled';
        // Cancelled for the third time in a row: the wait is said beside it.
        const wait = this.waitFor(body);
        if (wait) this.error = new PaylinkError({ code: 'too-soon', wait }, '');
      }
      // Paid already (another tab, a reload after paying): that is for the store to confirm.
      if (error instanceof PaylinkError && error.refusal === 'already-paid')
        this.becomeUnconfirmed(body, { reason: 'already-paid', status: error.status });
      else this.showSendWait();
      throw error;
    }
    noteSuccess(numberOf(body)!);
    const { stcMobile, ...session } = answer;
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
    this.newCodeNeeded = false;
    this.notice = '';
    if (this.collectsOtp) this.startOtpStep();
    // Fresh, frozen copies: what a listener or the caller does to them changes nothing here.
    this.emit('otp-sent', Object.freeze({ ...detail }));
    return Object.freeze({ ...detail });
  }

  private async runConfirm(): Promise<PaymentProcessedDetail | null> {
    const session = this.session!;
    const otp = this.checkedOtp(this.otp);

    if (this.processPayment && this.statusUrl && !this.verifyPayment) {
      if (!statusRequestUrl(this.statusUrl, session.orderNumber))
        throw this.fail({ code: 'validation', field: 'statusUrl' });
    }

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
    this.notice = '';
    if (!this.processPayment) {
      this.completedOtp = otp;
      this.status = 'sent';
      this.emit('otp-complete', Object.freeze({ ...body }));
      return null;
    }

    this.status = 'verifying';
    setStanding(session.orderNumber, 'paying');
    this.emit('otp-complete', Object.freeze({ ...body }));
    let payment: PaymentProcessedDetail;
    try {
      payment = await this.inFlight.track(
        this.requests.run((signal) =>
          requestProcessPayment({ ...body }, { ...this.requestOptions, signal }),
        ),
      );
    } catch (error) {
      const lost = error instanceof PaylinkError ? lostAnswer(error.reason) : undefined;
      if (lost) this.becomeUnconfirmed(session, lost);
      else if ((this.status as StcpayOtpState) !== 'unconfirmed') {
        // Refused: Paylink said no, so nothing was paid.
        setStanding(session.orderNumber, undefined);
        if (error instanceof PaylinkError && needsNewCode(error.refusal))
          // An expired code is cleared; one that may only be mistyped stays to be retyped.
          this.offerNewCode(session.orderNumber, error.refusal === 'code-expired');
      }
      throw error;
    }
    setStanding(session.orderNumber, 'paid');
    this.payment = { ...payment };
    this.status = 'paid';
    this.endOtpStep();
    this.emit('payment-processed', Object.freeze({ ...payment }));
    void this.updateComplete.then(() => this.paidMessage?.focus());
    return Object.freeze({ ...payment });
  }

  /**
   * The payment may have gone through: says so, tells the host page, keeps any element on the
   * page from paying or sending for the transaction, and asks the store if it can.
   */
  private becomeUnconfirmed(
    session: Pick<OtpSentDetail, 'orderNumber' | 'total'>,
    { reason, status }: { reason: UnconfirmedReason; status?: number },
  ): void {
    const { orderNumber, total } = session;
    this.unconfirmed = { orderNumber, total, reason, checking: false };
    if (status !== undefined) this.unconfirmed.status = status;
    this.status = 'unconfirmed';
    this.error = undefined;
    setStanding(orderNumber, 'unconfirmed');
    this.countdown.stop();
    this.stopSmsOtp();
    const detail: PaymentUnconfirmedDetail = { orderNumber, total, reason };
    if (status !== undefined) detail.status = status;
    this.emit('payment-unconfirmed', Object.freeze(detail));
    if (this.isConnected) this.askStore(this.unconfirmed);
  }

  /** Where to ask whether the payment went through, if the host gave a way. */
  private statusSource(transactionNo: string): StatusSource | undefined {
    if (this.verifyPayment) return { verifyPayment: this.verifyPayment };
    const url = this.statusUrl ? statusRequestUrl(this.statusUrl, transactionNo) : null;
    return url ? { url } : undefined;
  }

  /** Asks the store a few times, further apart each time, then settles or says it will wait. */
  private askStore(unconfirmed: Unconfirmed): void {
    const source = this.statusSource(unconfirmed.orderNumber);
    if (!source) return;
    const controller = (this.statusController = new AbortController());
    const { signal } = controller;
    this.unconfirmed = { ...unconfirmed, checking: true };
    askUntilAnswered(unconfirmed.orderNumber, source, this.timeout, signal).then(
      (answer) => {
        if (signal.aborted) return;
        this.statusController = undefined;
        if (answer) this.settle(answer, unconfirmed);
        else if (this.unconfirmed) this.unconfirmed = { ...this.unconfirmed, checking: false };
      },
      () => {}, // stopped: removed, or resolved by the host
    );
  }

  private stopAskingStore(): void {
    this.statusController?.abort();
    this.statusController = undefined;
    if (this.unconfirmed) this.unconfirmed = { ...this.unconfirmed, checking: false };
  }

  /** Ends an unconfirmed payment: paid, or back to the code step for a new code. */
  private settle(status: PaymentStatus, { orderNumber, total }: Unconfirmed): void {
    this.stopAskingStore();
    this.unconfirmed = undefined;
    if (status === 'paid') {
      setStanding(orderNumber, 'paid');
      const payment: PaymentProcessedDetail = {
        orderNumber,
        orderAmount: total,
        msg: '',
        confirmedByStore: true,
      };
      this.payment = { ...payment };
      this.status = 'paid';
      this.endOtpStep();
      this.emit('payment-processed', Object.freeze(payment));
      void this.updateComplete.then(() => this.paidMessage?.focus());
      return;
    }
    setStanding(orderNumber, undefined);
    this.status = this.session ? 'sent' : 'idle';
    this.offerNewCode(orderNumber);
    this.notice = 'paymentUnpaid';
  }

  /**
   * The code cannot be used any more (it expired, or the payment did not go through): a new one
   * is one tap away, at once, and the code field is cleared and focused.
   */
  private offerNewCode(orderNumber: string, clear = true): void {
    allowSendNow(orderNumber);
    this.newCodeNeeded = true;
    // At once, unless the number must wait (lost sends in a row, or the server said so).
    this.showSendWait();
    if (!clear) return;
    this.otp = '';
    this.completedOtp = undefined;
    void this.updateComplete.then(() => this.otpInput?.focus());
  }

  /**
   * A send that ended without a code to use (`error`): its transaction is not spaced by it, and
   * if it may have texted the number (its answer was lost, or it was aborted) it counts towards
   * the number's failures in a row; a server's Retry-After holds the number as long. Returns the
   * error to fail with: with the wait, when the next send must wait. A send that never left (a
   * validation error) only takes back its mark.
   */
  private sendFailed(body: SendOtpBody, mark: SendMark, sentAt: number, error: unknown): unknown {
    undoSend(body.orderNumber, mark, sentAt);
    const reason = error instanceof PaylinkError ? error.reason : undefined;
    if (reason?.code === 'validation') return error;
    noteFailure(
      numberOf(body)!,
      sentAt,
      !reason || lostAnswer(reason) !== undefined,
      this.sendSpacing,
      (reason as { retryAfter?: number } | undefined)?.retryAfter,
    );
    const wait = this.waitFor(body);
    return wait && reason ? new PaylinkError({ ...reason, wait } as ErrorReason, '') : error;
  }

  /** Whole seconds before a code may be sent for the transaction, to the number if known. */
  private waitFor(to: Partial<SendOtpBody> & { orderNumber: string }): number {
    return Math.ceil(sendWait(to.orderNumber, numberOf(to), this.sendSpacing) / 1000);
  }

  protected override fail(reason: ErrorReason): PaylinkError {
    // A lost answer to processPayment is not an error to show: the payment is unconfirmed. Nor
    // is a send for an order Paylink says is paid.
    const paid = reason.code === 'http' && reason.refusal === 'already-paid';
    if ((this.status === 'verifying' && lostAnswer(reason)) || (this.status === 'sending' && paid))
      return new PaylinkError(reason, this.describe(reason));
    return super.fail(reason);
  }

  /** After a code was sent: an empty code input with focus, the resend countdown, WebOTP. */
  private startOtpStep(): void {
    this.otp = '';
    this.completedOtp = undefined;
    this.showSendWait();
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
    if (this.unconfirmed) return 'unconfirmed';
    return this.session ? 'sent' : 'idle';
  }

  protected override focusAfter(error: PaylinkError): void {
    const codeAtFault = error.field === 'otp' || blamesCode(error.refusal);
    if (error.field === 'mobile' || blamesNumber(error.refusal)) this.mobileInput?.focus();
    else if (codeAtFault && this.onOtpStep) this.otpInput?.select();
  }

  /** Whether the last send was stopped by the shopper (Cancel, Escape). */
  private cancelled = false;

  /** Stops a send in flight (Cancel, Escape): safe, as nothing was charged. Not a payment. */
  private cancelSend(): void {
    if (this.status !== 'sending') return;
    this.cancelled = true;
    this.requests.abort();
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.status !== 'sending') return;
    event.preventDefault();
    this.cancelSend();
  };

  /** Milliseconds between two sends for one transaction (`resend-after`). */
  private get sendSpacing(): number {
    const seconds = this.resendAfter;
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  }

  /**
   * Counts down what is left of the wait before a code may be sent: for the session's
   * transaction and number, or for those the inputs give now.
   */
  private showSendWait(): void {
    // A removed element keeps no timer: it counts down again once it is back.
    if (!this.isConnected) return this.countdown.stop();
    const check = buildSendOtpBody(this);
    const wait = this.waitFor(
      this.session ?? (check.ok ? check.body : { orderNumber: (this.transactionNo ?? '').trim() }),
    );
    if (wait > 0) this.countdown.start(wait);
    else this.countdown.stop();
  }

  private get busy(): boolean {
    return (
      this.status === 'sending' || this.status === 'verifying' || this.status === 'unconfirmed'
    );
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.busy || this.status === 'sent') return;
    if (this.countdown.remaining > 0 && !this.onOtpStep) return; // the button shows the wait
    this.send().catch(() => {
      // Already shown and dispatched as otp-error.
    });
  }

  private handleMobileInput(event: InputEvent): void {
    this.mobile = (event.target as HTMLInputElement).value;
    // A wait shown was for the number as it was: another may go at once.
    if (this.status === 'sent' || this.error?.field === 'mobile' || this.error?.retryAfter)
      this.reset();
    else this.showSendWait();
  }

  private handleConfirm(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.busy || this.sameAsCompleted()) return;
    this.confirm().catch(() => {});
  }

  protected override handleOtpInput(event: InputEvent): void {
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

  protected override handleResend(): void {
    if (this.disabled || this.busy || this.countdown.remaining > 0) return;
    this.send().catch(() => {});
  }

  private handleChangeMobile(): void {
    if (this.status === 'verifying' || this.status === 'unconfirmed') return;
    this.reset();
    void this.updateComplete.then(() => this.mobileInput?.focus());
  }

  private statusText(m: Messages): string {
    // "Sending code…" is in the button; the status line speaks only once it takes long.
    if (this.status === 'sending') return this.inFlight.slow ? m.stillSending : '';
    if (this.status === 'verifying' && this.inFlight.slow) return m.stillConfirming;
    // Kept as a key, so that it is worded in the language of the moment.
    if (this.notice && (this.onOtpStep || this.status === 'idle')) return m[this.notice];
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
    if (this.status === 'unconfirmed' && this.unconfirmed) return this.renderUnconfirmed();
    return this.onOtpStep ? this.renderOtpStep() : this.renderMobileStep();
  }

  private renderMobileStep() {
    const m = this.text;
    const sending = this.status === 'sending';
    const mobileInvalid = this.error?.field === 'mobile' || blamesNumber(this.error?.refusal);
    const total = this.total;
    const held = this.countdown.remaining > 0 && !sending && this.status !== 'sent';
    const submitLabel = held
      ? m.sendIn(this.countdown.clock)
      : typeof total === 'number' && Number.isFinite(total) && total > 0
        ? m.pay(m.amount(formatDecimal(total)))
        : m.submit;
    return this.renderForm(
      'form',
      sending,
      this.handleSubmit,
      html`
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
            placeholder=${MOBILE_RULES[normaliseCountryCode(this.countryCode)]?.written.example ?? ''}
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
          aria-disabled=${sending || held || this.status === 'sent' ? 'true' : 'false'}
        >
          <span part="spinner" aria-hidden="true" ?hidden=${!sending}></span>
          ${sending ? m.sending : submitLabel}
        </button>
        <div part="messages" class="messages">
          <p part="status" id="status" role="status">${this.statusText(m)}</p>
          <p part="error" id="error" role="alert">${this.errorText}</p>
        </div>
        ${this.renderCancel()}
      `,
    );
  }

  private renderOtpStep() {
    const m = this.text;
    const verifying = this.status === 'verifying';
    const otpInvalid = this.error?.field === 'otp' || blamesCode(this.error?.refusal);
    const waiting = this.countdown.remaining > 0;
    const primary = this.newCodeNeeded;
    const confirmLabel = this.processPayment ? m.confirmPayment : m.confirm;
    return this.renderForm(
      'otp-form',
      this.busy,
      this.handleConfirm,
      html`
        <p part="status" id="status" role="status">${this.statusText(m)}</p>
        ${this.renderOtpField(otpInvalid, this.busy)}
        <button
          part="confirm"
          type="submit"
          class=${primary ? 'secondary' : ''}
          ?disabled=${this.disabled}
          aria-disabled=${this.busy || this.sameAsCompleted() ? 'true' : 'false'}
        >
          <span part="spinner" aria-hidden="true" ?hidden=${!verifying}></span>
          ${verifying ? m.verifying : confirmLabel}
        </button>
        <p part="error" id="error" role="alert">${this.errorText}</p>
        <div part="actions" class="actions">
          ${this.renderResend({ look: primary ? 'primary' : 'link', waiting, busy: this.busy })}
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
        ${this.renderCancel()}
        <p class="visually-hidden" role="status">${this.resendAnnouncement}</p>
      `,
    );
  }

  /** Cancel, for a send that has taken a while. A payment in flight cannot be cancelled. */
  private renderCancel() {
    if (this.status !== 'sending' || !this.inFlight.slow) return nothing;
    return html`<button part="cancel" type="button" class="link" @click=${this.cancelSend}>
      ${this.text.cancel}
    </button>`;
  }

  private renderUnconfirmed() {
    const m = this.text;
    const { checking } = this.unconfirmed!;
    // With no way to ask the store, the host page is checking: say so, as while asking.
    const gaveUp = !checking && this.statusSource(this.unconfirmed!.orderNumber) !== undefined;
    return html`
      <p
        part="unconfirmed"
        role="status"
        tabindex="-1"
        aria-busy=${checking ? 'true' : 'false'}
        lang=${this.localize.lang}
        dir=${this.localize.dir}
      >
        <span part="spinner" aria-hidden="true" ?hidden=${!checking}></span>
        ${gaveUp ? m.paymentUnconfirmed : m.paymentChecking}
      </p>
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

/** The number a send goes to, as the page's record keys it: country code, then national digits. */
function numberOf(to: Partial<SendOtpBody>): string | undefined {
  return to.stcpayMobile && to.stcpayMobileCountryCode + to.stcpayMobile;
}

declare global {
  interface HTMLElementTagNameMap {
    'stcpay-otp': StcpayOtp;
  }
}
