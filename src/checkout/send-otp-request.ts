/**
 * Checks what the host page and the customer gave the element and builds Paylink's sendOtp
 * body from it, or says which input is wrong. Pure, no DOM.
 */
import type { ErrorReason } from '../core/errors.js';
import { normaliseCountryCode, parseMobile } from '../input/mobile.js';
import type { SendOtpBody } from './stcpay-client.js';

export interface SendOtpInput {
  transactionNo?: string;
  total?: number;
  countryCode: string;
  mobile: string;
}

export type SendOtpCheck = { ok: true; body: SendOtpBody } | { ok: false; reason: ErrorReason };

/**
 * The store's inputs are checked before the customer's: a checkout without a transaction
 * number cannot be fixed by retyping the mobile number.
 */
export function buildSendOtpBody(input: SendOtpInput): SendOtpCheck {
  const orderNumber = (input.transactionNo ?? '').trim();
  if (orderNumber === '') return invalid('transactionNo');
  const { total } = input;
  if (typeof total !== 'number' || !Number.isFinite(total) || total <= 0) return invalid('total');
  const countryCode = normaliseCountryCode(input.countryCode);
  if (countryCode === '') return invalid('countryCode');

  const mobile = parseMobile(input.mobile, countryCode);
  if (!mobile.ok)
    return {
      ok: false,
      reason: { code: 'validation', field: 'mobile', problem: mobile.problem, countryCode },
    };

  return {
    ok: true,
    body: {
      stcpayMobile: mobile.national,
      stcpayMobileCountryCode: countryCode,
      orderNumber,
      total,
    },
  };
}

function invalid(field: 'transactionNo' | 'total' | 'countryCode'): SendOtpCheck {
  return { ok: false, reason: { code: 'validation', field } };
}
