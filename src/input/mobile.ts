import { cleanDigits, toAsciiDigits } from './digits.js';

/**
 * Mobile-number rules: turn what a customer types into the national number Paylink expects
 * (`"551234567"`: no country code, no leading 0), or say precisely what is wrong with it.
 * Pure functions, no DOM.
 */

/** Why a mobile number was refused; each has its own message. */
export type MobileProblem =
  | 'required'
  | 'not-a-number'
  | 'too-short'
  | 'too-long'
  | 'wrong-prefix'
  | 'other-country'
  | 'unsupported-country';

export type MobileResult = { ok: true; national: string } | { ok: false; problem: MobileProblem };

/** What a valid national mobile number looks like in one country. */
export interface MobileRule {
  /** Digits in the national number, without the trunk prefix 0. */
  length: number;
  /** The digits a mobile (not landline) number starts with. */
  prefixes: readonly string[];
  /** An example shown in messages. */
  example: string;
  /**
   * How people of the country write the number at home, with the trunk 0: what messages and
   * the placeholder show (a Saudi number: 10 digits, `05X XXX XXXX`).
   */
  written: { length: number; prefixes: readonly string[]; example: string };
}

/** Countries STC Pay serves through Paylink, keyed by calling code. */
export const MOBILE_RULES: Readonly<Record<string, MobileRule>> = {
  '966': {
    length: 9,
    prefixes: ['5'],
    example: '5X XXX XXXX',
    written: { length: 10, prefixes: ['05'], example: '05X XXX XXXX' },
  },
};

/** `"+966"`, `"00966"`, `" 966 "` → `"966"`; anything else that is not 1-4 digits → `""`. */
export function normaliseCountryCode(code: string): string {
  const digits = toAsciiDigits(code.trim()).replace(/^(\+|00)/, '');
  return /^\d{1,4}$/.test(digits) ? digits : '';
}

/**
 * Normalises and validates a mobile number typed for the given country.
 *
 * Accepts ASCII, Arabic-Indic and Persian digits; spaces, dashes, dots and brackets; a leading
 * trunk `0`; and the country code written as `+966`, `00966` or `966` (when the rest then has
 * the national length).
 */
export function parseMobile(input: string, countryCode: string): MobileResult {
  const rule = MOBILE_RULES[countryCode];
  if (!rule) return { ok: false, problem: 'unsupported-country' };

  const text = cleanDigits(input);
  if (text === '') return { ok: false, problem: 'required' };
  if (!/^(\+|00)?\d+$/.test(text)) return { ok: false, problem: 'not-a-number' };

  let digits = text;
  const international = /^(\+|00)/.exec(digits);
  if (international) {
    digits = digits.slice(international[0].length);
    if (!digits.startsWith(countryCode)) return { ok: false, problem: 'other-country' };
    digits = digits.slice(countryCode.length);
  } else if (digits.startsWith(countryCode) && digits.length === countryCode.length + rule.length) {
    digits = digits.slice(countryCode.length);
  }
  if (digits.startsWith('0')) digits = digits.slice(1);

  if (digits.length < rule.length) return { ok: false, problem: 'too-short' };
  if (digits.length > rule.length) return { ok: false, problem: 'too-long' };
  if (!rule.prefixes.some((prefix) => digits.startsWith(prefix)))
    return { ok: false, problem: 'wrong-prefix' };
  return { ok: true, national: digits };
}

/**
 * `"551234567"` → `"55 123 4567"`, for showing a number back to the customer. The groups are
 * joined by no-break spaces so the number never wraps across lines.
 */
export function formatNational(national: string): string {
  return national.length === 9
    ? `${national.slice(0, 2)}\u00a0${national.slice(2, 5)}\u00a0${national.slice(5)}`
    : national;
}

/**
 * `"551234567"` → `"55 ••• ••67"`: enough for the customer to recognise their number on a
 * shared screen, not enough for an onlooker to take it. No-break spaces, as in formatNational.
 */
export function maskNational(national: string): string {
  if (national.length < 6) return national;
  const masked = national.slice(0, 2) + '•'.repeat(national.length - 4) + national.slice(-2);
  return formatNational(masked);
}

/**
 * A number as given, masked for the screen: a Saudi mobile as `+966 59 ••• ••77`, anything
 * else down to its last two digits.
 */
export function maskMobile(mobile: string): string {
  const saudi = parseMobile(mobile, '966');
  if (saudi.ok) return `+966\u00a0${maskNational(saudi.national)}`;
  return mobile.length > 2 ? '•'.repeat(mobile.length - 2) + mobile.slice(-2) : mobile;
}
