/** The package's public API, without side effects: nothing is registered by importing it. */
export { StcpayOtp, type StcpayOtpState } from './stcpay-otp.js';
export { PaylinkValidateMobile, type ValidateMobileState } from './paylink-validate-mobile.js';
export {
  validateOtp,
  salesVolumeOptions,
  REST_ORIGINS,
  type ValidateOtpBody,
  type ValidateOtpResponse,
  type SalesVolume,
  type PartnerRequestOptions,
} from './partner-client.js';
export { PaylinkError, type ErrorReason, type OtpErrorCode, type OtpErrorDetail, type OtpField } from './errors.js';
export type {
  OtpSentDetail,
  OtpSentEvent,
  OtpErrorEvent,
  OtpCompleteDetail,
  OtpCompleteEvent,
  PaymentProcessedDetail,
  PaymentProcessedEvent,
  MobileValidatedDetail,
  MobileValidatedEvent,
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
