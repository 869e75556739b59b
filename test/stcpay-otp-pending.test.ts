/**
 * A payment still going through, as the store's server knows it (stcpay-otp/server's ledger):
 * the element keeps waiting while payment-status says `pending`, tells the shopper it is
 * confirming, and never says "not charged" while STC Pay is still working. Against the demo
 * store's real kit, over real HTTP.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { OtpSentDetail, PaymentUnconfirmedDetail } from '../src/index.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { lostAnswer } from '../src/checkout/refusal.js';
import { askUntilAnswered, type StoreAnswer } from '../src/checkout/store-status.js';
import { SLOW_PAYMENT_MS, TEST_OTPS, until } from './helpers/mock.js';

const part = (el: StcpayOtp, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const CHECKING_EN =
  "Checking your payment… You will not be charged twice, so please don't pay again or close this page.";
const NOT_CHARGED_EN = /did not go through|have not been charged\b(?! twice)/;

/** A new invoice of the demo store, paid through its kit at /paylink. */
async function storeOrder() {
  const created = await fetch('/store/api/checkout', { method: 'POST' });
  return (await created.json()) as { transactionNo: string; amount: number };
}

async function storeCheckout(order: { transactionNo: string; amount: number }, lang = 'en') {
  const el = await fixture<StcpayOtp>(html`
    <stcpay-otp
      lang=${lang}
      transaction-no=${order.transactionNo}
      total=${order.amount}
      mobile="0551234567"
      process-payment
      timeout="1500"
      base-url="/paylink"
      status-url="/paylink/payment-status"
    ></stcpay-otp>
  `);
  const sent = await el.send();
  await el.updateComplete;
  return { el, sent };
}

async function typeOtp(el: StcpayOtp, code: string) {
  part(el, 'otp')!.focus();
  await sendKeys({ type: code });
}

/** Every text the element's message lines showed, noted as they change. */
function watchTexts(el: StcpayOtp): Set<string> {
  const seen = new Set<string>();
  const note = () => {
    for (const name of ['unconfirmed', 'error', 'status', 'paid']) {
      const shown = part(el, name)?.textContent?.trim();
      if (shown) seen.add(shown);
    }
  };
  new MutationObserver(note).observe(el.shadowRoot!, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  return seen;
}

describe('<stcpay-otp> while the store says pending', () => {
  it('slow STC Pay (code 22222): confirming, then paid; never "not charged"; shipped once', async () => {
    const order = await storeOrder();
    const { el } = await storeCheckout(order);
    const seen = watchTexts(el);
    await typeOtp(el, TEST_OTPS.slow);
    const unconfirmed = oneEvent(el, 'payment-unconfirmed');
    const processed = oneEvent(el, 'payment-processed');
    const started = performance.now();
    void el.confirm().catch(() => {});
    expect(((await unconfirmed).detail as PaymentUnconfirmedDetail).reason).to.equal('timeout');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('unconfirmed');
    expect(part(el, 'unconfirmed')!.textContent!.trim()).to.equal(CHECKING_EN);
    // The kit has the payment in flight: the store says pending, the element goes on waiting.
    const status = await fetch(`/paylink/payment-status?transactionNo=${order.transactionNo}`).then(
      (r) => r.json(),
    );
    expect(status).to.deep.equal({ status: 'pending' });
    expect((await processed).detail).to.include({
      orderNumber: order.transactionNo,
      confirmedByStore: true,
    });
    expect(performance.now() - started).to.be.greaterThan(SLOW_PAYMENT_MS - 200);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('paid');
    expect([...seen].filter((shown) => NOT_CHARGED_EN.test(shown))).to.deep.equal([]);
    expect([...seen]).to.include(CHECKING_EN);
    // The store's onPaid shipped the order, once, whatever told it first: Paylink's webhook,
    // answered 200 by the kit, comes after and calls it no more.
    await until(async () => {
      const sent = (await (
        await fetch(`/mock/webhooks?transactionNo=${order.transactionNo}`)
      ).json()) as Array<{ status: number | null }>;
      return sent.some((webhook) => webhook.status === 200);
    }, 5000);
    const shipped = (await (await fetch('/store/api/fulfilled')).json()) as Array<{
      transactionNo: string;
      onPaidCalls: number;
    }>;
    expect(
      shipped
        .filter((s) => s.transactionNo === order.transactionNo)
        .map((s) => [s.transactionNo, s.onPaidCalls]),
    ).to.deep.equal([[order.transactionNo, 1]]);
  }).timeout(30000);

  it('a second tab paying the same order: 409 from the store, so unconfirmed (in-progress), then paid', async () => {
    const order = await storeOrder();
    const { el, sent } = await storeCheckout(order);
    const session = sent as OtpSentDetail;
    // The other tab's payment, slow, reaches the store's kit first.
    const otherTab = fetch('/paylink/rest/pay/stcpay/processPayment', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        stcpayMobileCountryCode: '966',
        stcpayMobile: '551234567',
        orderNumber: order.transactionNo,
        total: order.amount,
        stcpayPaymentOTP: TEST_OTPS.slow,
        paymentSessionId: session.paymentSessionId,
        signature: session.signature,
        signedBase64Data: session.signedBase64Data,
      }),
    });
    await until(async () => {
      const r = await fetch(`/paylink/payment-status?transactionNo=${order.transactionNo}`);
      return ((await r.json()) as { status: string }).status === 'pending';
    });
    await typeOtp(el, TEST_OTPS.success);
    const unconfirmed = oneEvent(el, 'payment-unconfirmed');
    const processed = oneEvent(el, 'payment-processed');
    void el.confirm().catch(() => {});
    expect((await unconfirmed).detail).to.deep.equal({
      orderNumber: order.transactionNo,
      total: order.amount,
      reason: 'in-progress',
      status: 409,
    });
    await processed;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('paid');
    expect((await otherTab).status).to.equal(200);
  }).timeout(30000);
});

describe('asking the store (store-status.ts)', () => {
  const ask = (answers: Array<StoreAnswer | null>) => {
    let asked = 0;
    const verifyPayment = async () => {
      const answer = answers[Math.min(asked, answers.length - 1)];
      asked++;
      if (answer === null) throw new Error('no answer');
      return answer;
    };
    const result = askUntilAnswered('T1', { verifyPayment }, 1000, new AbortController().signal, {
      first: [0, 10, 20],
      pending: [40, 60, 80],
    });
    return result.then((answer) => ({ answer, asked }));
  };

  it('keeps asking past its first tries while the store says pending', async () => {
    expect(await ask(['pending', 'pending', 'pending', 'pending', 'paid'])).to.deep.equal({
      answer: 'paid',
      asked: 5,
    });
    expect(await ask([null, 'pending', 'pending', 'pending', 'pending', 'unpaid'])).to.deep.equal({
      answer: 'unpaid',
      asked: 6,
    });
  });

  it('gives up after its first tries with no answer, and after the pending ones with only pending', async () => {
    expect(await ask([null])).to.deep.equal({ answer: null, asked: 3 });
    expect(await ask(['pending'])).to.deep.equal({ answer: null, asked: 6 });
  });

  it('reads a 409 from the store as a payment that may be going through', () => {
    expect(lostAnswer({ code: 'http', status: 409, refusal: 'other' } as never)).to.deep.equal({
      reason: 'in-progress',
      status: 409,
    });
    expect(
      lostAnswer({ code: 'http', status: 409, refusal: 'already-paid' } as never),
    ).to.deep.equal({ reason: 'already-paid', status: 409 });
    expect(lostAnswer({ code: 'http', status: 400, refusal: 'code-wrong' } as never)).to.equal(
      undefined,
    );
  });
});
