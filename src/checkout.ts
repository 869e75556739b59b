/**
 * The storefront's public API: `<stcpay-otp>`, its client and rules, without side effects.
 * The script-tag builds export this; the partner element is not part of it.
 */
export { StcpayOtp, type StcpayOtpState } from './stcpay-otp.js';
export { PaylinkError, type ErrorReason, type OtpErrorCode, type OtpErrorDetail, type OtpField } from './errors.js';
export type {
  OtpSentDetail,
  OtpSentEvent,
  OtpErrorEvent,
  OtpCompleteDetail,
  OtpCompleteEvent,
  PaymentProcessedDetail,
  PaymentProcessedEvent,
} from './events.js';
export { en, ar, type Messages } from './messages.js';
export { toAsciiDigits } from './digits.js';
export { parseMobile, MOBILE_RULES, type MobileProblem, type MobileRule } from './mobile.js';
export { parseOtp, type OtpProblem } from './otp.js';
export {
  sendOtp,
  processPayment,
  STCPAY_ORIGINS,
  type Environment,
  type RequestOptions,
  type SendOtpBody,
  type SendOtpResponse,
  type ProcessPaymentBody,
  type ProcessPaymentResponse,
} from './paylink-client.js';
