import { expect } from '@open-wc/testing';
import { otpLengths, parseOtp } from '../src/input/otp.js';

describe('one-time-code rules', () => {
  it('reads ASCII, Arabic-Indic and Persian digits, with spaces and dashes from a paste', () => {
    expect(parseOtp('12345')).to.deep.equal({ ok: true, otp: '12345' });
    expect(parseOtp('١٢٣٤٥')).to.deep.equal({ ok: true, otp: '12345' });
    expect(parseOtp('۱۲۳۴۵')).to.deep.equal({ ok: true, otp: '12345' });
    expect(parseOtp(' 123 456 ')).to.deep.equal({ ok: true, otp: '123456' });
    expect(parseOtp('123-456')).to.deep.equal({ ok: true, otp: '123456' });
  });

  it('accepts 4 to 10 digits unless a length is set, then exactly that many', () => {
    expect(parseOtp('1234').ok).to.equal(true);
    expect(parseOtp('1234567890').ok).to.equal(true);
    expect(parseOtp('123')).to.deep.equal({ ok: false, problem: 'wrong-length' });
    expect(parseOtp('12345678901')).to.deep.equal({ ok: false, problem: 'wrong-length' });
    expect(parseOtp('123456', 6).ok).to.equal(true);
    expect(parseOtp('12345', 6)).to.deep.equal({ ok: false, problem: 'wrong-length' });
    expect(parseOtp('1234567', 6)).to.deep.equal({ ok: false, problem: 'wrong-length' });
  });

  it('says when the code is empty or not a number', () => {
    expect(parseOtp('')).to.deep.equal({ ok: false, problem: 'required' });
    expect(parseOtp('  ')).to.deep.equal({ ok: false, problem: 'required' });
    expect(parseOtp('12a45')).to.deep.equal({ ok: false, problem: 'not-a-number' });
  });

  it('ignores a length outside 4-10 or not a whole number', () => {
    expect(otpLengths(6)).to.deep.equal({ min: 6, max: 6 });
    expect(otpLengths(undefined)).to.deep.equal({ min: 4, max: 10 });
    expect(otpLengths(3)).to.deep.equal({ min: 4, max: 10 });
    expect(otpLengths(5.5)).to.deep.equal({ min: 4, max: 10 });
    expect(otpLengths(Number.NaN)).to.deep.equal({ min: 4, max: 10 });
  });
});
