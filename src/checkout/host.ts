import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { CountdownController } from '../core/countdown.js';
import type { PaylinkError, ErrorReason } from '../core/errors.js';
import type {
  OtpSentDetail,
  PaylinkEventMap,
  PaymentProcessedDetail,
  UnconfirmedReason,
} from '../core/events.js';
import type { LocalizeController } from '../core/localize.js';
import type { RequestController } from '../core/request-controller.js';
import type { SlowController } from '../core/slow.js';
import type { RequestOptions } from '../core/transport.js';
import type { Messages } from '../i18n/messages.js';
import type { CodeMessages } from '../i18n/messages.js';
import type { PaymentStatus, VerifyPayment } from './store-status.js';

/** A payment that may have gone through, and whether the element is still asking the store. */
export interface Unconfirmed {
  orderNumber: string;
  total: number;
  reason: UnconfirmedReason;
  status?: number;
  /** The store is being asked now (`status-url` or `verifyPayment`). */
  checking: boolean;
}

/**
 * What the code step's chunk (stcpay-otp-code.ts) gives the element once loaded: the code step
 * (code-step.ts), how a payment ends (outcome.ts), and their strings.
 */
export interface CodeStep {
  readonly codeText: Readonly<Record<string, CodeMessages>>;
  startOtpStep(el: CheckoutHost): void;
  renderCodeStep(el: CheckoutHost, cancel: unknown): TemplateResult<1>;
  runConfirm(el: CheckoutHost): Promise<PaymentProcessedDetail | null>;
  becomeUnconfirmed(
    el: CheckoutHost,
    order: Pick<OtpSentDetail, 'orderNumber' | 'total'>,
    why: { reason: UnconfirmedReason; status?: number },
  ): void;
  askStore(el: CheckoutHost, unconfirmed: Unconfirmed): void;
  stopAskingStore(el: CheckoutHost): void;
  settle(el: CheckoutHost, status: PaymentStatus, unconfirmed: Unconfirmed): void;
  renderPaid(el: CheckoutHost): TemplateResult<1>;
  renderUnconfirmed(el: CheckoutHost): TemplateResult<1>;
}

export type StcpayOtpState =
  'idle' | 'sending' | 'sent' | 'verifying' | 'unconfirmed' | 'paid' | 'error';

/**
 * What the steps of `<stcpay-otp>` (send-step.ts, code-step.ts, outcome.ts and the modules they
 * share) may read and change on the element: its public properties, and the state and helpers
 * that the element and its base keep protected or private. Internal: the package exports none of
 * it. The element hands itself over with a cast (`this as unknown as CheckoutHost`), so that
 * these members stay out of its public API; the compiler cannot check that the element has each
 * of them, the browser tests do.
 */
export interface CheckoutHost extends ReactiveControllerHost, HTMLElement {
  // Public properties.
  readonly transactionNo?: string;
  readonly total?: number;
  readonly countryCode: string;
  mobile: string;
  readonly collectOtp: boolean;
  readonly processPayment: boolean;
  readonly resendAfter: number;
  readonly statusUrl?: string;
  readonly verifyPayment?: VerifyPayment;
  readonly disabled: boolean;
  readonly otpLength?: number;
  readonly timeout: number;
  send(): Promise<OtpSentDetail>;
  confirm(): Promise<PaymentProcessedDetail | null>;
  reset(): void;

  // The element's state (stcpay-otp.ts) and its base's (core/paylink-element.ts).
  status: StcpayOtpState;
  error?: PaylinkError;
  /** The session of the last code sent, as `otp-sent` gave it. */
  session?: OtpSentDetail;
  /** The code step's own news, e.g. that the payment did not go through. */
  notice: '' | 'paymentUnpaid' | 'sendCancelled';
  /** What was typed into the code input. */
  otp: string;
  /** What the polite live region under the resend button says. */
  resendAnnouncement: string;
  readonly text: Messages;
  readonly errorText: string;
  readonly localize: LocalizeController;
  readonly countdown: CountdownController;
  readonly requests: RequestController;
  readonly inFlight: SlowController;
  readonly requestOptions: RequestOptions;
  /** The last code cannot be used any more: a new one is the next step (resend is primary). */
  newCodeNeeded: boolean;
  /** The code of the last `otp-complete` when the host page processes the payment. */
  completedOtp?: string;
  /** Aborts the browser's WebOTP request. */
  smsController?: AbortController;
  /** Whether the last send was stopped by the shopper (Cancel, Escape). */
  cancelled: boolean;
  /** The payment, once it went through; shown in the `paid` state. */
  payment?: PaymentProcessedDetail;
  /** A payment that may have gone through; set in the `unconfirmed` state. */
  unconfirmed?: Unconfirmed;
  /** Stops asking the store about an unconfirmed payment. */
  statusController?: AbortController;
  /** The code step and the outcome handling, once loaded (load-code-step.ts). */
  readonly codeStep?: CodeStep;
  /** Loads them (once for the page), and renders with them. */
  loadCodeStep(): Promise<CodeStep>;
  readonly collectsOtp: boolean;
  readonly onOtpStep: boolean;
  readonly mobileInput?: HTMLInputElement;
  readonly otpInput?: HTMLInputElement;
  readonly paidMessage?: HTMLElement;
  emit<K extends keyof PaylinkEventMap>(type: K, detail: PaylinkEventMap[K]['detail']): void;
  fail(reason: ErrorReason): PaylinkError;
  describe(reason: ErrorReason): string;
  checkedOtp(typed: string): string;
  clearError(state: StcpayOtpState): void;
  renderForm(
    part: string,
    busy: boolean,
    onSubmit: (event: SubmitEvent) => void,
    content: TemplateResult,
  ): TemplateResult<1>;
}
