/** The package's public API, without side effects: nothing is registered by importing it. */
export { StcpayOtp, type StcpayOtpState } from './stcpay-otp.js';
export { PaylinkError, type ErrorReason, type OtpErrorCode, type OtpErrorDetail, type OtpField } from './errors.js';
export type { OtpSentDetail, OtpSentEvent, OtpErrorEvent } from './events.js';
export { en, type Messages } from './messages.js';
export { parseMobile, toAsciiDigits, MOBILE_RULES, type MobileProblem, type MobileRule } from './mobile.js';
export {
  sendOtp,
  STCPAY_ORIGINS,
  type Environment,
  type RequestOptions,
  type SendOtpBody,
  type SendOtpResponse,
} from './paylink-client.js';
