/**
 * One-time-code rules: read the code a customer types or pastes (any digit script, spaces),
 * or say what is wrong with it. Pure, no DOM.
 */
import { cleanDigits } from './digits.js';

export type OtpProblem = 'required' | 'not-a-number' | 'wrong-length';

export type OtpResult = { ok: true; otp: string } | { ok: false; problem: OtpProblem };

/** The lengths a code may have: exactly `length` when it is set (4-10), else 4 to 10. */
export function otpLengths(length?: number): { min: number; max: number } {
  return length !== undefined && Number.isInteger(length) && length >= 4 && length <= 10
    ? { min: length, max: length }
    : { min: 4, max: 10 };
}

export function parseOtp(input: string, length?: number): OtpResult {
  const otp = cleanDigits(input);
  if (otp === '') return { ok: false, problem: 'required' };
  if (!/^\d+$/.test(otp)) return { ok: false, problem: 'not-a-number' };
  const { min, max } = otpLengths(length);
  if (otp.length < min || otp.length > max) return { ok: false, problem: 'wrong-length' };
  return { ok: true, otp };
}

/** Whether `input` is a whole code of the exact `length` set, so it may confirm itself. */
export function isCompleteOtp(input: string, length?: number): boolean {
  const { min, max } = otpLengths(length);
  return length === min && min === max && parseOtp(input, length).ok;
}
