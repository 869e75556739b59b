/**
 * Long waits are never silent: after about five seconds a send says it is still waiting and can
 * be cancelled (by button or Escape: nothing was charged); a payment says not to close the page,
 * cannot be cancelled, and on timeout goes unconfirmed.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { forgetTransactions } from '../src/checkout/transactions.js';
import { freshCheckout } from './helpers/harness.js';
import { mockPaylink, pause, TEST_OTPS, until, type Scenario } from './helpers/mock.js';
import { said } from './helpers/shopper-words.js';

const part = (el: StcpayOtp, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: StcpayOtp, name: string) => part(el, name)?.textContent?.trim() ?? null;

async function checkout(scenario: Scenario, lang: 'en' | 'ar' = 'en') {
  const mock = mockPaylink();
  const el = await freshCheckout<StcpayOtp>(mock.baseUrl(scenario), {
    lang,
    processPayment: true,
    timeout: 20000,
  });
  return { el, mock };
}

describe('<stcpay-otp> waiting', () => {
  // Each test cancels a send to the same number: as a reload of the page would, forget it, or
  // from the third in a row the number waits resend-after (test/stcpay-otp-retry.test.ts).
  afterEach(() => forgetTransactions());

  it('says "Sending code…" once, in the button, not in the status line too', async () => {
    const { el } = await checkout('hang');
    el.send().catch(() => {});
    await el.updateComplete;
    expect(text(el, 'submit')).to.equal('Sending code…');
    expect(text(el, 'status')).to.equal('');
    expect(part(el, 'cancel')).to.equal(null);
    el.reset();
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`a hung send says it is still waiting after about 5 s, and Cancel stops it (${lang})`, async () => {
      const { el, mock } = await checkout('hang', lang);
      let rejected: unknown;
      const sending = el.send().catch((e: unknown) => (rejected = e));
      await pause(3500);
      await el.updateComplete;
      expect(part(el, 'cancel') === null, 'no Cancel yet').to.equal(true);
      await until(() => part(el, 'cancel') !== null, 3000);
      expect(text(el, 'status')).to.equal(said(lang, 'stillSending'));
      expect(text(el, 'cancel')).to.equal(said(lang, 'cancel'));
      part(el, 'cancel')!.click();
      await sending;
      expect(rejected).to.have.property('name', 'AbortError');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('idle');
      expect(text(el, 'status')).to.equal(said(lang, 'sendCancelled'));
      expect(part(el, 'cancel') === null).to.equal(true);
      await until(async () => (await mock.requests())[0].abandoned);
    }).timeout(15000);
  }

  it('Escape cancels a send at any time', async () => {
    const { el, mock } = await checkout('hang');
    (part(el, 'mobile') as HTMLInputElement).focus();
    const sending = el.send().catch((e: unknown) => e);
    await until(async () => (await mock.requests()).length === 1);
    await sendKeys({ press: 'Escape' });
    expect(await sending).to.have.property('name', 'AbortError');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('idle');
    expect(text(el, 'status')).to.equal(said('en', 'sendCancelled'));
  });

  it('a hung payment says not to close the page, cannot be cancelled, and on timeout goes unconfirmed', async () => {
    const { el } = await checkout('pay-hang');
    await el.send();
    await el.updateComplete;
    el.timeout = 7000;
    (part(el, 'otp') as HTMLInputElement).focus();
    await sendKeys({ type: TEST_OTPS.success });
    const unconfirmed = oneEvent(el, 'payment-unconfirmed');
    el.confirm().catch(() => {});
    await until(() => text(el, 'status') === said('en', 'stillConfirming'), 7000);
    expect(part(el, 'cancel') === null, 'no Cancel').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('verifying');
    expect((await unconfirmed).detail).to.include({ reason: 'timeout' });
  }).timeout(15000);
});
