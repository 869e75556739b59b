/**
 * The shape of every string the elements show, and of a language's catalogue. A message that
 * depends on values is a function of them. Types only: the catalogues are en.ts and ar.ts,
 * chosen by catalogs.ts; errors are put into words by describe-error.ts.
 */
import type { Refusal } from '../core/errors.js';

export interface Messages {
  mobileLabel: string;
  /** The send button when the total is not known. */
  submit: string;
  /**
   * An amount in riyals, as the language writes it; `digits` are already grouped and rounded
   * (`1,234.50`). Replace it to show the amount another way, e.g. with the riyal symbol.
   */
  amount: (digits: string) => string;
  /** The send button with the amount (as `amount` wrote it): it says it sends a code. */
  pay: (amount: string) => string;
  sending: string;
  /** After about five seconds of a send in flight. */
  stillSending: string;
  /** After about five seconds of a payment in flight: it cannot be cancelled. */
  stillConfirming: string;
  /** The button that cancels a send in flight. */
  cancel: string;
  /** After a send was cancelled. */
  sendCancelled: string;
  /** The send button while the transaction's last code is too recent: "Send code in 0:42". */
  sendIn: (time: string) => string;
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
  statusUrlInvalid: string;
  /**
   * The checkout's refusals, read by status first (see checkout/refusal.ts). Worded for the
   * shopper: no company name, no status code, no server sentence.
   */
  refusals: Readonly<Record<Refusal, string>>;
  /** `timeout` is not a number of milliseconds from 1 to 120000. */
  timeoutInvalid: string;
  /** A 4xx answer to the partner element; `serverText` is Paylink's own explanation, if any. */
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
  /**
   * Announced to screen readers when the countdown starts. Also the error when a code may not be
   * sent yet (`too-soon`), and when a failed send leaves the number waiting (the third in a row
   * whose answer was lost, or the server's Retry-After). The wait is in the numbers the countdown
   * shows: seconds, or from two minutes whole minutes, rounded up.
   */
  resendWait: (seconds: number) => string;
  /**
   * A failed send after which the number must wait: the third in a row whose answer was lost, or
   * the server's Retry-After. Says why, then `resendWait`'s words.
   */
  sendHeld: (seconds: number) => string;
  /** Announced to screen readers when the countdown ends. */
  resendReady: string;
  changeMobile: string;
  paid: (amount: string) => string;
  /** A payment that may have gone through, while the element (or the store) checks it. */
  paymentChecking: string;
  /** The checks found no answer: the store will confirm. */
  paymentUnconfirmed: string;
  /** The store says the payment did not go through: back to the code step. */
  paymentUnpaid: string;
  otpRequired: string;
  otpNotANumber: string;
  otpWrongLength: (min: number, max: number) => string;
  otpWrong: string;
  otpExpired: string;

  /** A required input the page did not give; `field` is the property name. */
  inputMissing: (field: string) => string;
}

/**
 * The strings of the code step and of how a payment ends: `<stcpay-otp>` loads them with its
 * code step (checkout/stcpay-otp-code.ts), after its first render. Grouped per language in
 * en-code.ts and ar-code.ts.
 */
export type CodeMessageKey =
  | 'stillConfirming'
  | 'otpLabel'
  | 'otpSentTo'
  | 'otpResent'
  | 'confirm'
  | 'confirmPayment'
  | 'verifying'
  | 'resend'
  | 'resendIn'
  | 'changeMobile'
  | 'paid'
  | 'paymentChecking'
  | 'paymentUnconfirmed'
  | 'paymentUnpaid';

export type CodeMessages = Pick<Messages, CodeMessageKey>;

/** The number step's strings and those both steps share, errors included: en.ts and ar.ts. */
export type SendMessages = Omit<Messages, CodeMessageKey>;

/** One built-in language: its number step's strings, and the direction it is written in. */
export interface Catalog {
  dir: 'ltr' | 'rtl';
  messages: SendMessages;
}
