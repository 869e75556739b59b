import { html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PaylinkError, type RegistrationField } from '../core/errors.js';
import { maskNational, parseMobile } from '../input/mobile.js';
import { otpField } from '../core/otp-field.js';
import { isCompleteOtp } from '../input/otp.js';
import { validateOtp, type ValidateOtpBody, type ValidateOtpResponse } from './partner-client.js';
import { PaylinkElement } from '../core/paylink-element.js';
import type { ErrorReason } from '../core/errors.js';
import { englishError } from '../i18n/describe-error.js';
import type { Messages } from '../i18n/messages.js';
import {
  describePartnerError,
  partnerMessagesFor,
  type PartnerMessages,
} from './partner-messages.js';

export type ValidateMobileState = 'idle' | 'validating' | 'validated' | 'error';

/**
 * Step 2 of a Paylink partner's merchant registration, "Validate Mobile": the merchant types the
 * code Paylink texted them; the element sends it with the values step 1 returned and hands the
 * page the license data the next step needs.
 *
 * Talk to Paylink through your own backend with `base-url` (recommended: the partner token
 * then never reaches the browser), or give a short-lived `token`, or a `getToken` function.
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
 *
 * @csspart form - The form.
 * @csspart status - Where the code went ("Enter the code we sent by SMS to…").
 * @csspart otp-label - The code's label.
 * @csspart field - The box around the code input.
 * @csspart otp - The code input.
 * @csspart submit - The verify button.
 * @csspart spinner - The busy indicator inside the button.
 * @csspart error - The error text; empty when there is no error.
 * @csspart validated - The confirmation with the license name and type.
 *
 * @cssproperty --stcpay-otp-accent - Button and focus colour. The same custom properties as
 *   `<stcpay-otp>`.
 */
export class PaylinkValidateMobile extends PaylinkElement<ValidateMobileState> {
  static override defaultTag = 'paylink-validate-mobile';
  static override shadowRootOptions = { ...PaylinkElement.shadowRootOptions, delegatesFocus: true };

  /** From step 1 (check-license), passed as is. Changing it ends the registration session. */
  @property() signature?: string;

  /** From step 1, passed as is. */
  @property({ attribute: 'session-uuid' }) sessionUuid?: string;

  /** The merchant's mobile as step 1 took it, passed as is. */
  @property() mobile?: string;

  /** The partner's profile number from the contract with Paylink. */
  @property({ attribute: 'partner-profile-no' }) partnerProfileNo?: string;

  /**
   * The partner's id_token, sent as `Authorization: Bearer`. A property only: never reflected
   * to an attribute, rendered, logged or put into an event. Not needed with a `base-url`
   * backend that adds it.
   */
  @property({ attribute: false }) token?: string;

  /**
   * Replaces any of the built-in strings, the shared ones and this element's own (`validate`,
   * `validated`, `unauthorized`...); the rest keep the language's defaults. A property only.
   */
  @property({ attribute: false }) override messages?: Partial<Messages & PartnerMessages>;

  /** Supplies a fresh token for each request instead of `token`; asked again once after a 401. */
  @property({ attribute: false }) getToken?: () => string | Promise<string>;

  @state() private otp = '';
  @state() private result?: ValidateOtpResponse;

  @query('[part~="validated"]') private confirmation?: HTMLElement;
  @query('input[part~="otp"]') private otpInput?: HTMLInputElement;

  /**
   * Checks the inputs and the code and sends validate-otp. Resolves with the response (also
   * dispatched as `mobile-validated`); rejects with a PaylinkError (also `otp-error`). Joins a
   * request in flight; rejects with an InvalidStateError when disabled or already validated.
   */
  validate(): Promise<ValidateOtpResponse> {
    if (this.disabled || this.status === 'validated')
      return Promise.reject(
        new DOMException(
          `<paylink-validate-mobile> is ${this.disabled ? 'disabled' : 'done'}.`,
          'InvalidStateError',
        ),
      );
    return this.requests.once('validate', () => this.runValidate());
  }

  /** Aborts a request in flight and clears the code, the error and the result. */
  reset(): void {
    this.requests.abort();
    this.status = 'idle';
    this.error = undefined;
    this.otp = '';
    this.result = undefined;
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
    const result = await this.requests.run((signal) => this.send(body, signal));
    this.result = result;
    this.status = 'validated';
    this.emit('mobile-validated', result);
    void this.updateComplete.then(() => this.confirmation?.focus());
    return result;
  }

  /** One request; with `getToken`, one more with a fresh token after a 401. */
  private async send(body: ValidateOtpBody, signal: AbortSignal): Promise<ValidateOtpResponse> {
    const options = { ...this.requestOptions, signal };
    try {
      return await validateOtp(body, { ...options, token: await this.currentToken() });
    } catch (error) {
      const expired = error instanceof PaylinkError && error.status === 401 && this.getToken;
      if (!expired || signal.aborted) throw error;
      return validateOtp(body, { ...options, token: await this.currentToken() });
    }
  }

  private async currentToken(): Promise<string | undefined> {
    if (!this.getToken) return this.token;
    try {
      return (await this.getToken()) || undefined;
    } catch {
      throw englishError({ code: 'validation', field: 'token', missing: true });
    }
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
    if (this.codeAtFault) this.otpInput?.select();
  }

  private get codeAtFault(): boolean {
    const reason = this.error?.reason;
    return reason?.code === 'validation'
      ? reason.field === 'otp'
      : reason?.code === 'http' && reason.otp === 'wrong';
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || this.status === 'validating') return;
    this.validate().catch(() => {});
  }

  private handleOtpInput(event: InputEvent): void {
    this.otp = (event.target as HTMLInputElement).value;
    this.clearError('idle');
    if (isCompleteOtp(this.otp, this.otpLength)) this.validate().catch(() => {});
  }

  /** The number the code went to, masked: `+966 59 ••• ••77`, or only its last two digits. */
  private get maskedMobile(): string {
    const mobile = this.mobile ?? '';
    const saudi = parseMobile(mobile, '966');
    if (saudi.ok) return `+966\u00a0${maskNational(saudi.national)}`;
    return mobile.length > 2 ? '•'.repeat(mobile.length - 2) + mobile.slice(-2) : mobile;
  }

  override render() {
    const m = this.text;
    const p = this.partnerText;
    const { lang, dir } = this.localize;
    if (this.status === 'validated' && this.result) {
      const { licenseName, licenseType } = this.result;
      return html`
        <p part="validated" role="status" tabindex="-1" lang=${lang} dir=${dir}>
          ${p.validated(licenseName, p.licenseTypes[licenseType] ?? licenseType)}
        </p>
      `;
    }
    const validating = this.status === 'validating';
    return html`
      <form
        part="form"
        novalidate
        lang=${lang}
        dir=${dir}
        aria-busy=${validating ? 'true' : 'false'}
        @submit=${this.handleSubmit}
      >
        <p part="status" id="status" role="status">
          ${validating ? p.validating : this.mobile ? m.otpSentTo(this.maskedMobile) : ''}
        </p>
        ${otpField({
          label: m.otpLabel,
          value: this.otp,
          invalid: this.codeAtFault,
          busy: validating,
          disabled: this.disabled,
          describedBy: this.error ? 'status error' : 'status',
          onInput: this.handleOtpInput,
        })}
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
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paylink-validate-mobile': PaylinkValidateMobile;
  }
}
