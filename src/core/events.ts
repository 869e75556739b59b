/** The events `<stcpay-otp>` dispatches, and their `detail` types. */
import type { OtpErrorDetail } from './errors.js';
import type { ValidateOtpResponse } from '../partner/partner-client.js';
import type {
  ProcessPaymentBody,
  ProcessPaymentResponse,
  SendOtpResponse,
} from '../checkout/stcpay-client.js';

export type { OtpErrorDetail };

/** The `detail` of `otp-complete`: exactly Paylink's processPayment request body. */
export type OtpCompleteDetail = ProcessPaymentBody;

/** The `detail` of `payment-processed`: Paylink's processPayment answer. Not proof of payment. */
export type PaymentProcessedDetail = ProcessPaymentResponse;

/**
 * The `detail` of `otp-sent`: the processPayment body without the code, so a host page can
 * spread it into that request and add `stcpayPaymentOTP`. `stcpayMobile` is as Paylink
 * returned it; pass it to processPayment unchanged.
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
  'mobile-validated': MobileValidatedEvent;
}

declare global {
  // An interface merged into the DOM's map, so addEventListener('otp-sent', ...) types its detail.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PaylinkEventMap {}
}
