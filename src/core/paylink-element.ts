import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PaylinkError, type ErrorReason } from './errors.js';
import { LocalizeController } from './localize.js';
import { describeError, type Messages } from '../i18n/messages.js';
import { DEFAULT_TIMEOUT, type Environment, type RequestOptions } from './transport.js';
import { styles } from './styles.js';

/**
 * What both elements share: the common attributes, language and direction, the theme, the
 * `state` attribute and CSS custom state, registration, events, and requests: one at a time,
 * aborted on removal, every failure shown and dispatched as `otp-error`.
 * `S` is the element's set of states; every element starts `idle` and has `error`.
 */
export abstract class PaylinkElement<S extends string> extends LitElement {
  static override styles = styles;

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
  @property() environment: Environment = 'production';

  /** Replaces the environment's origin, e.g. the site's own proxy route or a local mock. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Milliseconds to wait for Paylink before giving up. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** Disables the inputs and buttons. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The code's exact length, 4-10; the code is then confirmed as soon as it is complete. Unset: 4 to 10 digits. */
  @property({ type: Number, attribute: 'otp-length' }) otpLength?: number;

  /** Unset or `auto` follows the system's light or dark preference; `light` and `dark` fix it. */
  @property({ reflect: true }) theme?: 'auto' | 'light' | 'dark';

  /**
   * Replaces any of the built-in strings (English or Arabic, chosen by `lang`); the strings not
   * given keep the language's defaults. A property only.
   */
  @property({ attribute: false }) messages?: Partial<Messages>;

  @state() protected status = 'idle' as S;
  /** The error shown, if any. */
  @state() protected error?: PaylinkError;

  protected readonly localize = new LocalizeController(this);

  /** Exposes the state to CSS as `:state(idle)` and so on, where the browser can. */
  private readonly internals?: ElementInternals = this.attachInternals?.();

  /** Aborts the request in flight (there is only ever one). */
  private controller?: AbortController;
  /** The action in flight (`send`, `confirm`...), so a second call of it joins the first. */
  private inFlight?: { action: string; promise: Promise<unknown> };

  /** The element's state; also reflected as the `state` attribute. */
  get state(): S {
    return this.status;
  }

  /** The strings in the element's language, with the host page's overrides. */
  protected get text(): Messages {
    return this.localize.messages(this.messages);
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

  protected emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortInFlight();
  }

  /** Runs `action`, or returns the same action's promise while it is in flight: nothing twice. */
  protected once<T>(action: string, run: () => Promise<T>): Promise<T> {
    if (this.inFlight?.action === action) return this.inFlight.promise as Promise<T>;
    const promise = run().finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { action, promise };
    return promise;
  }

  /**
   * Makes one request with an abort signal. If the element aborts it (reset, removal), rejects
   * with the abort reason and touches nothing, even when the answer had already arrived; any
   * other failure is shown and dispatched through `fail`.
   */
  protected async request<T>(send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = (this.controller = new AbortController());
    try {
      const result = await send(controller.signal);
      controller.signal.throwIfAborted();
      return result;
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw this.fail(error instanceof PaylinkError ? error.reason : { code: 'network' });
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Aborts the request in flight, if any, and returns to `restingState`. */
  protected abortInFlight(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.inFlight = undefined;
    this.status = this.restingState;
  }

  /** The state to return to when a request is aborted. */
  protected get restingState(): S {
    return 'idle' as S;
  }

  /** Shows the error, announces it, tells the host page, and returns it for the promise. */
  protected fail(reason: ErrorReason): PaylinkError {
    const error = new PaylinkError(reason, this.describe(reason));
    this.error = error;
    this.status = 'error' as S;
    this.emit('otp-error', error.toDetail());
    void this.updateComplete.then(() => this.focusAfter(error));
    return error;
  }

  /** Puts an error into words, in the element's language. */
  protected describe(reason: ErrorReason): string {
    return describeError(reason, this.text);
  }

  /** Moves focus after an error: to the input at fault, if there is one. */
  protected focusAfter(_error: PaylinkError): void {}
}
