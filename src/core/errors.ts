/**
 * The one error type of the package: what went wrong, as data (`reason`) for code to branch
 * on, and in words (`message`) for people. Pure, no DOM. The words come from whoever raises
 * it (i18n/describe-error.ts words a reason), so this module knows no language.
 */
import type { MobileProblem } from '../input/mobile.js';
import type { OtpProblem } from '../input/otp.js';

export type OtpErrorCode = 'validation' | 'http' | 'network' | 'timeout' | 'bad-response';

/** The inputs a validation error can point at (property names of the element). */
export type OtpField =
  | 'mobile'
  | 'otp'
  | 'countryCode'
  | 'transactionNo'
  | 'total'
  | 'environment'
  | 'baseUrl'
  | 'timeout'
  | 'signature'
  | 'sessionUuid'
  | 'partnerProfileNo'
  | 'token';

/** The inputs the partner registration step takes from step 1 (and the token). */
export type RegistrationField =
  'signature' | 'sessionUuid' | 'mobile' | 'partnerProfileNo' | 'token';

/** What went wrong, before it is put into words. */
export type ErrorReason =
  | { code: 'validation'; field: 'mobile'; problem: MobileProblem; countryCode: string }
  | { code: 'validation'; field: 'otp'; problem: OtpProblem; min: number; max: number }
  | {
      code: 'validation';
      field: 'countryCode' | 'transactionNo' | 'total' | 'environment' | 'baseUrl' | 'timeout';
    }
  | { code: 'validation'; field: RegistrationField; missing: true }
  /**
   * `otp` says what a refused code meant, when it could be told: a wrong code, an expired
   * payment code, or a registration session that is no longer valid.
   */
  | { code: 'http'; status: number; serverText?: string; otp?: 'wrong' | 'expired' | 'session' }
  | { code: 'network' }
  | { code: 'timeout'; timeout: number }
  | { code: 'bad-response' };

/** The `detail` of an `otp-error` event. */
export interface OtpErrorDetail {
  code: OtpErrorCode;
  /** Specific and human; the same text the element shows. */
  message: string;
  /** The HTTP status, for `code: 'http'`. */
  status?: number;
  /** The input at fault, for `code: 'validation'`. */
  field?: OtpField;
  /** Whether trying the same thing again may work (network trouble, 5xx, timeout). */
  retryable: boolean;
}

/** Whether repeating the same request may succeed. */
export function isRetryable(reason: ErrorReason): boolean {
  switch (reason.code) {
    case 'validation':
      return false;
    case 'http':
      return reason.status >= 500 || reason.status === 408 || reason.status === 429;
    default:
      return true;
  }
}

export class PaylinkError extends Error implements OtpErrorDetail {
  readonly reason: ErrorReason;
  readonly code: OtpErrorCode;
  readonly status?: number;
  readonly field?: OtpField;
  readonly retryable: boolean;

  constructor(reason: ErrorReason, message: string) {
    super(message);
    this.name = 'PaylinkError';
    this.reason = reason;
    this.code = reason.code;
    if (reason.code === 'http') this.status = reason.status;
    if (reason.code === 'validation') this.field = reason.field;
    this.retryable = isRetryable(reason);
  }

  /** A fresh, frozen plain object for an event's `detail`: no stack, no prototype. */
  toDetail(): OtpErrorDetail {
    const detail: OtpErrorDetail = {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.status !== undefined) detail.status = this.status;
    if (this.field !== undefined) detail.field = this.field;
    return Object.freeze(detail);
  }
}
