/**
 * The partner's public API: `<paylink-validate-mobile>`, its client and strings, without side
 * effects. The partner script and define-partner entry export this.
 */
export {
  PaylinkValidateMobile,
  type ValidateMobileState,
} from './partner/paylink-validate-mobile.js';
export {
  validateOtp,
  retryOtp,
  salesVolumeOptions,
  REST_ORIGINS,
  type ValidateOtpBody,
  type ValidateOtpResponse,
  type RetryOtpBody,
  type RetryOtpResponse,
  type SalesVolume,
  type PartnerRequestOptions,
} from './partner/partner-client.js';
export { partnerEn, partnerAr, type PartnerMessages } from './partner/partner-messages.js';
export type { MobileValidatedDetail, MobileValidatedEvent } from './core/events.js';
