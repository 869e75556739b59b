/**
 * Registers `<paylink-validate-mobile>`, for Paylink partners' registration pages, and exports
 * what goes with it. Loaded as `dist/paylink-validate-mobile.js` or `stcpay-otp/define-partner`;
 * loading it twice does no harm.
 */
import { PaylinkValidateMobile } from './partner/paylink-validate-mobile.js';

PaylinkValidateMobile.define();

export * from './partner.js';
export {
  PaylinkError,
  type ErrorReason,
  type OtpErrorCode,
  type OtpErrorDetail,
  type OtpField,
} from './core/errors.js';
export type { OtpErrorEvent } from './core/events.js';
export { en } from './i18n/en.js';
export { ar } from './i18n/ar.js';
export type { Messages } from './i18n/messages.js';
