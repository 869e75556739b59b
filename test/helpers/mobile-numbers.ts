/**
 * Numbers a +966 checkout refuses, each with the problem the number rules (src/input/mobile.ts)
 * find in it. test/mobile.test.ts checks the rules on every one; test/stcpay-otp.test.ts checks
 * what the element tells the customer on the first one of each problem.
 */
import type { MobileProblem } from '../../src/input/mobile.js';

export const REFUSED_NUMBERS: ReadonlyArray<readonly [typed: string, problem: MobileProblem]> = [
  ['', 'required'],
  ['   ', 'required'],
  ['55123', 'too-short'],
  ['05512345', 'too-short'],
  ['5512345678', 'too-long'],
  ['451234567', 'wrong-prefix'],
  ['0112345678', 'wrong-prefix'],
  ['55abc4567', 'not-a-number'],
  ['abc', 'not-a-number'],
  ['55+1234567', 'not-a-number'],
  ['+971501234567', 'other-country'],
  ['0097150123456', 'other-country'],
];
