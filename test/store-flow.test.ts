/**
 * The whole checkout as the demo store runs it on stcpay-otp/server: the store's server creates
 * the invoice through Paylink's REST API, the element pays it through the store's own proxy at
 * /paylink, and the store's server reads it back as paid.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';

const orderStatus = async (transactionNo: string) =>
  (await (await fetch(`/store/api/orders/${transactionNo}`)).json()).orderStatus as string;

const paymentStatus = async (transactionNo: string) =>
  (await (await fetch(`/paylink/payment-status?transactionNo=${transactionNo}`)).json())
    .status as string;

describe('the demo store, start to finish', () => {
  it('creates an invoice server side, pays it in the element through /paylink, and getInvoice then says paid', async () => {
    const checkoutResponse = await fetch('/store/api/checkout', { method: 'POST' });
    const checkout = await checkoutResponse.json();
    expect(Object.keys(checkout).sort()).to.deep.equal(['amount', 'transactionNo']);
    expect(checkout.transactionNo).to.match(/^\d{13,14}$/);
    expect(checkout.amount).to.equal(65);
    expect(await orderStatus(checkout.transactionNo)).to.equal('pending');
    expect(await paymentStatus(checkout.transactionNo)).to.equal('unpaid');

    // The proxy texts no one for an order whose total is not the invoice's.
    const tampered = await fetch('/paylink/rest/pay/stcpay/sendOtp', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        stcpayMobile: '551234567',
        stcpayMobileCountryCode: '966',
        orderNumber: checkout.transactionNo,
        total: 1,
      }),
    });
    expect(tampered.status).to.equal(400);

    const el = await fixture<StcpayOtp>(html`
      <stcpay-otp
        transaction-no=${checkout.transactionNo}
        total=${checkout.amount}
        process-payment
        base-url="/paylink"
      ></stcpay-otp>
    `);
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="mobile"]')!.focus();
    await sendKeys({ type: '055 123 4567' });
    const sent = oneEvent(el, 'otp-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    await el.updateComplete;
    await sendKeys({ type: '12345' });
    const paid = oneEvent(el, 'payment-processed');
    await sendKeys({ press: 'Enter' });
    expect((await paid).detail).to.include({
      orderNumber: checkout.transactionNo,
      orderAmount: 65,
    });

    expect(await orderStatus(checkout.transactionNo)).to.equal('paid');
    expect(await paymentStatus(checkout.transactionNo)).to.equal('paid');
  });
});
