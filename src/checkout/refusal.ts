/**
 * What a refused sendOtp or processPayment meant, read the way Paylink documents its answers:
 * by status first (200, 400, 401, 404, 500 are documented), and only then by reasons known to
 * be sent, in English or Arabic. Paylink's documented failure body says only the reason phrase
 * ("Bad Request"), so a 400 without a known reason gets the endpoint's own default, worded to say
 * what to do. Pure, no DOM.
 */
import type { ErrorReason, Refusal } from '../core/errors.js';
import type { UnconfirmedReason } from '../core/events.js';

export type { Refusal };

export type StcpayEndpoint = 'sendOtp' | 'processPayment';

/**
 * Known reasons, tried in this order. STC Pay's own API says "Invalid OTP either expired or
 * not found, please request a new OTP." for a wrong and an expired code alike, so that sentence
 * is matched before either. Arabic is matched without its diacritics and letter variants.
 */
const REASONS: ReadonlyArray<readonly [Refusal, RegExp, StcpayEndpoint?]> = [
  ['already-paid', /\balready\s+paid\b|\bpaid\s+already\b/i],
  [
    'already-paid',
    /(مدفوع|مسدد)\S*\s+(مسبق|سابق|بالفعل)|سبق\s+(دفع|سداد)|تم\s+(دفع|سداد)\S*\s+.*(مسبق|سابق|بالفعل)/,
  ],
  ['code-wrong-or-expired', /expired\s+or\s+not\s+found|either\s+expired/i, 'processPayment'],
  ['code-expired', /expire|session/i, 'processPayment'],
  ['code-expired', /انته\S*\s+صلاحي|منته\S*\s+الصلاحي|الجلسة|جلسة/, 'processPayment'],
  [
    'code-wrong',
    /\b(invalid|wrong|incorrect)\s+(otp|code)\b|\b(otp|code)\s+(is\s+)?(invalid|wrong|incorrect)\b/i,
    'processPayment',
  ],
  [
    'code-wrong',
    /رمز\s+\S*\s*(غير\s+صحيح|خاطئ|خطأ)|الرمز\s+(غير\s+صحيح|خاطئ|خطأ)/,
    'processPayment',
  ],
  [
    'number-not-registered',
    /not\s+registered|no\s+stc\s*pay\s+account|not\s+an?\s+stc\s*pay/i,
    'sendOtp',
  ],
  ['number-not-registered', /غير\s+مسجل/, 'sendOtp'],
];

/** Removes Arabic diacritics and the tatweel, and folds alef and yeh variants, for matching. */
function fold(text: string): string {
  return text
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي');
}

/** Classifies a refusal of `endpoint` by its status, then by its reason text. */
export function classifyRefusal(
  endpoint: StcpayEndpoint,
  status: number,
  serverText = '',
): Refusal {
  if (status >= 500) return 'unavailable';
  if (status === 401 || status === 403) return 'not-allowed';
  if (status === 404) return 'not-found';
  const text = fold(serverText);
  for (const [refusal, pattern, only] of REASONS)
    if ((only === undefined || only === endpoint) && pattern.test(text)) return refusal;
  if (status === 400) return endpoint === 'sendOtp' ? 'number-rejected' : 'code-rejected';
  return 'other';
}

/** The reason of an HTTP refusal with what it meant added as `refusal`. */
export function withRefusal(
  endpoint: StcpayEndpoint,
  reason: Extract<ErrorReason, { code: 'http' }>,
): Extract<ErrorReason, { code: 'http' }> {
  return { ...reason, refusal: classifyRefusal(endpoint, reason.status, reason.serverText) };
}

/** Refusals that blame the code the shopper typed: it stays selected for retyping. */
export function blamesCode(refusal: Refusal | undefined): boolean {
  return (
    refusal === 'code-wrong' || refusal === 'code-wrong-or-expired' || refusal === 'code-rejected'
  );
}

/** Refusals that blame the mobile number the shopper typed. */
export function blamesNumber(refusal: Refusal | undefined): boolean {
  return refusal === 'number-not-registered' || refusal === 'number-rejected';
}

/** Refusals after which a new code may be sent at once: the old one cannot be used any more. */
export function needsNewCode(refusal: Refusal | undefined): boolean {
  return refusal === 'code-expired' || refusal === 'code-wrong-or-expired';
}

/**
 * Why a processPayment's outcome is unknown, if it is: the request may have reached Paylink and
 * its answer was lost (timeout, network, unreadable answer, a gateway error), Paylink says the
 * order is already paid, or the store's server says another payment for the order is under way
 * or its outcome is not known yet (409). Undefined for a clear refusal.
 */
export function lostAnswer(
  reason: ErrorReason,
): { reason: UnconfirmedReason; status?: number } | undefined {
  switch (reason.code) {
    case 'timeout':
    case 'network':
    case 'bad-response':
      return { reason: reason.code };
    case 'http':
      if (reason.refusal === 'already-paid')
        return { reason: 'already-paid', status: reason.status };
      if (reason.status === 502 || reason.status === 504)
        return { reason: 'gateway', status: reason.status };
      if (reason.status === 409) return { reason: 'in-progress', status: 409 };
      return undefined;
    default:
      return undefined;
  }
}
