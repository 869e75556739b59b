/**
 * The one error type of the package: what went wrong, as data (`reason`) for code to branch
 * on, and in words (`message`) for people. Pure, no DOM. The words come from whoever raises
 * it (i18n/describe-error.ts words a reason), so this module knows no language.
 */
import type { MobileProblem } from '../input/mobile.js';
import type { OtpProblem } from '../input/otp.js';

export type OtpErrorCode =
  'validation' | 'http' | 'network' | 'timeout' | 'bad-response' | 'too-soon';

/** The inputs a validation error can point at (property names of the element). */
export type OtpField = 'mobile' | 'otp' | SettingField | RegistrationField;

/** The settings whose validation error says which one is wrong, and nothing more. */
export type SettingField =
  'countryCode' | 'transactionNo' | 'total' | 'environment' | 'baseUrl' | 'statusUrl' | 'timeout';

/** The inputs the partner registration step takes from step 1 (and the token). */
export type RegistrationField =
  'signature' | 'sessionUuid' | 'mobile' | 'partnerProfileNo' | 'token';

/**
 * What a refused STC Pay request meant (see checkout/refusal.ts): the code (wrong, expired, both
 * in one message, or refused for no given reason), an order already paid, the number, a checkout
 * not allowed (401, 403) or not found (404), the service unavailable (5xx), or something else.
 */
export type Refusal =
  | 'code-wrong'
  | 'code-expired'
  | 'code-wrong-or-expired'
  | 'code-rejected'
  | 'already-paid'
  | 'number-not-registered'
  | 'number-rejected'
  | 'not-allowed'
  | 'not-found'
  | 'unavailable'
  | 'other';

/** What went wrong, before it is put into words. */
export type ErrorReason =
  | { code: 'validation'; field: 'mobile'; problem: MobileProblem; countryCode: string }
  | { code: 'validation'; field: 'otp'; problem: OtpProblem; min: number; max: number }
  | { code: 'validation'; field: SettingField }
  | { code: 'validation'; field: RegistrationField; missing: true }
  /**
   * `otp` says what a refused code meant, when it could be told: a wrong code, an expired
   * payment code, or a registration session that is no longer valid.
   */
  | {
      code: 'http';
      status: number;
      serverText?: string;
      otp?: 'wrong' | 'expired' | 'session';
      /** For `<stcpay-otp>`'s requests: what the refusal meant, read by status first. */
      refusal?: Refusal;
      /** Seconds the server said to wait (`Retry-After`), when it said so. */
      retryAfter?: number;
      /** See `too-soon`. */
      wait?: number;
    }
  | { code: 'network'; wait?: number }
  | { code: 'timeout'; timeout: number; wait?: number }
  | { code: 'bad-response'; wait?: number }
  /**
   * A code was sent for the transaction less than `resend-after` ago, or the number must wait;
   * `wait` is in seconds. On the other failures of a send, `wait` says that the number must now
   * wait that long before the next (the third lost send in a row, or the server's Retry-After).
   */
  | { code: 'too-soon'; wait: number };

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
  /**
   * Seconds until a code may be sent again, when the element holds the next send: always for
   * `too-soon`; after a failed send, when it was the third in a row whose answer was lost, or the
   * server said to wait (`Retry-After`).
   */
  retryAfter?: number;
  /**
   * For `code: 'http'` from `<stcpay-otp>`: the server's own explanation, trimmed, when it gave
   * one. Never shown to the shopper.
   */
  serverText?: string;
  /** For `code: 'http'` from `<stcpay-otp>`: what the refusal meant. */
  refusal?: Refusal;
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
  readonly serverText?: string;
  readonly refusal?: Refusal;
  readonly retryAfter?: number;

  constructor(reason: ErrorReason, message: string) {
    super(message);
    this.name = 'PaylinkError';
    this.reason = reason;
    this.code = reason.code;
    if (reason.code === 'http') {
      this.status = reason.status;
      // <stcpay-otp>'s refusals carry what was read, and the words it was read from.
      if (reason.refusal !== undefined) {
        this.refusal = reason.refusal;
        if (reason.serverText !== undefined) this.serverText = reason.serverText;
      }
    }
    if (reason.code === 'validation') this.field = reason.field;
    this.retryable = isRetryable(reason);
    if ('wait' in reason) this.retryAfter = reason.wait;
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
    if (this.serverText !== undefined) detail.serverText = this.serverText;
    if (this.refusal !== undefined) detail.refusal = this.refusal;
    if (this.retryAfter !== undefined) detail.retryAfter = this.retryAfter;
    return Object.freeze(detail);
  }
}
