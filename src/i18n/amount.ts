/**
 * Amounts for people to read, in plain code: the digits of `1234.5` as `1,234.50`. The
 * language's `amount` message then adds the riyal sign (`SAR 1,234.50`, `‏1,234.50 ر.س.‏`).
 *
 * For amounts of zero or more, the result is what Chromium's
 * `Intl.NumberFormat(lang, {style: 'currency', currency: 'SAR'})` writes in both built-in
 * languages (a test compares them), without `Intl`: a page's first use of `Intl` sets up the
 * engine's locale data, which cost more than the rest of the element's first render together.
 * So every browser shows the same; a Chromium that writes riyals differently fails the test.
 */

/**
 * `amount` rounded to two decimals, half away from zero as `Intl` rounds, from the shortest
 * decimal that reads back as the number (so `1.005` gives `1.01`), with a comma every three
 * digits. A negative amount gets a `-` before its digits (`SAR -5.00`, where Intl writes
 * `-SAR 5.00`); one that rounds to zero gets none. Not finite: `String(amount)`.
 */
export function formatDecimal(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  const [whole, fraction] = plainDigits(Math.abs(amount));
  const roundUp = fraction.length > 2 && fraction[2] >= '5';
  // In hundredths, as a BigInt: a whole part past 2^53 is exact only that way.
  const hundredths = (BigInt(whole + fraction.slice(0, 2).padEnd(2, '0')) + (roundUp ? 1n : 0n))
    .toString()
    .padStart(3, '0');
  const grouped = hundredths.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = amount < 0 && hundredths !== '000' ? '-' : '';
  return `${sign}${grouped}.${hundredths.slice(-2)}`;
}

/**
 * The shortest decimal spelling of a finite `size` >= 0 (what `String()` writes), as the
 * digits before and after the point, with any exponent (`1e-7`, `1.2345e+22`) written out.
 */
function plainDigits(size: number): [whole: string, fraction: string] {
  const [mantissa, exponent = '0'] = String(size).split('e');
  const [before, after = ''] = mantissa.split('.');
  const digits = before + after;
  const point = before.length + Number(exponent);
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  return [digits.slice(0, point).padEnd(point, '0'), digits.slice(point)];
}
