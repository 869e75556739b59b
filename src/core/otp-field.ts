import { html, nothing } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { CountdownController } from './countdown.js';
import type { PaylinkError } from './errors.js';

/** What the code field and the resend button read from the element that renders them. */
export interface CodeFieldHost {
  readonly text: Messages;
  readonly otp: string;
  readonly disabled: boolean;
  readonly error?: PaylinkError;
  readonly countdown: CountdownController;
}

export interface OtpFieldOptions {
  label: string;
  value: string;
  invalid: boolean;
  /** Read-only while a request is in flight, so focus stays where it is. */
  busy: boolean;
  disabled: boolean;
  /** Ids of the status and error lines that describe the input. */
  describedBy: string;
  /** Called with the rendering element as `this`. */
  onInput: (event: InputEvent) => void;
}

/**
 * The one-time-code input both elements use: labelled, numeric keyboard whose Enter key says
 * "done" (it confirms), the browser's one-time-code autofill, always left to right. Its value
 * is a plain property binding: `onInput` keeps `value` equal to what the field holds, so only a
 * value the element sets (a code from the SMS, a cleared field) is ever written back.
 */
export function otpField(options: OtpFieldOptions) {
  return html`
    <label part="otp-label" for="otp">${options.label}</label>
    <div part="field" class="field ${options.invalid ? 'invalid' : ''}" dir="ltr">
      <input
        part="otp"
        id="otp"
        name="otp"
        type="text"
        inputmode="numeric"
        enterkeyhint="done"
        autocomplete="one-time-code"
        dir="ltr"
        .value=${options.value}
        ?readonly=${options.busy}
        ?disabled=${options.disabled}
        aria-invalid=${options.invalid ? 'true' : 'false'}
        aria-describedby=${options.describedBy}
        @input=${options.onInput}
      />
    </div>
  `;
}

/** The code input, described by the status line and, while one is shown, the error. */
export function renderOtpField(
  el: CodeFieldHost,
  invalid: boolean,
  busy: boolean,
  onInput: (event: InputEvent) => void,
) {
  return otpField({
    label: el.text.otpLabel,
    value: el.otp,
    invalid,
    busy,
    disabled: el.disabled,
    describedBy: el.error ? 'status error' : 'status',
    onInput,
  });
}

/**
 * The button that asks for a new code: disabled while `busy` and, counting down, while
 * `waiting`. `look` is its class; `asking`, when given, is its `aria-disabled` (while a new
 * code is being asked for). `onClick` is called with the rendering element as `this`.
 */
export function renderResend(
  el: CodeFieldHost,
  options: { look: string; waiting: boolean; busy: boolean; asking?: boolean; onClick: () => void },
) {
  const { look, waiting, busy, asking, onClick } = options;
  return html`
    <button
      part="resend"
      type="button"
      class=${look}
      ?disabled=${el.disabled || waiting || busy}
      aria-disabled=${asking === undefined ? nothing : asking ? 'true' : 'false'}
      @click=${onClick}
    >
      ${waiting ? el.text.resendIn(el.countdown.clock) : el.text.resend}
    </button>
  `;
}
