import { html } from 'lit';
import { live } from 'lit/directives/live.js';

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
 * "done" (it confirms), the browser's one-time-code autofill, always left to right.
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
        .value=${live(options.value)}
        ?readonly=${options.busy}
        ?disabled=${options.disabled}
        aria-invalid=${options.invalid ? 'true' : 'false'}
        aria-describedby=${options.describedBy}
        @input=${options.onInput}
      />
    </div>
  `;
}
