/**
 * Numbers a +966 checkout refuses, each with the problem the number rules (src/input/mobile.ts)
 * find in it. test/mobile.test.ts checks the rules on every one; test/stcpay-otp.test.ts checks
 * what the element tells the customer on the first one of each problem, and that it sends
 * nothing for any number on the edge of a rule.
 */
import type { MobileProblem } from '../../src/input/mobile.js';

type Refused = ReadonlyArray<readonly [typed: string, problem: MobileProblem]>;

/**
 * Numbers just outside a rule, in every way of writing one: one digit short and one digit long
 * of the 9-digit national number, and a first digit or country code just beside the allowed
 * one (5, +966). A rule loosened by one digit or one prefix lets one of these through.
 */
export const EDGE_NUMBERS: Refused = [
  // One digit short: 8 national digits.
  ['55123456', 'too-short'],
  ['055123456', 'too-short'],
  ['055 123 456', 'too-short'],
  ['+96655123456', 'too-short'],
  ['0096655123456', 'too-short'],
  ['+966055123456', 'too-short'],
  ['٥٥١٢٣٤٥٦', 'too-short'],
  // One digit long: 10 national digits.
  ['5512345678', 'too-long'],
  ['05512345678', 'too-long'],
  ['+9665512345678', 'too-long'],
  ['00966 05512345678', 'too-long'],
  // A first digit beside 5 (a Saudi mobile number starts 05).
  ['451234567', 'wrong-prefix'],
  ['651234567', 'wrong-prefix'],
  ['0451234567', 'wrong-prefix'],
  ['0651234567', 'wrong-prefix'],
  ['+966451234567', 'wrong-prefix'],
  ['+966651234567', 'wrong-prefix'],
  // A country code beside 966.
  ['+965551234567', 'other-country'],
  ['+967551234567', 'other-country'],
  ['00965551234567', 'other-country'],
];

export const REFUSED_NUMBERS: Refused = [
  ['', 'required'],
  ['   ', 'required'],
  ['55123', 'too-short'],
  ['05512345', 'too-short'],
  ['0112345678', 'wrong-prefix'],
  ['55abc4567', 'not-a-number'],
  ['abc', 'not-a-number'],
  ['55+1234567', 'not-a-number'],
  ['+971501234567', 'other-country'],
  ['0097150123456', 'other-country'],
  ...EDGE_NUMBERS,
];

/** Numbers exactly on the edge of every rule, that a +966 checkout takes: as 5X XXX XXXX. */
export const EDGE_ACCEPTED: ReadonlyArray<readonly [typed: string, national: string]> = [
  ['500000000', '500000000'],
  ['599999999', '599999999'],
  ['0500000000', '500000000'],
  ['+966599999999', '599999999'],
];
