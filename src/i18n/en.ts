/**
 * English: the number step's strings, and those both steps share. The code step's are in
 * en-code.ts, loaded with it.
 */
import type { Catalog, SendMessages } from './messages.js';
import { duration } from './duration.js';

/** A length of time in words, in the numbers a countdown shows. */
const time = duration('en');

export const enSend: SendMessages = {
  mobileLabel: 'STC Pay mobile number',
  submit: 'Send code',
  amount: (digits) => `SAR\u00a0${digits}`,
  pay: (amount) => `Send code to pay ${amount}`,
  sending: 'Sending code…',
  stillSending: 'Still waiting for STC Pay…',
  cancel: 'Cancel',
  sendCancelled: 'Cancelled. Nothing was charged.',
  sendIn: (time) => `Send code in ${time}`,
  sent: (mobile) => `We sent a verification code by SMS to ${mobile}.`,
  mobileRequired: 'Enter your STC Pay mobile number.',
  mobileNotANumber: 'A mobile number can only contain digits.',
  mobileTooShort: (_cc, length, example) =>
    `This number is too short: a mobile number has ${length} digits, like ${example}.`,
  mobileTooLong: (_cc, length, example) =>
    `This number is too long: a mobile number has ${length} digits, like ${example}.`,
  mobileWrongPrefix: (_cc, prefixes, example) =>
    `A mobile number starts with ${prefixes.join(' or ')}, like ${example}.`,
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
  refusals: {
    'code-wrong': 'That code is not right. Check the SMS and try again, or ask for a new code.',
    'code-expired': 'This code has expired. Send yourself a new one: it takes one tap.',
    'code-wrong-or-expired':
      'That code is not right, or it has expired. Check the SMS, or send yourself a new code.',
    'code-rejected':
      'STC Pay did not accept this code. Check the SMS and try again, or ask for a new code.',
    'already-paid':
      'This order may already be paid. You have not been charged twice: we are checking it.',
    'number-not-registered':
      'This number has no STC Pay wallet. Enter the number you use with STC Pay.',
    'number-rejected':
      'STC Pay could not send a code to this number. Check that it is your STC Pay number.',
    'not-allowed':
      'This checkout cannot take STC Pay payments right now. Please contact the store.',
    'not-found':
      'This payment could not be found. Please start the checkout again, or contact the store.',
    unavailable: 'STC Pay is unavailable right now. Please try again in a moment.',
    other:
      'The payment could not go ahead. Please try again; if it happens again, contact the store.',
  },
  statusUrlInvalid:
    'This checkout is not set up correctly: its payment status address is not a valid URL. Please contact the store.',
  timeoutInvalid:
    'This checkout is not set up correctly: its time limit must be a number of milliseconds from 1 to 120000. Please contact the store.',
  serverRejected: (status, serverText) =>
    `Paylink refused the request (error ${status}${serverText ? `: ${serverText}` : ''}). Check the number and try again.`,
  serverUnavailable: (status) =>
    `STC Pay is unavailable right now (error ${status}). Please try again in a moment.`,
  network: 'Could not reach the payment service. Check your connection and try again.',
  timeout: (seconds) =>
    `The payment service did not answer within ${time(seconds)}. Please try again.`,
  badResponse: 'The payment service sent an answer that could not be read. Please try again.',

  resendWait: (seconds) => `You can ask for a new code in ${time(seconds)}.`,
  sendHeld: (seconds) => `Too many tries for this number just now. ${enSend.resendWait(seconds)}`,
  resendReady: 'You can ask for a new code now.',
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
export const english: Catalog = { dir: 'ltr', messages: enSend };
