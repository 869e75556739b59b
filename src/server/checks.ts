/**
 * The shapes the proxies accept, field by field: exactly the documented fields, each of the
 * documented type, of a sane length, digits where digits belong. A body that passes is rebuilt
 * from its checked fields, so nothing else is ever forwarded. Pure functions, no I/O.
 */
import { asObject } from './http.js';
import type {
  ProcessPaymentBody,
  RetryOtpBody,
  SendOtpBody,
  ValidateOtpBody,
} from '../core/paylink-api.js';

export type {
  ProcessPaymentBody,
  RetryOtpBody,
  SendOtpBody,
  ValidateOtpBody,
} from '../core/paylink-api.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string };

type Rule = (value: unknown) => boolean;

const text =
  (pattern: RegExp): Rule =>
  (value) =>
    typeof value === 'string' && pattern.test(value);

/** A transactionNo (sent as orderNumber): letters, digits, `-`, `_`. */
export const TRANSACTION_NO = /^[\w-]{1,64}$/;
/** What STC Pay and Paylink hand back to be passed on as is: printable ASCII, no spaces. */
const OPAQUE = /^[\x21-\x7e]{1,2048}$/;
const SESSION_ID = /^[\w-]{1,128}$/;
const OTP = /^\d{4,10}$/;

/** A total in SAR: a positive number, at most two decimals, below a billion. */
const total: Rule = (value) =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value > 0 &&
  value < 1e9 &&
  Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

/** A national mobile number as the element sends it: digits only; for 966, 5 and 8 more. */
function mobileFor(countryCode: unknown): Rule {
  return (value) =>
    typeof value === 'string' && (countryCode === '966' ? /^5\d{8}$/ : /^\d{6,14}$/).test(value);
}

/**
 * Checks `body` (a parsed JSON value) against `rules`: no field missing, none extra but those
 * `ignored` (left out of the checked value, so never forwarded).
 */
function check<T>(
  body: unknown,
  rules: Record<string, Rule>,
  ignored: readonly string[] = [],
): Checked<T> {
  const value = asObject(body);
  if (!value) return { ok: false, field: 'body' };
  const extra = Object.keys(value).find(
    (key) => !Object.hasOwn(rules, key) && !ignored.includes(key),
  );
  if (extra !== undefined) return { ok: false, field: 'body' };
  for (const [field, rule] of Object.entries(rules))
    if (!rule(value[field])) return { ok: false, field };
  return {
    ok: true,
    value: Object.fromEntries(Object.keys(rules).map((key) => [key, value[key]])) as T,
  };
}

const countryCode = text(/^\d{1,4}$/);

export function checkSendOtp(body: unknown): Checked<SendOtpBody> {
  return check(body, {
    stcpayMobile: mobileFor(asObject(body)?.stcpayMobileCountryCode),
    stcpayMobileCountryCode: countryCode,
    orderNumber: text(TRANSACTION_NO),
    total,
  });
}

/**
 * An `otp-sent` detail spread into the body brings `stcMobile` (Paylink's, when it sent one) and
 * `resent`: the page may leave them in; they are not forwarded.
 */
const OTP_SENT_EXTRAS = ['stcMobile', 'resent'];

export function checkProcessPayment(body: unknown): Checked<ProcessPaymentBody> {
  return check(
    body,
    {
      stcpayMobileCountryCode: countryCode,
      stcpayMobile: mobileFor(asObject(body)?.stcpayMobileCountryCode),
      orderNumber: text(TRANSACTION_NO),
      total,
      stcpayPaymentOTP: text(OTP),
      paymentSessionId: text(SESSION_ID),
      signature: text(OPAQUE),
      signedBase64Data: text(OPAQUE),
    },
    OTP_SENT_EXTRAS,
  );
}

/** A merchant's mobile as Paylink's partner API writes it ("0599925477"): digits, optional +. */
const partnerMobile = text(/^\+?\d{7,15}$/);

export function checkValidateOtp(body: unknown, profileNo: string): Checked<ValidateOtpBody> {
  return check(body, {
    signature: text(OPAQUE),
    sessionUuid: text(SESSION_ID),
    mobile: partnerMobile,
    otp: text(OTP),
    partnerProfileNo: (value) => value === profileNo,
  });
}

export function checkRetryOtp(body: unknown, profileNo: string): Checked<RetryOtpBody> {
  return check(body, {
    sessionUuid: text(SESSION_ID),
    mobileNumber: partnerMobile,
    partnerProfileNo: (value) => value === profileNo,
  });
}
