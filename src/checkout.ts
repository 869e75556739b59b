/**
 * The storefront's public API: `<stcpay-otp>`, its client and rules, without side effects.
 * The ES module script tag (`dist/stcpay-otp.js`) exports this; the classic script exports
 * nothing. The partner element is not part of it.
 */
export { StcpayOtp, type StcpayOtpState } from './checkout/stcpay-otp.js';
export * from './core/shared-api.js';
export type {
  OtpSentDetail,
  OtpSentEvent,
  OtpCompleteDetail,
  OtpCompleteEvent,
  PaymentProcessedDetail,
  PaymentProcessedEvent,
  PaymentUnconfirmedDetail,
  PaymentUnconfirmedEvent,
  UnconfirmedReason,
} from './core/events.js';
export type { PaymentStatus, StoreAnswer, VerifyPayment } from './checkout/store-status.js';
export type { Refusal } from './core/errors.js';
export { toAsciiDigits } from './input/digits.js';
export { parseMobile, MOBILE_RULES, type MobileProblem, type MobileRule } from './input/mobile.js';
export { parseOtp, type OtpProblem } from './input/otp.js';
export {
  sendOtp,
  processPayment,
  STCPAY_ORIGINS,
  type SendOtpBody,
  type SendOtpResponse,
  type ProcessPaymentBody,
  type ProcessPaymentResponse,
} from './checkout/stcpay-client.js';
export type { Environment, RequestOptions } from './core/transport.js';
