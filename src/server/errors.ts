/**
 * The one error type of the server entry: what went wrong as data (`code`, `status`, `field`)
 * for code to branch on, and a message for a log. No message ever holds a credential or a
 * token: every text that came from Paylink passes through `redact` (redact.ts) first.
 */

export type PaylinkServerErrorCode =
  /** An option given to createPaylink or createPaylinkPartner is missing or malformed. */
  | 'config'
  /** An argument failed a check Paylink documents; nothing was sent. */
  | 'validation'
  /** Paylink refused the credentials at its auth endpoint. */
  | 'auth'
  /** Paylink has no such invoice (or registration session). */
  | 'not-found'
  /** Paylink answered with another status that is not a success. */
  | 'http'
  /** No answer: the connection failed. */
  | 'network'
  /** No answer in time. */
  | 'timeout'
  /** A success status whose body lacks what Paylink documents. */
  | 'bad-response'
  /** The payment ledger's store (the store's Redis) did not answer in time, or failed. */
  | 'store';

export interface PaylinkServerErrorInit {
  code: PaylinkServerErrorCode;
  message: string;
  /** The HTTP status Paylink answered with, when it answered. */
  status?: number;
  /** The argument or option at fault, for `config` and `validation`. */
  field?: string;
}

export class PaylinkServerError extends Error {
  readonly code: PaylinkServerErrorCode;
  readonly status?: number;
  readonly field?: string;

  constructor({ code, message, status, field }: PaylinkServerErrorInit) {
    super(message);
    this.name = 'PaylinkServerError';
    this.code = code;
    if (status !== undefined) this.status = status;
    if (field !== undefined) this.field = field;
  }
}

/** A validation error for `field`, saying what it must be. */
export function invalid(field: string, must: string): PaylinkServerError {
  return new PaylinkServerError({ code: 'validation', field, message: `${field} ${must}` });
}

/** A configuration error for `option`, saying what it must be. Never quotes the value. */
export function misconfigured(option: string, must: string): PaylinkServerError {
  return new PaylinkServerError({ code: 'config', field: option, message: `${option} ${must}` });
}
