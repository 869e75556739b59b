/** English: every string of the element. */
import type { Catalog, Messages } from './messages.js';

export const en: Messages = {
  mobileLabel: 'STC Pay mobile number',
  submit: 'Send code',
  amount: (digits) => `SAR\u00a0${digits}`,
  pay: (amount) => `Pay ${amount}`,
  sending: 'Sending code…',
  sent: (mobile) => `We sent a verification code by SMS to ${mobile}.`,
  mobileRequired: 'Enter your STC Pay mobile number.',
  mobileNotANumber: 'A mobile number can only contain digits.',
  mobileTooShort: (cc, length, example) =>
    `This number is too short: mobile numbers for +${cc} have ${length} digits, like ${example}.`,
  mobileTooLong: (cc, length, example) =>
    `This number is too long: mobile numbers for +${cc} have ${length} digits, like ${example}.`,
  mobileWrongPrefix: (cc, prefixes, example) =>
    `Mobile numbers for +${cc} start with ${prefixes.join(' or ')}, like ${example}.`,
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
  timeoutInvalid:
    'This checkout is not set up correctly: its time limit must be a number of milliseconds from 1 to 120000. Please contact the store.',
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
  confirmPayment: 'Confirm payment',
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

  inputMissing: (field) =>
    `This page is not set up correctly: ${field} is missing. Please contact the site.`,
};

/** English, written left to right. */
export const english: Catalog = { dir: 'ltr', messages: en };
