/**
 * Lengths of time in words (i18n/duration.ts): by each language's plural rules, through Intl's
 * unit names, never by adding an "s". What the tests check is the form each number takes, in
 * the browser the tests run in: 1 second, 2 seconds; Arabic's forms for 1 and 2 (said without a
 * number), 3 to 10, and 11 up.
 */
import { expect } from '@open-wc/testing';
import { ar, en } from '../src/i18n/all.js';

describe('lengths of time in words', () => {
  it('English: 1 second, 2 seconds, 0.3 seconds; whole minutes from two minutes', () => {
    expect(en.timeout(1)).to.equal(
      'The payment service did not answer within 1 second. Please try again.',
    );
    expect(en.timeout(2)).to.contain('within 2 seconds.');
    expect(en.timeout(0.3)).to.contain('within 0.3 seconds.');
    expect(en.resendWait(1)).to.equal('You can ask for a new code in 1 second.');
    expect(en.resendWait(59)).to.equal('You can ask for a new code in 59 seconds.');
    expect(en.resendWait(90)).to.equal('You can ask for a new code in 90 seconds.');
    expect(en.resendWait(120)).to.equal('You can ask for a new code in 2 minutes.');
    expect(en.resendWait(900)).to.equal('You can ask for a new code in 15 minutes.');
    expect(en.resendWait(901)).to.equal('You can ask for a new code in 16 minutes.');
  });

  it('Arabic: the forms for 1 and 2 (no digits), 3 to 10, and 11 up', () => {
    const word = (n: number) =>
      ar.resendWait(n).replace('يمكنك طلب رمز جديد بعد ', '').slice(0, -1);
    const forms = [1, 2, 3, 10, 11, 59, 100].map(word);
    // 1 and 2 are said without a number: "a second", "two seconds".
    expect(forms[0]).to.match(/^ثانية$/);
    expect(forms[1]).to.match(/^ثانيت(ان|ين)$/);
    // 3 to 10: the plural; 11 and up: the singular after the number.
    expect(forms[2]).to.match(/^3 ثوان/);
    expect(forms[3]).to.match(/^10 ثوان/);
    expect(forms[4]).to.equal('11 ثانية');
    expect(forms[5]).to.equal('59 ثانية');
    expect(forms[6]).to.equal('100 ثانية');
    expect(word(120)).to.match(/^دقيقت(ان|ين)$/);
    expect(word(180)).to.match(/^3 دقائق$/);
    expect(word(900)).to.equal('15 دقيقة');
    expect(ar.timeout(1)).to.contain('خلال ثانية.');
  });
});
