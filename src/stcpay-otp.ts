import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PaylinkError } from './errors.js';
import type { OtpSentDetail } from './events.js';
import { describeError, en, type Messages } from './messages.js';
import { formatNational, normaliseCountryCode } from './mobile.js';
import { DEFAULT_TIMEOUT, sendOtp, type Environment } from './paylink-client.js';
import { buildSendOtpBody } from './send-otp-request.js';
import { styles } from './styles.js';

export type StcpayOtpState = 'idle' | 'sending' | 'sent' | 'error';

/**
 * Collects a customer's STC Pay mobile number and asks Paylink to text them a one-time code
 * (`sendOtp`), handing the host page what its `processPayment` call needs.
 *
 * @summary STC Pay checkout through Paylink: mobile number → OTP sent.
 *
 * @fires otp-sent - The code is on its way. `detail`: `{paymentSessionId, signature,
 *   signedBase64Data, stcpayMobile, stcMobile, stcpayMobileCountryCode, orderNumber, total}`.
 * @fires otp-error - Nothing was sent, or the send failed. `detail`: `{code, message, status?,
 *   field?, retryable}` with `code` one of `validation`, `http`, `network`, `timeout`,
 *   `bad-response`.
 *
 * @csspart form - The form around everything.
 * @csspart label - The mobile number's label.
 * @csspart field - The box holding the country code and the mobile input.
 * @csspart country-code - The country code shown before the number (`+966`).
 * @csspart mobile - The mobile number input.
 * @csspart submit - The send button.
 * @csspart spinner - The busy indicator inside the button while sending.
 * @csspart status - The polite status line ("We sent a verification code…").
 * @csspart error - The error text; empty when there is no error.
 *
 * @cssproperty --stcpay-otp-accent - Button and focus colour. Default `#4f008c` (STC Pay purple).
 * @cssproperty --stcpay-otp-accent-text - Text on the button. Default `#fff`.
 * @cssproperty --stcpay-otp-text - Text colour.
 * @cssproperty --stcpay-otp-background - The input's background.
 * @cssproperty --stcpay-otp-border-color - The input's border.
 * @cssproperty --stcpay-otp-radius - Corner radius of the input and button.
 * @cssproperty --stcpay-otp-font-family - Font family.
 * @cssproperty --stcpay-otp-font-size - Base font size.
 * @cssproperty --stcpay-otp-spacing - Gap between rows.
 * @cssproperty --stcpay-otp-focus-ring - The focus outline (a full `outline` value).
 * @cssproperty --stcpay-otp-error-color - Error text and invalid border.
 */
export class StcpayOtp extends LitElement {
  static override styles = styles;

  /**
   * Registers the element under `tag` unless that tag is taken, so loading the script twice
   * does no harm.
   */
  static define(tag = 'stcpay-otp', registry: CustomElementRegistry = customElements): void {
    if (registry.get(tag)) return;
    registry.define(tag, tag === 'stcpay-otp' ? this : class extends this {});
  }

  /** Paylink's `transactionNo` from addInvoice; sent as `orderNumber`. Required. */
  @property({ attribute: 'transaction-no' }) transactionNo?: string;

  /** The invoice total in SAR, a number above 0. Required. */
  @property({ type: Number }) total?: number;

  /** The calling code of the mobile number, digits only. */
  @property({ attribute: 'country-code' }) countryCode = '966';

  /** The mobile number in the input; the attribute only prefills it. */
  @property() mobile = '';

  /** Which Paylink host to talk to. */
  @property() environment: Environment = 'production';

  /** Replaces the environment's origin, e.g. the store's own proxy route or a local mock. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Milliseconds to wait for Paylink before giving up. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** Disables the input and the button. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private status: StcpayOtpState = 'idle';
  @state() private error?: PaylinkError;
  @state() private sentTo?: string;

  @query('input[part="mobile"]') private mobileInput!: HTMLInputElement;

  /** The send in progress; a second submit joins it instead of sending again. */
  private pending?: Promise<OtpSentDetail>;
  private controller?: AbortController;

  /** `idle`, `sending`, `sent` or `error`; also reflected as the `state` attribute. */
  get state(): StcpayOtpState {
    return this.status;
  }

  private get messages(): Messages {
    return en;
  }

  /**
   * Validates the inputs and sends the OTP. Resolves with the `otp-sent` detail; rejects with a
   * PaylinkError (also dispatched as `otp-error`). While a send is in flight, returns that one.
   */
  send(): Promise<OtpSentDetail> {
    if (this.disabled)
      return Promise.reject(new DOMException('<stcpay-otp> is disabled.', 'InvalidStateError'));
    if (!this.pending) {
      const pending = this.runSend().finally(() => {
        if (this.pending === pending) this.pending = undefined;
      });
      this.pending = pending;
    }
    return this.pending;
  }

  /** Aborts any request in flight and returns to `idle`, clearing the error and status. */
  reset(): void {
    this.abortInFlight();
    this.status = 'idle';
    this.error = undefined;
    this.sentTo = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortInFlight();
  }

  /** Aborts the send in flight; its promise rejects with an AbortError and touches nothing. */
  private abortInFlight(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.pending = undefined;
    this.status = 'idle';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('status')) this.setAttribute('state', this.status);
  }

  private async runSend(): Promise<OtpSentDetail> {
    const check = buildSendOtpBody(this);
    if (!check.ok) throw this.fail(check.reason);
    const { body } = check;

    const controller = (this.controller = new AbortController());
    this.status = 'sending';
    this.error = undefined;
    this.sentTo = undefined;
    try {
      const { stcMobile, ...session } = await sendOtp(body, {
        environment: this.environment,
        baseUrl: this.baseUrl,
        timeout: this.timeout,
        signal: controller.signal,
      });
      // Aborted after the answer arrived but before this resumed: the answer is not ours to use.
      controller.signal.throwIfAborted();
      const detail: OtpSentDetail = {
        ...session,
        ...(stcMobile === undefined ? {} : { stcMobile }),
        stcpayMobileCountryCode: body.stcpayMobileCountryCode,
        orderNumber: body.orderNumber,
        total: body.total,
      };
      this.status = 'sent';
      this.sentTo = `+${body.stcpayMobileCountryCode}\u00a0${formatNational(body.stcpayMobile)}`;
      this.emit('otp-sent', detail);
      return detail;
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw this.fail(error instanceof PaylinkError ? error.reason : { code: 'network' });
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Shows the error, announces it, tells the host page, and returns it for the promise. */
  private fail(reason: PaylinkError['reason']): PaylinkError {
    const error = new PaylinkError(reason, describeError(reason, this.messages));
    this.error = error;
    this.status = 'error';
    this.emit('otp-error', error.toDetail());
    if (error.field === 'mobile') void this.updateComplete.then(() => this.mobileInput.focus());
    return error;
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.status === 'sending' || this.status === 'sent') return;
    this.send().catch(() => {
      // Already shown and dispatched as otp-error.
    });
  }

  private handleInput(event: InputEvent): void {
    this.mobile = (event.target as HTMLInputElement).value;
    if (this.status === 'sent' || this.error?.field === 'mobile') this.reset();
  }

  private statusText(m: Messages): string {
    if (this.status === 'sending') return m.sending;
    return this.sentTo ? m.sent(this.sentTo) : '';
  }

  override render() {
    const m = this.messages;
    const sending = this.status === 'sending';
    const mobileInvalid = this.error?.field === 'mobile';
    return html`
      <form part="form" novalidate aria-busy=${sending ? 'true' : 'false'} @submit=${this.handleSubmit}>
        <label part="label" for="mobile">${m.mobileLabel}</label>
        <div part="field" class="field ${mobileInvalid ? 'invalid' : ''}" dir="ltr">
          <span part="country-code" id="country-code">+${normaliseCountryCode(this.countryCode) || this.countryCode}</span>
          <input
            part="mobile"
            id="mobile"
            name="mobile"
            type="tel"
            inputmode="numeric"
            autocomplete="tel-national"
            dir="ltr"
            .value=${live(this.mobile)}
            ?readonly=${sending}
            ?disabled=${this.disabled}
            aria-invalid=${mobileInvalid ? 'true' : 'false'}
            aria-describedby=${this.error ? 'country-code error' : 'country-code'}
            @input=${this.handleInput}
          />
        </div>
        <button
          part="submit"
          type="submit"
          ?disabled=${this.disabled}
          aria-disabled=${sending || this.status === 'sent' ? 'true' : 'false'}
        >
          <span part="spinner" aria-hidden="true" ?hidden=${!sending}></span>
          <span>${sending ? m.sending : m.submit}</span>
        </button>
        <p part="status" id="status" role="status">${this.statusText(m)}</p>
        <p part="error" id="error" role="alert">${this.error?.message ?? ''}</p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stcpay-otp': StcpayOtp;
  }
}
