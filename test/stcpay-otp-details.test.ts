/**
 * Every event detail <stcpay-otp> dispatches is a fresh, frozen copy: a listener that tries to
 * change one changes nothing the element later sends or shows.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { mockPaylink, TEST_OTPS } from './helpers/mock.js';

const part = (el: StcpayOtp, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Tries to change every field of a detail, as a careless or hostile listener would. */
function tamper(detail: Record<string, unknown>): string[] {
  const refused: string[] = [];
  for (const key of Object.keys(detail))
    try {
      detail[key] = key === 'total' || key === 'orderAmount' ? 0.01 : 'OTHER-INVOICE';
    } catch {
      refused.push(key);
    }
  return refused;
}

describe('<stcpay-otp> event details', () => {
  it('are frozen copies: tampering with otp-sent, otp-complete or payment-processed changes nothing sent or shown', async () => {
    const mock = mockPaylink();
    const transactionNo = `T${crypto.randomUUID().slice(0, 8)}`;
    const el = await fixture<StcpayOtp>(html`
      <stcpay-otp
        transaction-no=${transactionNo}
        total="10"
        mobile="0551234567"
        process-payment
        base-url=${mock.baseUrl()}
      ></stcpay-otp>
    `);
    const refused: Record<string, string[]> = {};
    const seen: Record<string, object> = {};
    for (const type of ['otp-sent', 'otp-complete', 'payment-processed'])
      document.addEventListener(type, (event) => {
        const { detail } = event as CustomEvent<Record<string, unknown>>;
        seen[type] = detail;
        refused[type] = tamper(detail);
      });
    try {
      const returned = await el.send();
      expect(Object.isFrozen(returned)).to.equal(true);
      expect(returned).not.to.equal(seen['otp-sent']);
      await el.updateComplete;
      expect(part(el, 'status')!.textContent).to.contain('55\u00a0•••\u00a0••67');

      (part(el, 'otp') as HTMLInputElement).focus();
      await sendKeys({ type: TEST_OTPS.success });
      const paid = oneEvent(el, 'payment-processed');
      el.confirm().catch(() => {});
      await paid;
      await el.updateComplete;
    } finally {
      for (const type of Object.keys(seen))
        expect(Object.isFrozen(seen[type]), type).to.equal(true);
    }
    expect(refused['otp-sent']).to.include.members(['orderNumber', 'total', 'stcpayMobile']);
    expect(refused['otp-complete']).to.include.members(['total', 'stcpayPaymentOTP']);
    expect(refused['payment-processed']).to.include.members(['orderAmount']);

    const [, payment] = await mock.requests();
    expect(JSON.parse(payment.body)).to.include({
      orderNumber: transactionNo,
      total: 10,
      stcpayPaymentOTP: TEST_OTPS.success,
    });
    expect(part(el, 'paid')!.textContent).to.contain('10.00');
  });
});
