import {
  html,
  LitElement,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { CountdownController } from './countdown.js';
import { PaylinkError, type ErrorReason } from './errors.js';
import type { PaylinkEventMap } from './events.js';
import { LocalizeController } from './localize.js';
import { otpLengths, parseOtp } from '../input/otp.js';
import { describeError } from '../i18n/describe-error.js';
import type { CodeMessages, Messages } from '../i18n/messages.js';
import { DEFAULT_TIMEOUT, type Environment, type RequestOptions } from './transport.js';
import { RequestController } from './request-controller.js';
import { styles } from './styles.js';

/**
 * What both elements share: the common attributes, language and direction, the theme, the
 * `state` attribute and CSS custom state, registration, events, and every failure shown and
 * dispatched as `otp-error`. Requests go through `requests` (one at a time, aborted on removal).
 * `S` is the element's own states; every element also starts `idle` and has `error`.
 */
export abstract class PaylinkElement<S extends string> extends LitElement {
  static override styles = styles;

  /** The reactive properties, declared as fields below; `state: true` ones are internal. */
  static override properties: PropertyDeclarations = {
    environment: {},
    baseUrl: { attribute: 'base-url' },
    timeout: { type: Number },
    disabled: { type: Boolean, reflect: true },
    otpLength: { type: Number, attribute: 'otp-length' },
    theme: { reflect: true },
    messages: { attribute: false },
    status: { state: true },
    error: { state: true },
    otp: { state: true },
    resendAnnouncement: { state: true },
  };

  /** The tag `define()` uses by default. */
  static defaultTag: string;

  /**
   * Registers the element under `tag` unless that tag is taken, so loading the script twice
   * does no harm.
   */
  static define(tag = this.defaultTag, registry: CustomElementRegistry = customElements): void {
    if (registry.get(tag)) return;
    const Element = this as unknown as CustomElementConstructor;
    registry.define(tag, tag === this.defaultTag ? Element : class extends Element {});
  }

  /** Which Paylink host to talk to. */
  environment: Environment = 'production';

  /** Replaces the environment's origin, e.g. the site's own proxy route or a local mock. */
  baseUrl?: string;

  /** Milliseconds to wait for Paylink before giving up. */
  timeout = DEFAULT_TIMEOUT;

  /** Disables the inputs and buttons. */
  disabled = false;

  /**
   * The code's exact length, 4-10; the code is then confirmed as soon as it is complete.
   * Unset: 4 to 10 digits.
   */
  otpLength?: number;

  /** Unset or `auto` follows the system's light or dark preference; `light` and `dark` fix it. */
  theme?: 'auto' | 'light' | 'dark';

  /**
   * Replaces any of the built-in strings (English or Arabic, chosen by `lang`); the strings not
   * given keep the language's defaults. A property only.
   */
  messages?: Partial<Messages>;

  protected status: S | 'idle' | 'error' = 'idle';
  /** The error shown, if any. */
  protected error?: PaylinkError;

  protected readonly localize = new LocalizeController(this);

  /** The request in flight: one at a time, joined, aborted on removal or reset. */
  protected readonly requests = new RequestController(this, {
    failed: (reason) => this.fail(reason),
    aborted: () => {
      this.status = this.restingState;
    },
  });

  /** What was typed into the code input. */
  protected otp = '';
  /** What the polite live region under the resend button says. */
  protected resendAnnouncement = '';

  /** The wait before [part=resend] may ask for a new code; says so when it is over. */
  protected readonly countdown = new CountdownController(this, () => {
    this.resendAnnouncement = this.text.resendReady;
  });

  /** Exposes the state to CSS as `:state(idle)` and so on, where the browser can. */
  private readonly internals?: ElementInternals = this.attachInternals?.();

  /** The element's state; also reflected as the `state` attribute. */
  get state(): S | 'idle' | 'error' {
    return this.status;
  }

  /** The code step's strings by language, once the element has them (see catalogs.ts). */
  protected moreText?: Readonly<Record<string, CodeMessages>>;

  /** The strings in the element's language, with the host page's overrides. */
  protected get text(): Messages {
    return this.localize.messages(this.messages, this.moreText);
  }

  protected get requestOptions(): RequestOptions {
    return { environment: this.environment, baseUrl: this.baseUrl, timeout: this.timeout };
  }

  /** Its own `lang` re-renders at once; ancestors' are watched by the localize controller. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('status')) return;
    this.setAttribute('state', this.status);
    const states = this.internals?.states;
    if (!states) return;
    states.clear();
    try {
      states.add(this.status);
    } catch {
      states.add(`--${this.status}`); // the older dashed form, before :state() was standard
    }
  }

  /** The element in the shadow root that `selector` finds, if any. */
  protected find<E extends Element = HTMLElement>(selector: string): E | undefined {
    return this.renderRoot?.querySelector<E>(selector) ?? undefined;
  }

  /** Dispatches one of the elements' events; the detail must be the type the event map gives. */
  protected emit<K extends keyof PaylinkEventMap>(
    type: K,
    detail: PaylinkEventMap[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The state to return to when a request is aborted. */
  protected get restingState(): S | 'idle' {
    return 'idle';
  }

  /**
   * The code typed, as digits, when it is one for `otp-length`; otherwise fails (shown and
   * dispatched as a validation `otp-error`) and throws that error.
   */
  protected checkedOtp(typed: string): string {
    const check = parseOtp(typed, this.otpLength);
    if (check.ok) return check.otp;
    throw this.fail({
      code: 'validation',
      field: 'otp',
      problem: check.problem,
      ...otpLengths(this.otpLength),
    });
  }

  /** Shows the error, announces it, tells the host page, and returns it for the promise. */
  protected fail(reason: ErrorReason): PaylinkError {
    const error = new PaylinkError(reason, this.describe(reason));
    this.error = error;
    this.status = 'error';
    this.emit('otp-error', error.toDetail());
    void this.updateComplete.then(() => this.focusAfter(error));
    return error;
  }

  /** Once the person changes what was wrong: hides the error shown, if any, and goes to `state`. */
  protected clearError(state: S | 'idle'): void {
    if (this.status !== 'error') return;
    this.error = undefined;
    this.status = state;
  }

  /** Puts an error into words, in the element's language. */
  protected describe(reason: ErrorReason): string {
    return describeError(reason, this.text);
  }

  /** The error shown, worded when rendered: in the element's language of the moment. */
  protected get errorText(): string {
    return this.error ? this.describe(this.error.reason) : '';
  }

  /** Moves focus after an error: to the input at fault, if there is one. */
  protected focusAfter(_error: PaylinkError): void {}

  /**
   * A form in the element's language and direction that leaves the checks to the element
   * (`novalidate`), marked busy while `busy`.
   */
  protected renderForm(
    part: string,
    busy: boolean,
    onSubmit: (event: SubmitEvent) => void,
    content: TemplateResult,
  ) {
    return html`
      <form
        part=${part}
        novalidate
        lang=${this.localize.lang}
        dir=${this.localize.dir}
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${onSubmit}
      >
        ${content}
      </form>
    `;
  }
}
