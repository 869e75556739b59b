/**
 * Paylink's STC Pay API (sendOtp, processPayment): its hosts, the documented bodies, the checked
 * answers, and what a refusal means. Requests go through the shared transport, so statuses,
 * bodies and time limits map to errors as for every other call.
 */
import { withRefusal } from './refusal.js';
import {
  PROCESS_PAYMENT_PATH,
  SEND_OTP_PATH,
  STCPAY_ORIGINS,
  type ProcessPaymentBody,
  type ProcessPaymentResponse,
  type SendOtpBody,
  type SendOtpResponse,
} from '../core/paylink-api.js';
import { call, type Endpoint, type RequestOptions } from '../core/transport.js';

export {
  STCPAY_ORIGINS,
  type ProcessPaymentBody,
  type ProcessPaymentResponse,
  type SendOtpBody,
  type SendOtpResponse,
} from '../core/paylink-api.js';

const STCPAY: Endpoint = { origins: STCPAY_ORIGINS };

/** POSTs Paylink's sendOtp and resolves with its (checked) success body. */
export function sendOtp(body: SendOtpBody, options: RequestOptions = {}): Promise<SendOtpResponse> {
  return call(SEND_OTP_PATH, body, options, STCPAY, parseSendOtpResponse, (reason) =>
    withRefusal('sendOtp', reason),
  );
}

/**
 * A national mobile number as the element may show it: digits only, and no longer than any
 * phone number is (E.164 allows 15 digits). Anything else is not shown: `bad-response`.
 */
const SHOWABLE_MOBILE = /^\d{6,15}$/;

/**
 * The sendOtp success body if `value` has every field processPayment needs, as strings, and
 * an `stcpayMobile` that is a mobile number (the element shows it).
 */
export function parseSendOtpResponse(value: unknown): SendOtpResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const { stcMobile, paymentSessionId, signature, stcpayMobile, signedBase64Data } =
    value as Record<string, unknown>;
  if (
    !isFilled(paymentSessionId) ||
    !isFilled(signature) ||
    !isFilled(signedBase64Data) ||
    !isFilled(stcpayMobile) ||
    !SHOWABLE_MOBILE.test(stcpayMobile)
  )
    return null;
  const response: SendOtpResponse = { paymentSessionId, signature, stcpayMobile, signedBase64Data };
  if (typeof stcMobile === 'string') response.stcMobile = stcMobile;
  return response;
}

/**
 * processPayment's body out of `fields`: its eight fields and nothing else, so an `otp-sent`
 * detail spread into it leaves its `stcMobile` and `resent` behind.
 */
export function processPaymentBody(fields: ProcessPaymentBody): ProcessPaymentBody {
  return {
    stcpayMobileCountryCode: fields.stcpayMobileCountryCode,
    stcpayMobile: fields.stcpayMobile,
    orderNumber: fields.orderNumber,
    total: fields.total,
    stcpayPaymentOTP: fields.stcpayPaymentOTP,
    paymentSessionId: fields.paymentSessionId,
    signature: fields.signature,
    signedBase64Data: fields.signedBase64Data,
  };
}

/**
 * POSTs Paylink's processPayment with the body's eight fields (processPaymentBody) and resolves
 * with its (checked) success body. A refusal is marked with what it meant (`refusal`, see
 * refusal.ts), read by status first.
 */
export function processPayment(
  body: ProcessPaymentBody,
  options: RequestOptions = {},
): Promise<ProcessPaymentResponse> {
  return call(
    PROCESS_PAYMENT_PATH,
    processPaymentBody(body),
    options,
    STCPAY,
    parseProcessPaymentResponse,
    (reason) => withRefusal('processPayment', reason),
  );
}

export function parseProcessPaymentResponse(value: unknown): ProcessPaymentResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const { orderNumber, orderAmount, msg } = value as Record<string, unknown>;
  if (!isFilled(orderNumber) || typeof orderAmount !== 'number' || !Number.isFinite(orderAmount))
    return null;
  return { orderNumber, orderAmount, msg: typeof msg === 'string' ? msg : '' };
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
