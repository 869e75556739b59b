/**
 * Every string the element shows, by language. A message that depends on values is a function
 * of them. Pure, no DOM.
 */
import type { ErrorReason } from '../core/errors.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { MOBILE_RULES } from '../input/mobile.js';

export { ar, en };

/** The built-in languages, by primary language subtag. */
export const CATALOGS: Readonly<Record<string, Messages>> = { en, ar };

/** Languages written right to left. */
const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** `"ar-SA"` → `"ar"`; a language without a catalog → `"en"`. */
export function catalogLang(lang: string): string {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  // Rendering must work where Object.hasOwn is missing (Safari before 15.4), so not that.
  return Object.prototype.hasOwnProperty.call(CATALOGS, primary) ? primary : 'en';
}

export function isRtl(lang: string): boolean {
  return RTL.has(lang.trim().toLowerCase().split(/[-_]/)[0]);
}

/** The language's messages with `overrides` on top. */
export function messagesFor(lang: string, overrides: Partial<Messages> = {}): Messages {
  return { ...CATALOGS[catalogLang(lang)], ...overrides };
}

export interface Messages {
  mobileLabel: string;
  /** The send button when the total is not known. */
  submit: string;
  /**
   * An amount in riyals, as the language writes it; `digits` are already grouped and rounded
   * (`1,234.50`). Replace it to show the amount another way, e.g. with the riyal symbol.
   */
  amount: (digits: string) => string;
  /** The send button with the amount (as `amount` wrote it). */
  pay: (amount: string) => string;
  sending: string;
  /** Shown once the code is on its way; `mobile` is the number as the customer reads it. */
  sent: (mobile: string) => string;
  mobileRequired: string;
  mobileNotANumber: string;
  mobileTooShort: (countryCode: string, length: number, example: string) => string;
  mobileTooLong: (countryCode: string, length: number, example: string) => string;
  mobileWrongPrefix: (countryCode: string, prefixes: readonly string[], example: string) => string;
  mobileOtherCountry: (countryCode: string) => string;
  unsupportedCountry: (countryCode: string) => string;
  countryCodeInvalid: string;
  transactionNoInvalid: string;
  totalInvalid: string;
  environmentInvalid: string;
  baseUrlInvalid: string;
  /** `timeout` is not a number of milliseconds from 1 to 120000. */
  timeoutInvalid: string;
  /** A 4xx answer; `serverText` is Paylink's own explanation when it sent one. */
  serverRejected: (status: number, serverText?: string) => string;
  /** A 5xx answer. */
  serverUnavailable: (status: number) => string;
  network: string;
  timeout: (seconds: number) => string;
  badResponse: string;

  // The OTP step
  otpLabel: string;
  /** Above the code input; `mobile` is the masked number the code went to. */
  otpSentTo: (mobile: string) => string;
  /** After a resend; `mobile` as in otpSentTo. */
  otpResent: (mobile: string) => string;
  confirm: string;
  /** The confirm button when the element processes the payment. */
  confirmPayment: string;
  verifying: string;
  resend: string;
  /** The resend button during the countdown, e.g. "Resend code in 0:42". */
  resendIn: (time: string) => string;
  /** Announced to screen readers when the countdown starts. */
  resendWait: (seconds: number) => string;
  /** Announced to screen readers when the countdown ends. */
  resendReady: string;
  changeMobile: string;
  paid: (amount: string) => string;
  otpRequired: string;
  otpNotANumber: string;
  otpWrongLength: (min: number, max: number) => string;
  otpWrong: string;
  otpExpired: string;

  /** A required input the page did not give; `field` is the property name. */
  inputMissing: (field: string) => string;
}

/** Puts an error into words. */
export function describeError(reason: ErrorReason, m: Messages): string {
  switch (reason.code) {
    case 'validation':
      if ('missing' in reason) return m.inputMissing(reason.field);
      if (reason.field === 'mobile') return describeMobileProblem(reason, m);
      if (reason.field === 'otp') return describeOtpProblem(reason, m);
      return m[`${reason.field}Invalid` as const];
    case 'http':
      if (reason.otp === 'wrong') return m.otpWrong;
      if (reason.otp === 'expired') return m.otpExpired;
      return reason.status >= 500
        ? m.serverUnavailable(reason.status)
        : m.serverRejected(reason.status, reason.serverText);
    case 'network':
      return m.network;
    case 'timeout':
      return m.timeout(Math.round(reason.timeout / 100) / 10);
    case 'bad-response':
      return m.badResponse;
  }
}

function describeMobileProblem(
  reason: Extract<ErrorReason, { field: 'mobile' }>,
  m: Messages,
): string {
  const cc = reason.countryCode;
  const rule = MOBILE_RULES[cc];
  switch (reason.problem) {
    case 'required':
      return m.mobileRequired;
    case 'not-a-number':
      return m.mobileNotANumber;
    case 'other-country':
      return m.mobileOtherCountry(cc);
    case 'unsupported-country':
      return m.unsupportedCountry(cc);
    case 'too-short':
      return m.mobileTooShort(cc, rule.length, rule.example);
    case 'too-long':
      return m.mobileTooLong(cc, rule.length, rule.example);
    case 'wrong-prefix':
      return m.mobileWrongPrefix(cc, rule.prefixes, rule.example);
  }
}

function describeOtpProblem(reason: Extract<ErrorReason, { field: 'otp' }>, m: Messages): string {
  switch (reason.problem) {
    case 'required':
      return m.otpRequired;
    case 'not-a-number':
      return m.otpNotANumber;
    case 'wrong-length':
      return m.otpWrongLength(reason.min, reason.max);
  }
}
