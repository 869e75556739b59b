/**
 * Every string the element shows. A message that depends on values is a function of them.
 * Pure, no DOM.
 */
import type { ErrorReason } from './errors.js';
import { MOBILE_RULES } from './mobile.js';

export interface Messages {
  mobileLabel: string;
  submit: string;
  sending: string;
  /** Shown once the code is on its way; `mobile` is the number as the customer reads it. */
  sent: (mobile: string) => string;
  mobileRequired: string;
  mobileNotANumber: string;
  mobileTooShort: (countryCode: string, length: number, example: string) => string;
  mobileTooLong: (countryCode: string, length: number, example: string) => string;
  mobileWrongPrefix: (countryCode: string, prefixes: string, example: string) => string;
  mobileOtherCountry: (countryCode: string) => string;
  unsupportedCountry: (countryCode: string) => string;
  countryCodeInvalid: string;
  transactionNoInvalid: string;
  totalInvalid: string;
  environmentInvalid: string;
  baseUrlInvalid: string;
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
  /** The confirm button when the element processes the payment; `amount` is formatted. */
  pay: (amount: string) => string;
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
}

export const en: Messages = {
  mobileLabel: 'STC Pay mobile number',
  submit: 'Send code',
  sending: 'Sending code…',
  sent: (mobile) => `We sent a verification code by SMS to ${mobile}.`,
  mobileRequired: 'Enter your STC Pay mobile number.',
  mobileNotANumber: 'A mobile number can only contain digits.',
  mobileTooShort: (cc, length, example) =>
    `This number is too short: mobile numbers for +${cc} have ${length} digits, like ${example}.`,
  mobileTooLong: (cc, length, example) =>
    `This number is too long: mobile numbers for +${cc} have ${length} digits, like ${example}.`,
  mobileWrongPrefix: (cc, prefixes, example) =>
    `Mobile numbers for +${cc} start with ${prefixes}, like ${example}.`,
  mobileOtherCountry: (cc) => `This number has another country code. Enter a +${cc} number.`,
  unsupportedCountry: (cc) => `STC Pay payments are not available for +${cc} numbers.`,
  countryCodeInvalid:
    'This checkout is not set up correctly: its country code is not a number. Please contact the store.',
  transactionNoInvalid:
    'This checkout is not set up correctly: its transaction number is missing. Please contact the store.',
  totalInvalid:
    'This checkout is not set up correctly: the amount to pay is missing or not above zero. Please contact the store.',
  environmentInvalid:
    'This checkout is not set up correctly: its environment must be "production" or "testing". Please contact the store.',
  baseUrlInvalid:
    'This checkout is not set up correctly: its payment server address is not a valid URL. Please contact the store.',
  serverRejected: (status, serverText) =>
    `Paylink refused the request (error ${status}${serverText ? `: ${serverText}` : ''}). Check the number and try again.`,
  serverUnavailable: (status) =>
    `STC Pay is unavailable right now (error ${status}). Please try again in a moment.`,
  network: 'Could not reach the payment service. Check your connection and try again.',
  timeout: (seconds) =>
    `The payment service did not answer within ${seconds} seconds. Please try again.`,
  badResponse: 'The payment service sent an answer that could not be read. Please try again.',

  otpLabel: 'Verification code',
  otpSentTo: (mobile) => `Enter the code we sent by SMS to ${mobile}.`,
  otpResent: (mobile) => `We sent a new code to ${mobile}.`,
  confirm: 'Confirm',
  pay: (amount) => `Pay ${amount}`,
  verifying: 'Confirming payment…',
  resend: 'Resend code',
  resendIn: (time) => `Resend code in ${time}`,
  resendWait: (seconds) => `You can ask for a new code in ${seconds} seconds.`,
  resendReady: 'You can ask for a new code now.',
  changeMobile: 'Change number',
  paid: (amount) => `Payment of ${amount} complete. Thank you!`,
  otpRequired: 'Enter the code from the SMS.',
  otpNotANumber: 'The code can only contain digits.',
  otpWrongLength: (min, max) =>
    min === max ? `The code has ${min} digits.` : `The code has ${min} to ${max} digits.`,
  otpWrong: 'That code is not right. Check the SMS and try again, or ask for a new code.',
  otpExpired: 'This code has expired. Ask for a new code.',
};

/** An amount in SAR for people to read: `10` → `"SAR 10.00"`. */
export function formatAmount(amount: number, lang = 'en'): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'SAR' }).format(amount);
}

/** Puts an error into words. */
export function describeError(reason: ErrorReason, m: Messages): string {
  switch (reason.code) {
    case 'validation':
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
      return m.mobileWrongPrefix(cc, rule.prefixes.join(' or '), rule.example);
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
