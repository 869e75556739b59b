import { expect } from '@open-wc/testing';
import { receiveSmsOtp } from '../src/core/web-otp.js';
import { useFakeWebOtp, useNoWebOtp } from './helpers/fake-web-otp.js';

describe('receiveSmsOtp', () => {
  const sms = useFakeWebOtp();

  it('asks the browser once and resolves with the code from the SMS', async () => {
    const waiting = receiveSmsOtp(new AbortController().signal);
    expect(sms.requests).to.have.length(1);
    sms.requests[0].resolve({ code: '54321' });
    expect(await waiting).to.equal('54321');
  });

  it('shares one browser request among callers; the newest gets the code, the older ones undefined', async () => {
    // Two overlapping requests aborted together make Chromium kill the tab.
    const first = receiveSmsOtp(new AbortController().signal);
    const second = receiveSmsOtp(new AbortController().signal);
    expect(sms.requests).to.have.length(1);
    expect(await first).to.equal(undefined);
    sms.requests[0].resolve({ code: '54321' });
    expect(await second).to.equal('54321');
  });

  it('ends the browser request when its caller aborts, not when one it replaced does', async () => {
    const older = new AbortController();
    const newer = new AbortController();
    void receiveSmsOtp(older.signal);
    const waiting = receiveSmsOtp(newer.signal);
    older.abort();
    expect(sms.requests[0].signal.aborted).to.equal(false);
    newer.abort();
    expect(sms.requests[0].signal.aborted).to.equal(true);
    expect(await waiting).to.equal(undefined);

    // The next caller starts afresh.
    void receiveSmsOtp(new AbortController().signal);
    expect(sms.requests).to.have.length(2);
    expect(sms.requests[1].signal.aborted).to.equal(false);
    sms.requests[1].resolve(null);
  });

  it('resolves with undefined at once with an aborted signal, asking the browser nothing', async () => {
    expect(await receiveSmsOtp(AbortSignal.abort())).to.equal(undefined);
    expect(sms.requests).to.have.length(0);
  });
});

describe('receiveSmsOtp without WebOTP (OTPCredential removed, in every engine)', () => {
  const webOtp = useNoWebOtp();

  it('resolves with undefined at once, asking the browser nothing', async () => {
    expect('OTPCredential' in window).to.equal(false);
    expect(await receiveSmsOtp(new AbortController().signal)).to.equal(undefined);
    expect(webOtp.asked()).to.equal(0);
  });
});
