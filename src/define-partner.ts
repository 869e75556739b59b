/**
 * Registers `<paylink-validate-mobile>`, for Paylink partners' registration pages, and exports
 * what goes with it. Loaded as `dist/paylink-validate-mobile.js` or `stcpay-otp/define-partner`;
 * loading it twice does no harm.
 */
import { PaylinkValidateMobile } from './paylink-validate-mobile.js';

PaylinkValidateMobile.define();

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
export { partnerEn, partnerAr, type PartnerMessages } from './partner-messages.js';
export { PaylinkError, type ErrorReason, type OtpErrorCode, type OtpErrorDetail, type OtpField } from './errors.js';
export type { MobileValidatedDetail, MobileValidatedEvent, OtpErrorEvent } from './events.js';
export { en, ar, type Messages } from './messages.js';
