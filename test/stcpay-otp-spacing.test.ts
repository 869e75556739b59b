/**
 * Codes for one transaction are sent at least `resend-after` apart, however the code step was
 * left and whichever element on the page asks: no SMS pumping. A code Paylink says expired may
 * be replaced at once, and so may a send that ended without a code (failed sends in a row:
 * test/stcpay-otp-retry.test.ts).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { OtpErrorDetail } from '../src/index.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { forgetTransactions } from '../src/checkout/transactions.js';
import { mockPaylink, TEST_OTPS, timeLimitFor, type Scenario } from './helpers/mock.js';
import { said } from './helpers/shopper-words.js';

type Mock = ReturnType<typeof mockPaylink>;

const part = (el: StcpayOtp, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: StcpayOtp, name: string) => part(el, name)?.textContent?.trim() ?? null;

async function checkout(mock: Mock, transactionNo: string, scenario: Scenario = 'ok') {
  return fixture<StcpayOtp>(html`
    <stcpay-otp
      transaction-no=${transactionNo}
      total="10"
      mobile="0551234567"
      process-payment
      resend-after="60"
      base-url=${mock.baseUrl(scenario)}
    ></stcpay-otp>
  `);
}

const sends = async (mock: Mock) =>
  (await mock.requests()).filter((r) => r.path.endsWith('/sendOtp')).length;

async function refusedSend(el: StcpayOtp): Promise<OtpErrorDetail> {
  const error = oneEvent(el, 'otp-error');
  let rejected: unknown;
  await el.send().catch((e: unknown) => (rejected = e));
  expect(rejected).to.have.property('code', 'too-soon');
  return (await error).detail as OtpErrorDetail;
}

describe('<stcpay-otp> send spacing', () => {
  afterEach(() => forgetTransactions());

  it('Send then "Change number" five times sends one code, and the send button shows the wait', async () => {
    const mock = mockPaylink();
    const transactionNo = `T${crypto.randomUUID().slice(0, 8)}`;
    const el = await checkout(mock, transactionNo);
    await el.send();
    for (let i = 0; i < 5; i++) {
      await el.updateComplete;
      // The first time from the code step; then the number step is where the wait shows.
      part(el, 'change-mobile')?.click();
      await el.updateComplete;
      expect(part(el, 'otp') === null, 'on the number step').to.equal(true);
      const submit = part(el, 'submit') as HTMLButtonElement;
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      expect([said('en', 'sendIn', '0:59'), said('en', 'sendIn', '1:00')]).to.include(
        text(el, 'submit'),
      );
      submit.click();
      el.mobile = `05612345${60 + i}`;
      const detail = await refusedSend(el);
      expect(detail).to.include({ code: 'too-soon', retryable: true });
      expect([said('en', 'resendWait', 59), said('en', 'resendWait', 60)]).to.include(
        detail.message,
      );
      expect(detail.retryAfter).to.be.within(59, 60);
    }
    expect(await sends(mock)).to.equal(1);
  });

  it('holds after reset(), and for another element with the same transaction', async () => {
    const mock = mockPaylink();
    const transactionNo = `T${crypto.randomUUID().slice(0, 8)}`;
    const el = await checkout(mock, transactionNo);
    await el.send();
    el.reset();
    await refusedSend(el);
    const other = await checkout(mock, transactionNo);
    await refusedSend(other);
    await other.updateComplete;
    expect([said('en', 'sendIn', '0:59'), said('en', 'sendIn', '1:00')]).to.include(
      text(other, 'submit'),
    );
    // Another transaction is not held.
    const third = await checkout(mock, `T${crypto.randomUUID().slice(0, 8)}`);
    await third.send();
    expect(await sends(mock)).to.equal(2);
  });

  it('lets a new code go at once when Paylink says the code expired, then spaces again', async () => {
    const mock = mockPaylink();
    const el = await checkout(mock, `T${crypto.randomUUID().slice(0, 8)}`, 'pay-words-en');
    await el.send();
    await el.updateComplete;
    (part(el, 'otp') as HTMLInputElement).focus();
    await sendKeys({ type: TEST_OTPS.expire });
    await el.confirm().catch(() => {});
    await el.updateComplete;
    await el.send();
    await el.updateComplete;
    await refusedSend(el);
    expect(await sends(mock)).to.equal(2);
  });

  it('spaces only sends that ended in a code: one whose answer was lost, or that Paylink refused, may go again at once', async () => {
    const mock = mockPaylink();
    const lost = await checkout(mock, `T${crypto.randomUUID().slice(0, 8)}`, 'hang');
    lost.timeout = 300;
    await lost.send().catch(() => {});
    lost.baseUrl = mock.baseUrl('ok');
    lost.timeout = timeLimitFor('ok');
    expect((await lost.send()).stcpayMobile).to.equal('551234567');
    await refusedSend(lost);

    const refused = await checkout(mock, `T${crypto.randomUUID().slice(0, 8)}`, 'server-error');
    await refused.send().catch(() => {});
    refused.baseUrl = mock.baseUrl('ok');
    expect((await refused.send()).stcpayMobile).to.equal('551234567');
  });
});
