/**
 * Amounts: the element writes them without Intl, and must write what Intl writes in both
 * built-in languages, in the browser the tests run in. In Arabic it writes Western digits, as
 * Chromium's and Firefox's Intl do for `ar`; WebKit's Intl writes Arabic-Indic digits for `ar`
 * unless asked for Latin ones, so the comparison asks for them (`ar-u-nu-latn`).
 */
import { expect } from '@open-wc/testing';
import { formatDecimal } from '../src/i18n/amount.js';
import { ar, en } from '../src/i18n/all.js';
import { generator } from './helpers/random.js';

const intl = {
  en: new Intl.NumberFormat('en', { style: 'currency', currency: 'SAR' }),
  ar: new Intl.NumberFormat('ar-u-nu-latn', { style: 'currency', currency: 'SAR' }),
};
const ours = {
  en: (amount: number) => en.amount(formatDecimal(amount)),
  ar: (amount: number) => ar.amount(formatDecimal(amount)),
};

/** Where rounding, grouping and the number's own spelling change. */
const EDGES = [
  0.01,
  0.1,
  0.5,
  1,
  5,
  10,
  99.99,
  100,
  999.99,
  1000,
  1234.5,
  9999.999,
  100000,
  1e6,
  123456789.12,
  // Half a hundredth, and numbers just either side of it, rounded from their shortest spelling.
  0.005,
  0.004999,
  0.0049999999,
  1.005,
  1.015,
  1.025,
  2.675,
  8.345,
  1.0049999,
  999.995,
  999.994,
  0.125,
  0.135,
  10.075,
  1234567.891,
  4503599627370495.5,
  // Too small or too large for String() to spell without an exponent.
  1e-7,
  5e-7,
  9.99e-7,
  1e20,
  1e21,
  1.2345e22,
  Number.MAX_SAFE_INTEGER,
  2 ** 60,
];

describe('amounts', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`match Intl.NumberFormat(${lang}, SAR) at the edges`, () => {
      for (const amount of EDGES)
        expect(ours[lang](amount), String(amount)).to.equal(intl[lang].format(amount));
    });
  }

  it('match Intl.NumberFormat in both languages for 20,000 random amounts', () => {
    const seed = 20261121;
    const random = generator(seed);
    for (let i = 0; i < 20_000; i++) {
      // Halalas; thousandths (a tenth of them halfway, …5); long fractions up to 10^12.
      const kind = random.int(0, 2);
      const amount =
        kind === 0
          ? random.int(0, 10 ** random.int(1, 8)) / 100
          : kind === 1
            ? random.int(0, 10 ** random.int(1, 8)) / 1000
            : (random.int(0, 2 ** 30) / 2 ** 30) * 10 ** random.int(0, 12);
      for (const lang of ['en', 'ar'] as const)
        expect(ours[lang](amount), `${amount} (${lang}, seed ${seed}, draw ${i})`).to.equal(
          intl[lang].format(amount),
        );
    }
  });

  it('writes negatives with a minus, and what is not finite as it is', () => {
    expect(formatDecimal(-1234.5)).to.equal('-1,234.50');
    expect(formatDecimal(-0.001)).to.equal('0.00');
    expect(formatDecimal(Number.POSITIVE_INFINITY)).to.equal('Infinity');
    expect(formatDecimal(Number.NaN)).to.equal('NaN');
  });
});
