/**
 * What both elements' public entries export besides their own: the error type, the strings'
 * type. Side-effect free.
 */
export {
  PaylinkError,
  type ErrorReason,
  type OtpErrorCode,
  type OtpErrorDetail,
  type OtpField,
} from './errors.js';
export type { OtpErrorEvent } from './events.js';
export type { Messages } from '../i18n/messages.js';
