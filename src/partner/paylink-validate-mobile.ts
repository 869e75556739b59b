import { html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { PaylinkError, type RegistrationField } from '../core/errors.js';
import { frozenCopy } from '../core/frozen.js';
import { maskMobile } from '../input/mobile.js';
import { renderOtpField, renderResend, type CodeFieldHost } from '../core/otp-field.js';
import { isCompleteOtp } from '../input/otp.js';
import {
  retryOtp,
  validateOtp,
  type ValidateOtpBody,
  type ValidateOtpResponse,
} from './partner-client.js';
import { PaylinkElement } from '../core/paylink-element.js';
import type { ErrorReason } from '../core/errors.js';
import type { Messages } from '../i18n/messages.js';
import { codeText } from '../i18n/code-text.js';
import {
  describePartnerError,
  partnerMessagesFor,
  type PartnerMessages,
} from './partner-messages.js';
import { dropTokenAttribute, TOKEN_ATTRIBUTE, withToken } from './partner-token.js';

/** The attribute a token must never be: removed on sight, never read. */

export type ValidateMobileState = 'idle' | 'validating' | 'resending' | 'validated' | 'error';

/**
 * Step 2 of a Paylink partner's merchant registration, "Validate Mobile": the merchant types the
 * code Paylink texted them; the element sends it with the values step 1 returned and hands the
 * page the license data the next step needs.
 *
 * Talk to Paylink through your own backend with `base-url` (recommended: the partner token
 * then never reaches the browser), or give a short-lived `token` property (never an attribute:
 * one found is removed unused, with a console warning), or a `getToken` function. `timeout`
 * bounds each whole operation, `getToken` included.
 *
 * The merchant can ask for a new code ([part=resend], `resend()`: Paylink's retry-otp) once
 * `resend-after` seconds have passed since the last one, and at once when the code expired.
 *
 * @summary Paylink partner registration: validate the merchant's mobile with the SMS code.
 *
 * @attr {string} lang - The language, `en` or `ar`; unset, the closest ancestor's `lang`, else
 *   the document's.
 *
 * @fires mobile-validated - Paylink accepted the code. `detail`: `{signature, mobile, sessionUuid,
 *   licenseNumber, licenseType, licenseName, nationalIds, bankNames, monthlySalesVolumes}`.
 * @fires otp-error - Nothing was sent, or the request failed. `detail`: `{code, message,
 *   status?, field?, retryable}`, as `<stcpay-otp>` dispatches it.
 * Every `detail` is a fresh, frozen copy: nothing a listener does to it reaches the element.
 *
 * @csspart form - The form.
 * @csspart status - Where the code went ("Enter the code we sent by SMS to…").
 * @csspart otp-label - The code's label.
 * @csspart field - The box around the code input.
 * @csspart otp - The code input.
 * @csspart submit - The verify button.
 * @csspart actions - The row holding the resend button.
 * @csspart resend - Asks for a new code; disabled during its countdown ("Resend code in 0:42").
 * @csspart spinner - The busy indicator inside the button.
 * @csspart error - The error text; empty when there is no error.
 * @csspart validated - The confirmation with the license name and type.
 *
 * @cssproperty --stcpay-otp-accent - Button and focus colour. The same custom properties as
 *   `<stcpay-otp>`.
 */
export class PaylinkValidateMobile extends PaylinkElement<ValidateMobileState> {
  static override defaultTag = 'paylink-validate-mobile';

  /** The code's strings: this element's one step takes a code, so it ships them. */
  protected override moreText = codeText;
  static override shadowRootOptions = { ...PaylinkElement.shadowRootOptions, delegatesFocus: true };

  /** The reactive properties, declared as fields below; `state: true` ones are internal. */
  static override properties: PropertyDeclarations = {
    signature: {},
    sessionUuid: { attribute: 'session-uuid' },
    mobile: {},
    partnerProfileNo: { attribute: 'partner-profile-no' },
    token: { attribute: false },
    messages: { attribute: false },
    getToken: { attribute: false },
    resendAfter: { type: Number, attribute: 'resend-after' },
    result: { state: true },
    resent: { state: true },
  };

  /** From step 1 (check-license), passed as is. Changing it ends the registration session. */
  signature?: string;

  /** From step 1, passed as is. */
  sessionUuid?: string;

  /** The merchant's mobile as step 1 took it, passed as is. */
  mobile?: string;

  /** The partner's profile number from the contract with Paylink. */
  partnerProfileNo?: string;

  /**
   * The partner's id_token, sent as `Authorization: Bearer`. A property only: never reflected
   * to an attribute, rendered, logged or put into an event. Not needed with a `base-url`
   * backend that adds it.
   */
  token?: string;

  /**
   * Replaces any of the built-in strings, the shared ones and this element's own (`validate`,
   * `validated`, `unauthorized`...); the rest keep the language's defaults. A property only.
   */
  override messages?: Partial<Messages & PartnerMessages>;

  /** Supplies a fresh token for each request instead of `token`; asked again once after a 401. */
  getToken?: () => string | Promise<string>;

  /**
   * Seconds before [part=resend] asks for a new code, counted from when the element first
   * shows (step 1 has just sent one) and from each resend. An expired code enables it at once.
   */
  resendAfter = 60;

  private result?: ValidateOtpResponse;
  /** Whether the code the merchant is waiting for came from a resend. */
  private resent = false;

  private countdownStarted = false;

  /**
   * A `token` attribute is watched only to be removed: the token is a property only, and the
   * custom elements manifest lists no such attribute.
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, TOKEN_ATTRIBUTE];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === TOKEN_ATTRIBUTE) {
      if (value !== null) dropTokenAttribute(this);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasAttribute(TOKEN_ATTRIBUTE)) dropTokenAttribute(this);
    if (!this.countdownStarted) {
      this.countdownStarted = true;
      this.countdown.start(this.resendAfter);
    }
  }

  /**
   * Checks the inputs and the code and sends validate-otp. Resolves with the response (also
   * dispatched as `mobile-validated`); rejects with a PaylinkError (also `otp-error`). Joins a
   * request in flight; rejects with an InvalidStateError when disabled, already validated, or
   * while a new code is being asked for.
   */
  validate(): Promise<ValidateOtpResponse> {
    const blocked = this.status === 'resending' ? 'asking for a new code' : undefined;
    return this.unlessRefused(blocked, 'validate', () => this.runValidate());
  }

  /**
   * Asks Paylink for a new code (retry-otp) for this registration session and takes the session
   * fields it returns. Resolves once the code is on its way; rejects with a PaylinkError (also
   * `otp-error`). Joins a resend in flight; rejects with an InvalidStateError when disabled,
   * validated, validating, or before the `resend-after` countdown has ended.
   */
  resend(): Promise<void> {
    const blocked =
      this.status === 'validating'
        ? 'validating'
        : this.status !== 'resending' && this.countdown.remaining > 0
          ? `waiting ${this.countdown.remaining} s before a new code`
          : undefined;
    return this.unlessRefused(blocked, 'resend', () => this.runResend());
  }

  /**
   * Runs `action` (or joins it in flight) unless the element is disabled, validated, or
   * `blocked` says why not; then rejects with an InvalidStateError that says which.
   */
  private unlessRefused<T>(
    blocked: string | undefined,
    action: string,
    run: () => Promise<T>,
  ): Promise<T> {
    const refused = this.disabled ? 'disabled' : this.status === 'validated' ? 'done' : blocked;
    if (refused)
      return Promise.reject(
        new DOMException(`<paylink-validate-mobile> is ${refused}.`, 'InvalidStateError'),
      );
    return this.requests.once(action, run);
  }

  /** Aborts a request in flight and clears the code, the error and the result. */
  reset(): void {
    this.requests.abort();
    this.status = 'idle';
    this.error = undefined;
    this.otp = '';
    this.result = undefined;
  }

  private async runResend(): Promise<void> {
    const missing = this.missingInput();
    if (missing) throw this.fail({ code: 'validation', field: missing, missing: true });
    const body = {
      sessionUuid: this.sessionUuid!,
      mobileNumber: this.mobile!,
      partnerProfileNo: this.partnerProfileNo!,
    };
    this.status = 'resending';
    this.error = undefined;
    const session = await this.requests.run((signal) =>
      withToken(this, this.requestOptions, signal, (options) => retryOtp(body, options)),
    );
    // Only the fields Paylink sent, filled (parseRetryOtpResponse): they replace step 1's.
    Object.assign(this, session);
    this.status = 'idle';
    this.otp = '';
    this.resent = true;
    this.countdown.start(this.resendAfter);
    this.resendAnnouncement =
      this.countdown.remaining > 0 ? this.text.resendWait(this.countdown.remaining) : '';
    void this.updateComplete.then(() => this.find<HTMLInputElement>('input[part~="otp"]')?.focus());
  }

  private async runValidate(): Promise<ValidateOtpResponse> {
    const missing = this.missingInput();
    if (missing) throw this.fail({ code: 'validation', field: missing, missing: true });
    const otp = this.checkedOtp(this.otp);
    const body: ValidateOtpBody = {
      signature: this.signature!,
      sessionUuid: this.sessionUuid!,
      mobile: this.mobile!,
      otp,
      partnerProfileNo: this.partnerProfileNo!,
    };

    this.status = 'validating';
    this.error = undefined;
    const result = await this.requests.run((signal) =>
      withToken(this, this.requestOptions, signal, (options) => validateOtp(body, options)),
    );
    // The element keeps its own copy; the page gets another, frozen, in the event and the promise.
    this.result = frozenCopy(result);
    this.status = 'validated';
    this.countdown.stop();
    const detail = frozenCopy(result);
    this.emit('mobile-validated', detail);
    void this.updateComplete.then(() => this.find('[part~="validated"]')?.focus());
    return detail;
  }

  /** The first step-1 value (or the token, when no backend adds it) that is missing. */
  private missingInput(): RegistrationField | undefined {
    const fields = ['signature', 'sessionUuid', 'mobile', 'partnerProfileNo'] as const;
    const missing = fields.find((field) => !this[field]);
    if (missing) return missing;
    if (!this.baseUrl && !this.token && !this.getToken) return 'token';
    return undefined;
  }

  /** This element's own strings, in its language, with the page's overrides. */
  private get partnerText(): PartnerMessages {
    return partnerMessagesFor(this.localize.lang, this.messages);
  }

  protected override describe(reason: ErrorReason): string {
    return describePartnerError(reason, this.partnerText) ?? super.describe(reason);
  }

  protected override focusAfter(): void {
    if (this.codeExpired) {
      // One tap to recover: the old code is no use, and the resend button is ready.
      this.otp = '';
      void this.updateComplete.then(() =>
        this.find<HTMLInputElement>('input[part~="otp"]')?.focus(),
      );
    } else if (this.codeAtFault) this.find<HTMLInputElement>('input[part~="otp"]')?.select();
  }

  protected override fail(reason: ErrorReason): PaylinkError {
    // The countdown guards against pumping SMS, not against expiry: an expired code may be
    // replaced at once.
    if (reason.code === 'http' && reason.otp === 'expired') {
      this.countdown.stop();
      this.resendAnnouncement = '';
    }
    return super.fail(reason);
  }

  private get codeExpired(): boolean {
    const reason = this.error?.reason;
    return reason?.code === 'http' && reason.otp === 'expired';
  }

  private get codeAtFault(): boolean {
    const reason = this.error?.reason;
    return reason?.code === 'validation'
      ? reason.field === 'otp'
      : reason?.code === 'http' && reason.otp === 'wrong';
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.status === 'validating' || this.status === 'resending') return;
    this.validate().catch(() => {});
  }

  private handleResend(): void {
    this.resend().catch(() => {});
  }

  private handleOtpInput(event: InputEvent): void {
    this.otp = (event.target as HTMLInputElement).value;
    this.clearError('idle');
    if (isCompleteOtp(this.otp, this.otpLength)) this.validate().catch(() => {});
  }

  /** Itself, as the code field and the resend button read it (their members are protected). */
  private get field(): CodeFieldHost {
    return this as unknown as CodeFieldHost;
  }

  override render() {
    const m = this.text;
    const p = this.partnerText;
    const { lang, dir } = this.localize;
    if (this.status === 'validated' && this.result) {
      const { licenseName, licenseType } = this.result;
      // Own properties only: a licenseType of "constructor" or "__proto__" is shown as sent.
      const known = Object.prototype.hasOwnProperty.call(p.licenseTypes, licenseType);
      return html`
        <p part="validated" role="status" tabindex="-1" lang=${lang} dir=${dir}>
          ${p.validated(licenseName, known ? p.licenseTypes[licenseType] : licenseType)}
        </p>
      `;
    }
    const validating = this.status === 'validating';
    const resending = this.status === 'resending';
    return this.renderForm(
      'form',
      validating,
      this.handleSubmit,
      html`
        <p part="status" id="status" role="status">
          ${
            validating
              ? p.validating
              : resending
                ? m.sending
                : !this.mobile
                  ? ''
                  : this.resent
                    ? m.otpResent(maskMobile(this.mobile ?? ''))
                    : m.otpSentTo(maskMobile(this.mobile ?? ''))
          }
        </p>
        ${renderOtpField(this.field, this.codeAtFault, validating, this.handleOtpInput)}
        <button
          part="submit"
          type="submit"
          ?disabled=${this.disabled}
          aria-disabled=${validating ? 'true' : 'false'}
        >
          <span part="spinner" aria-hidden="true" ?hidden=${!validating}></span>
          ${validating ? p.validating : p.validate}
        </button>
        <p part="error" id="error" role="alert">${this.errorText}</p>
        <div part="actions" class="actions">
          ${renderResend(
            this.field,
            this.codeExpired ? '' : 'link',
            validating,
            this.handleResend,
            resending,
          )}
        </div>
        <p class="visually-hidden" role="status">${this.resendAnnouncement}</p>
      `,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paylink-validate-mobile': PaylinkValidateMobile;
  }
}
