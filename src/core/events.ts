/** The events `<stcpay-otp>` dispatches, and their `detail` types. */
import type { OtpErrorDetail } from './errors.js';
import type {
  ProcessPaymentBody,
  ProcessPaymentResponse,
  SendOtpResponse,
  ValidateOtpResponse,
} from './paylink-api.js';

export type { OtpErrorDetail };

/** The `detail` of `otp-complete`: exactly Paylink's processPayment request body. */
export type OtpCompleteDetail = ProcessPaymentBody;

/**
 * The `detail` of `payment-processed`: Paylink's processPayment answer, or, after an unconfirmed
 * payment that the store confirmed (`status-url`, `verifyPayment` or `resolvePayment('paid')`),
 * `{orderNumber, orderAmount, msg: '', confirmedByStore: true}`. From the browser alone, not
 * proof of payment: the store's server confirms with getInvoice.
 */
export type PaymentProcessedDetail = ProcessPaymentResponse & { confirmedByStore?: true };

/**
 * Why a payment is unconfirmed: no answer in time, no connection, an answer that could not be
 * read, a gateway error between the page and Paylink, Paylink saying the order is already paid,
 * the store's server answering 409 (another payment for the order under way, or its outcome not
 * known yet: `in-progress`), or the element removed while the payment was in flight.
 */
export type UnconfirmedReason =
  'timeout' | 'network' | 'bad-response' | 'gateway' | 'already-paid' | 'in-progress' | 'removed';

/** The `detail` of `payment-unconfirmed`: a payment that may have gone through. */
export interface PaymentUnconfirmedDetail {
  orderNumber: string;
  total: number;
  reason: UnconfirmedReason;
  /** The HTTP status, when an answer came (`gateway`, `already-paid`, `in-progress`). */
  status?: number;
}

/**
 * The `detail` of `otp-sent`: the processPayment body without the code, so a host page can
 * spread it into that request and add `stcpayPaymentOTP`; `processPayment()` and the server
 * kit's proxy leave its `stcMobile` and `resent` out. `stcpayMobile` is as Paylink returned it;
 * pass it to processPayment unchanged.
 */
export interface OtpSentDetail extends Omit<ProcessPaymentBody, 'stcpayPaymentOTP'> {
  /** As Paylink returned it, when it did. */
  stcMobile?: SendOtpResponse['stcMobile'];
  /** Present, and true, when this is a new code for the same number and order. */
  resent?: true;
}

export type OtpSentEvent = CustomEvent<OtpSentDetail>;
export type OtpErrorEvent = CustomEvent<OtpErrorDetail>;
export type OtpCompleteEvent = CustomEvent<OtpCompleteDetail>;
export type PaymentProcessedEvent = CustomEvent<PaymentProcessedDetail>;
export type PaymentUnconfirmedEvent = CustomEvent<PaymentUnconfirmedDetail>;

/**
 * The `detail` of `mobile-validated` (`<paylink-validate-mobile>`): Paylink's validate-otp
 * answer.
 */
export type MobileValidatedDetail = ValidateOtpResponse;
export type MobileValidatedEvent = CustomEvent<MobileValidatedDetail>;

/** Every event the elements dispatch, by type; `emit` takes only these, with their details. */
export interface PaylinkEventMap {
  'otp-sent': OtpSentEvent;
  'otp-error': OtpErrorEvent;
  'otp-complete': OtpCompleteEvent;
  'payment-processed': PaymentProcessedEvent;
  'payment-unconfirmed': PaymentUnconfirmedEvent;
  'mobile-validated': MobileValidatedEvent;
}

declare global {
  // An interface merged into the DOM's map, so addEventListener('otp-sent', ...) types its detail.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PaylinkEventMap {}
}
