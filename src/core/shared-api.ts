/**
 * What both elements' public entries export besides their own: the error type, the shared
 * strings in English and Arabic, and their types. Side-effect free.
 */
export {
  PaylinkError,
  type ErrorReason,
  type OtpErrorCode,
  type OtpErrorDetail,
  type OtpField,
} from './errors.js';
export type { OtpErrorEvent } from './events.js';
export { en } from '../i18n/en.js';
export { ar } from '../i18n/ar.js';
export type { Messages } from '../i18n/messages.js';
