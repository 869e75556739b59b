/** The events `<stcpay-otp>` dispatches, and their `detail` types. */
import type { OtpErrorDetail } from './errors.js';

export type { OtpErrorDetail };

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
}

export type OtpSentEvent = CustomEvent<OtpSentDetail>;
export type OtpErrorEvent = CustomEvent<OtpErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-sent': OtpSentEvent;
    'otp-error': OtpErrorEvent;
  }
}
