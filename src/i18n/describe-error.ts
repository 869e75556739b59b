/**
 * Puts an error's reason into words, in a language's messages. Pure, no DOM. The errors
 * themselves (core/errors.ts) carry only the reason; wording lives here.
 */
import { PaylinkError, type ErrorReason } from '../core/errors.js';
import { MOBILE_RULES } from '../input/mobile.js';
import { enSend } from './en.js';
import type { SendMessages } from './messages.js';

/**
 * A PaylinkError worded in English: what the API clients throw when called on their own. The
 * elements word the same reason again in their own language.
 */
export function englishError(reason: ErrorReason): PaylinkError {
  return new PaylinkError(reason, describeError(reason, enSend));
}

/** Puts an error into words. */
export function describeError(reason: ErrorReason, m: SendMessages): string {
  // Too soon: the wait is what to say. A failed send after which the number must wait: why,
  // and the wait.
  if ('wait' in reason)
    return reason.code === 'too-soon' ? m.resendWait(reason.wait) : m.sendHeld(reason.wait!);
  switch (reason.code) {
    case 'validation':
      if ('missing' in reason) return m.inputMissing(reason.field);
      if (reason.field === 'mobile') return describeMobileProblem(reason, m);
      if (reason.field === 'otp') return describeOtpProblem(reason, m);
      return m[`${reason.field}Invalid` as const];
    case 'http':
      if (reason.refusal) return m.refusals[reason.refusal];
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
  m: SendMessages,
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
      return m.mobileTooShort(cc, rule.written.length, rule.written.example);
    case 'too-long':
      return m.mobileTooLong(cc, rule.written.length, rule.written.example);
    case 'wrong-prefix':
      return m.mobileWrongPrefix(cc, rule.written.prefixes, rule.written.example);
  }
}

function describeOtpProblem(
  reason: Extract<ErrorReason, { field: 'otp' }>,
  m: SendMessages,
): string {
  if (reason.problem === 'wrong-length') return m.otpWrongLength(reason.min, reason.max);
  return reason.problem === 'required' ? m.otpRequired : m.otpNotANumber;
}
