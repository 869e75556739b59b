/** The events `<stcpay-otp>` dispatches, and their `detail` types. */
import type { OtpErrorDetail } from './errors.js';
import type { ValidateOtpResponse } from '../partner/partner-client.js';
import type { ProcessPaymentBody, ProcessPaymentResponse } from '../checkout/stcpay-client.js';

export type { OtpErrorDetail };

/** The `detail` of `otp-complete`: exactly Paylink's processPayment request body. */
export type OtpCompleteDetail = ProcessPaymentBody;

/** The `detail` of `payment-processed`: Paylink's processPayment answer. Not proof of payment. */
export type PaymentProcessedDetail = ProcessPaymentResponse;

/**
 * The `detail` of `otp-sent`: named like Paylink's processPayment body, so a host page can
 * spread it into that request and add `stcpayPaymentOTP`.
 */
export interface OtpSentDetail {
  paymentSessionId: string;
  signature: string;
  signedBase64Data: string;
  /** As Paylink returned it; pass it to processPayment unchanged. */
  stcpayMobile: string;
  /** As Paylink returned it, when it did. */
  stcMobile?: string;
  stcpayMobileCountryCode: string;
  orderNumber: string;
  total: number;
  /** Present, and true, when this is a new code for the same number and order. */
  resent?: true;
}

export type OtpSentEvent = CustomEvent<OtpSentDetail>;
export type OtpErrorEvent = CustomEvent<OtpErrorDetail>;
export type OtpCompleteEvent = CustomEvent<OtpCompleteDetail>;
export type PaymentProcessedEvent = CustomEvent<PaymentProcessedDetail>;

/** The `detail` of `mobile-validated` (`<paylink-validate-mobile>`): Paylink's validate-otp answer. */
export type MobileValidatedDetail = ValidateOtpResponse;
export type MobileValidatedEvent = CustomEvent<MobileValidatedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-sent': OtpSentEvent;
    'otp-error': OtpErrorEvent;
    'otp-complete': OtpCompleteEvent;
    'payment-processed': PaymentProcessedEvent;
    'mobile-validated': MobileValidatedEvent;
  }
}
