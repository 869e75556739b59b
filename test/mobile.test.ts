import { expect } from '@open-wc/testing';
import { toAsciiDigits } from '../src/input/digits.js';
import {
  formatNational,
  maskNational,
  normaliseCountryCode,
  parseMobile,
} from '../src/input/mobile.js';
import { EDGE_ACCEPTED, REFUSED_NUMBERS } from './helpers/mobile-numbers.js';

describe('mobile-number rules', () => {
  describe('parseMobile for +966', () => {
    const accepted: Array<[string, string]> = [
      ['551234567', 'the national number'],
      ['0551234567', 'a leading 0'],
      ['+966551234567', 'a +966 prefix'],
      ['00966551234567', 'a 00966 prefix'],
      ['966551234567', 'a bare 966 prefix'],
      ['+966 0551234567', 'a +966 prefix and a leading 0'],
      ['055 123 4567', 'spaces'],
      ['055-123-4567', 'dashes'],
      ['(055) 123 4567', 'parentheses'],
      ['٠٥٥١٢٣٤٥٦٧', 'Arabic-Indic digits'],
      ['۰۵۵۱۲۳۴۵۶۷', 'Persian digits'],
      ['+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧', 'Arabic-Indic digits with +966 and spaces'],
      ['\u200e055 123 4567\u200f', 'bidi marks from a right-to-left paste'],
      [' 55\u00a0123\u00a04567 ', 'no-break spaces and padding'],
    ];
    for (const [input, what] of accepted) {
      it(`accepts ${what}: ${JSON.stringify(input)}`, () => {
        expect(parseMobile(input, '966')).to.deep.equal({ ok: true, national: '551234567' });
      });
    }

    for (const [input, national] of EDGE_ACCEPTED)
      it(`accepts ${JSON.stringify(input)}, on the edge of every rule, as ${national}`, () => {
        expect(parseMobile(input, '966')).to.deep.equal({ ok: true, national });
      });

    for (const [input, problem] of REFUSED_NUMBERS) {
      it(`refuses ${JSON.stringify(input)} as ${problem}`, () => {
        expect(parseMobile(input, '966')).to.deep.equal({ ok: false, problem });
      });
    }
  });

  it('refuses every number for a country it has no rule for', () => {
    expect(parseMobile('501234567', '971')).to.deep.equal({
      ok: false,
      problem: 'unsupported-country',
    });
  });

  it('maps every Arabic-Indic and Persian digit to its ASCII digit', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).to.equal('0123456789');
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).to.equal('0123456789');
    expect(toAsciiDigits('a1٢')).to.equal('a12');
  });

  it('normalises country codes and refuses non-numbers', () => {
    expect(normaliseCountryCode('966')).to.equal('966');
    expect(normaliseCountryCode('+966')).to.equal('966');
    expect(normaliseCountryCode(' 00966 ')).to.equal('966');
    expect(normaliseCountryCode('٩٦٦')).to.equal('966');
    expect(normaliseCountryCode('SA')).to.equal('');
    expect(normaliseCountryCode('96612')).to.equal('');
  });

  it('groups a national number for reading, with spaces that do not break', () => {
    expect(formatNational('551234567')).to.equal('55\u00a0123\u00a04567');
  });
});

describe('maskNational', () => {
  it('keeps the first two and last two digits', () => {
    expect(maskNational('551234567')).to.equal('55\u00a0•••\u00a0••67');
  });
});
