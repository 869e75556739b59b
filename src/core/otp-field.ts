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

/**
 * The one-time-code input both elements use: labelled, numeric keyboard whose Enter key says
 * "done" (it confirms), the browser's one-time-code autofill, always left to right, described by
 * the status line and, while one is shown, the error. Read-only while `busy` (a request in
 * flight), so focus stays where it is. Its value is a plain property binding: `onInput` (called
 * with the rendering element as `this`) keeps `otp` equal to what the field holds, so only a
 * value the element sets (a code from the SMS, a cleared field) is ever written back.
 */
export function renderOtpField(
  el: CodeFieldHost,
  invalid: boolean,
  busy: boolean,
  onInput: (event: InputEvent) => void,
) {
  return html`
    <label part="otp-label" for="otp">${el.text.otpLabel}</label>
    <div part="field" class="field ${invalid ? 'invalid' : ''}" dir="ltr">
      <input
        part="otp"
        id="otp"
        name="otp"
        type="text"
        inputmode="numeric"
        enterkeyhint="done"
        autocomplete="one-time-code"
        dir="ltr"
        .value=${el.otp}
        ?readonly=${busy}
        ?disabled=${el.disabled}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${el.error ? 'status error' : 'status'}
        @input=${onInput}
      />
    </div>
  `;
}

/**
 * The button that asks for a new code: disabled while `busy` and while its countdown runs.
 * `look` is its class; `asking`, when given, is its `aria-disabled` (while a new code is being
 * asked for). `onClick` is called with the rendering element as `this`.
 */
export function renderResend(
  el: CodeFieldHost,
  look: string,
  busy: boolean,
  onClick: () => void,
  asking?: boolean,
) {
  const waiting = el.countdown.remaining > 0;
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
