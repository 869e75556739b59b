/**
 * The package's public API, without side effects: nothing is registered by importing it. An
 * app's bundler keeps only what the app imports.
 */
export * from './checkout.js';
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
export type { MobileValidatedDetail, MobileValidatedEvent } from './events.js';
