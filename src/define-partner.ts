/**
 * Registers `<paylink-validate-mobile>`, for Paylink partners' registration pages, and exports
 * what goes with it. Loaded as `dist/paylink-validate-mobile.js` or `stcpay-otp/define-partner`;
 * loading it twice does no harm.
 */
import { PaylinkValidateMobile } from './partner/paylink-validate-mobile.js';

PaylinkValidateMobile.define();

export * from './partner.js';
export * from './core/shared-api.js';
/** Every built-in string, in English and Arabic: a start for `messages`. */
export { en, ar } from './i18n/all.js';
