/**
 * Every processPayment ends in an outcome a shopper can trust: paid, refused, or unconfirmed
 * (it may have reached Paylink), which the store then resolves. Nobody who may have paid is told
 * to try again, and nothing on the page pays a transaction twice.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type {
  OtpSentDetail,
  PaymentProcessedDetail,
  PaymentUnconfirmedDetail,
} from '../src/index.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { forgetTransactions } from '../src/checkout/transactions.js';
import { mockPaylink, pause, TEST_OTPS, until, type Scenario } from './helpers/mock.js';
import { said } from './helpers/shopper-words.js';

type Mock = ReturnType<typeof mockPaylink>;

const part = (el: StcpayOtp, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: StcpayOtp, name: string) => part(el, name)?.textContent?.trim() ?? null;
const newTransaction = () => `T${crypto.randomUUID().slice(0, 12)}`;

interface Options {
  scenario?: Scenario;
  statusUrl?: string;
  lang?: 'en' | 'ar';
  transactionNo?: string;
  resendAfter?: number;
}

async function checkout(mock: Mock, options: Options = {}) {
  return fixture<StcpayOtp>(html`
    <stcpay-otp
      lang=${options.lang ?? 'en'}
      transaction-no=${options.transactionNo ?? newTransaction()}
      total="10"
      mobile="0551234567"
      process-payment
      resend-after=${options.resendAfter ?? 60}
      timeout="1000"
      base-url=${mock.baseUrl(options.scenario ?? 'ok')}
      status-url=${options.statusUrl ?? ''}
    ></stcpay-otp>
  `);
}

async function atCodeStep(mock: Mock, options: Options = {}) {
  const el = await checkout(mock, options);
  if (!options.statusUrl) el.removeAttribute('status-url');
  const sent = await el.send();
  await el.updateComplete;
  return { el, sent };
}

async function typeOtp(el: StcpayOtp, code: string) {
  const input = part(el, 'otp') as HTMLInputElement;
  input.focus();
  await sendKeys({ type: code });
}

/** Confirms `code` and waits for the payment to go unconfirmed. */
async function payUnconfirmed(el: StcpayOtp, code = TEST_OTPS.success) {
  await typeOtp(el, code);
  const unconfirmed = oneEvent(el, 'payment-unconfirmed');
  let rejected: unknown;
  const confirming = el.confirm().catch((e: unknown) => (rejected = e));
  const detail = (await unconfirmed).detail as PaymentUnconfirmedDetail;
  await confirming;
  await el.updateComplete;
  return { detail, rejected };
}

const requestsTo = async (mock: Mock, path: string) =>
  (await mock.requests()).filter((r) => r.path.endsWith(`/${path}`));

describe('<stcpay-otp> outcomes', () => {
  for (const lang of ['en', 'ar'] as const) {
    describe(`when processPayment's answer is lost (${lang})`, () => {
      for (const scenario of ['pay-lost-hang', 'pay-lost-reset', 'pay-lost-garbled'] as const)
        it(`${scenario}: goes unconfirmed, never "try again", and status-url resolves it to paid`, async () => {
          const mock = mockPaylink();
          const { el, sent } = await atCodeStep(mock, {
            scenario,
            lang,
            statusUrl: mock.statusUrl(),
          });
          let errors = 0;
          el.addEventListener('otp-error', () => errors++);
          const processed = oneEvent(el, 'payment-processed');
          const { detail } = await payUnconfirmed(el);
          const reason = { 'pay-lost-hang': 'timeout', 'pay-lost-reset': 'network' }[
            scenario as string
          ];
          expect(detail).to.include({ orderNumber: sent.orderNumber, total: 10 });
          expect(detail.reason).to.equal(reason ?? 'bad-response');
          expect(Object.isFrozen(detail)).to.equal(true);
          expect(el.getAttribute('state')).to.equal('unconfirmed');
          expect(text(el, 'unconfirmed')).to.equal(said(lang, 'paymentChecking'));
          expect(part(el, 'otp')).to.equal(null);

          const paid = (await processed).detail as PaymentProcessedDetail;
          expect(paid).to.deep.equal({
            orderNumber: sent.orderNumber,
            orderAmount: 10,
            msg: '',
            confirmedByStore: true,
          });
          await el.updateComplete;
          expect(el.getAttribute('state')).to.equal('paid');
          expect(text(el, 'paid')).to.equal(said(lang, 'paid', said(lang, 'amount', '10.00')));
          expect(errors).to.equal(0);
          expect(await requestsTo(mock, 'processPayment')).to.have.length(1);
          const [status] = await requestsTo(mock, 'payment-status');
          expect(status).to.include({
            method: 'GET',
            query: `?transactionNo=${sent.orderNumber}`,
          });
        });
    });

    it(`verifyPayment resolves a lost answer to paid (${lang})`, async () => {
      const mock = mockPaylink();
      const { el, sent } = await atCodeStep(mock, { scenario: 'pay-lost-reset', lang });
      const asked: string[] = [];
      el.verifyPayment = async (transactionNo) => {
        asked.push(transactionNo);
        return asked.length < 2 ? Promise.reject(new Error('not yet')) : 'paid';
      };
      const processed = oneEvent(el, 'payment-processed');
      await payUnconfirmed(el);
      const paid = (await processed).detail as PaymentProcessedDetail;
      expect(paid.confirmedByStore).to.equal(true);
      expect(asked).to.deep.equal([sent.orderNumber, sent.orderNumber]);
      expect(await requestsTo(mock, 'payment-status')).to.have.length(0);
    }).timeout(15000);

    it(`a payment that never reached Paylink resolves unpaid: back to the code, a new code one tap away (${lang})`, async () => {
      const mock = mockPaylink();
      const { el, sent } = await atCodeStep(mock, {
        scenario: 'pay-hang',
        lang,
        statusUrl: mock.statusUrl(),
      });
      await payUnconfirmed(el);
      await until(() => el.getAttribute('state') === 'sent');
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el, 'status')).to.equal(said(lang, 'paymentUnpaid'));
      const resend = part(el, 'resend') as HTMLButtonElement;
      expect(resend.disabled).to.equal(false);
      expect(resend.classList.contains('primary')).to.equal(true);
      expect((part(el, 'otp') as HTMLInputElement).value).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp'));

      el.baseUrl = mock.baseUrl('ok');
      const resent = oneEvent(el, 'otp-sent');
      resend.click();
      const fresh = (await resent).detail as OtpSentDetail;
      expect(fresh.paymentSessionId).not.to.equal(sent.paymentSessionId);
      await el.updateComplete;
      const processed = oneEvent(el, 'payment-processed');
      await typeOtp(el, TEST_OTPS.success);
      el.confirm().catch(() => {});
      expect((await processed).detail).to.include({ orderNumber: sent.orderNumber });
    });
  }

  it('Paylink saying "already paid" is unconfirmed too, and status-url resolves it', async () => {
    const mock = mockPaylink();
    const { el, sent } = await atCodeStep(mock, {
      scenario: 'pay-words-en',
      statusUrl: mock.statusUrl(),
    });
    // The same payment, made with this session elsewhere (another tab, an earlier lost answer).
    const paidElsewhere = await fetch('/rest/pay/stcpay/processPayment', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...sent, resent: undefined, stcpayPaymentOTP: TEST_OTPS.success }),
    });
    expect(paidElsewhere.status).to.equal(200);
    const processed = oneEvent(el, 'payment-processed');
    const { detail } = await payUnconfirmed(el);
    expect(detail).to.deep.equal({
      orderNumber: sent.orderNumber,
      total: 10,
      reason: 'already-paid',
      status: 400,
    });
    expect(((await processed).detail as PaymentProcessedDetail).confirmedByStore).to.equal(true);
  });

  it('a page reloaded after paying: the store says the order is paid, so it shows paid, no new code', async () => {
    // The demo store: a real invoice, and the server kit's proxy and payment-status route.
    const created = await fetch('/store/api/checkout', { method: 'POST' });
    const { transactionNo, amount } = (await created.json()) as {
      transactionNo: string;
      amount: number;
    };
    const store = (otherwise = '') =>
      fixture<StcpayOtp>(html`
        <stcpay-otp
          transaction-no=${transactionNo}
          total=${amount}
          mobile="0551234567"
          process-payment
          base-url="/paylink"
          status-url="/paylink/payment-status"
          data-x=${otherwise}
        ></stcpay-otp>
      `);
    const first = await store();
    await first.send();
    await first.updateComplete;
    await typeOtp(first, TEST_OTPS.success);
    await first.confirm();
    forgetTransactions(); // as a reload of the page would

    const again = await store('reloaded');
    const unconfirmed = oneEvent(again, 'payment-unconfirmed');
    const processed = oneEvent(again, 'payment-processed');
    let rejected: unknown;
    await again.send().catch((e: unknown) => (rejected = e));
    expect(rejected).to.have.property('refusal', 'already-paid');
    expect((await unconfirmed).detail).to.deep.equal({
      orderNumber: transactionNo,
      total: amount,
      reason: 'already-paid',
      status: 409,
    });
    expect((await processed).detail).to.include({ confirmedByStore: true });
    await again.updateComplete;
    expect(again.getAttribute('state')).to.equal('paid');
  });

  /**
   * A demo store's order whose payment (with `process-payment`, the slow code) is under way in
   * another page: the store's ledger has it in flight when this resolves.
   */
  async function paymentUnderWay() {
    const created = await fetch('/store/api/checkout', { method: 'POST' });
    const { transactionNo, amount } = (await created.json()) as {
      transactionNo: string;
      amount: number;
    };
    const checkout = (attributes: { processPayment: boolean; reloaded?: boolean }) =>
      fixture<StcpayOtp>(html`
        <stcpay-otp
          transaction-no=${transactionNo}
          total=${amount}
          mobile="0551234567"
          ?process-payment=${attributes.processPayment}
          base-url="/paylink"
          status-url="/paylink/payment-status"
          data-x=${attributes.reloaded ? 'reloaded' : ''}
        ></stcpay-otp>
      `);
    const first = await checkout({ processPayment: true });
    await first.send();
    await first.updateComplete;
    // The slow code: Paylink takes SLOW_PAYMENT_MS to pay, and the page is reloaded meanwhile.
    await typeOtp(first, TEST_OTPS.slow);
    const paying = first.confirm();
    const status = async () =>
      (
        (await (await fetch(`/paylink/payment-status?transactionNo=${transactionNo}`)).json()) as {
          status: string;
        }
      ).status;
    await until(async () => (await status()) === 'pending');
    forgetTransactions(); // as a reload of the page would
    return { transactionNo, amount, paying, checkout };
  }

  it('a page reloaded while its payment is under way: no new code, it waits for the store to say paid', async function () {
    this.timeout(20_000);
    const { transactionNo, amount, paying, checkout } = await paymentUnderWay();
    const again = await checkout({ processPayment: true, reloaded: true });
    const unconfirmed = oneEvent(again, 'payment-unconfirmed');
    const processed = oneEvent(again, 'payment-processed');
    const errors: unknown[] = [];
    again.addEventListener('otp-error', (event) => errors.push(event.detail));
    let rejected: unknown;
    await again.send().catch((e: unknown) => (rejected = e));
    expect(rejected).to.include({ code: 'http', status: 409 });
    expect((await unconfirmed).detail).to.deep.equal({
      orderNumber: transactionNo,
      total: amount,
      reason: 'in-progress',
      status: 409,
    });
    await again.updateComplete;
    expect(again.state).to.equal('unconfirmed');
    expect(text(again, 'unconfirmed')).to.equal(said('en', 'paymentChecking'));
    await paying;
    expect((await processed).detail).to.include({ confirmedByStore: true });
    await again.updateComplete;
    expect(again.getAttribute('state')).to.equal('paid');
    // Not an error: nothing to retry, nothing announced as one.
    expect(errors).to.deep.equal([]);
  });

  it('without process-payment, a payment under way elsewhere is an error to the page, not unconfirmed', async function () {
    this.timeout(20_000);
    const { paying, checkout } = await paymentUnderWay();
    const again = await checkout({ processPayment: false, reloaded: true });
    const error = oneEvent(again, 'otp-error');
    let unconfirmed = false;
    again.addEventListener('payment-unconfirmed', () => (unconfirmed = true));
    await again.send().catch(() => {});
    expect((await error).detail).to.include({ code: 'http', status: 409 });
    await again.updateComplete;
    expect(again.state).to.equal('error');
    expect(unconfirmed).to.equal(false);
    await paying;
  });

  it('with no answer from the store, says so in shopper words and stays unconfirmed', async () => {
    const mock = mockPaylink();
    const { el } = await atCodeStep(mock, {
      scenario: 'pay-lost-garbled',
      statusUrl: mock.statusUrl('status-error'),
    });
    await payUnconfirmed(el);
    await until(async () => (await requestsTo(mock, 'payment-status')).length === 3, 12000);
    await until(() => text(el, 'unconfirmed') === said('en', 'paymentUnconfirmed'));
    await pause(200);
    expect(el.getAttribute('state')).to.equal('unconfirmed');
    expect(await requestsTo(mock, 'payment-status')).to.have.length(3);
    for (const call of [() => el.send(), () => el.confirm()]) {
      let refused: unknown;
      await call().catch((e: unknown) => (refused = e));
      expect(refused).to.have.property('name', 'InvalidStateError');
    }
    expect(() => el.reset()).to.throw(DOMException);
    // The host can still settle it once its server knows.
    el.resolvePayment('paid');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('paid');
  }).timeout(20000);

  describe('without status-url or verifyPayment', () => {
    it('the state and the event are all it does; resolvePayment settles it either way', async () => {
      const mock = mockPaylink();
      const { el } = await atCodeStep(mock, { scenario: 'pay-lost-hang' });
      await payUnconfirmed(el);
      expect(text(el, 'unconfirmed')).to.equal(said('en', 'paymentChecking'));
      await pause(300);
      expect(el.getAttribute('state')).to.equal('unconfirmed');

      expect(() => el.resolvePayment('maybe' as 'paid')).to.throw(TypeError);
      el.resolvePayment('unpaid');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('sent');
      expect(text(el, 'status')).to.equal(said('en', 'paymentUnpaid'));
      expect(() => el.resolvePayment('paid')).to.throw(DOMException);
    });
  });

  describe('payments in flight', () => {
    it('refuses reset() while verifying', async () => {
      const mock = mockPaylink();
      const { el } = await atCodeStep(mock, { scenario: 'pay-slow' });
      el.timeout = 5000;
      await typeOtp(el, TEST_OTPS.success);
      const paying = el.confirm();
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('verifying');
      let thrown: unknown;
      try {
        el.reset();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.have.property('name', 'InvalidStateError');
      expect((await paying)?.orderAmount).to.equal(10);
    });

    it('leaves a payment unconfirmed when the element is removed mid-payment, for every element on the page', async () => {
      const mock = mockPaylink();
      const transactionNo = newTransaction();
      const { el } = await atCodeStep(mock, { scenario: 'pay-hang', transactionNo });
      await typeOtp(el, TEST_OTPS.success);
      const unconfirmed = oneEvent(el, 'payment-unconfirmed');
      const paying = el.confirm().catch((e: unknown) => e);
      await until(async () => (await requestsTo(mock, 'processPayment')).length === 1);
      el.remove();
      expect((await unconfirmed).detail).to.include({
        reason: 'removed',
        orderNumber: transactionNo,
      });
      expect(await paying).to.have.property('name', 'AbortError');
      expect(el.getAttribute('state')).to.equal('unconfirmed');

      const other = await checkout(mock, { transactionNo });
      let refused: unknown;
      await other.send().catch((e: unknown) => (refused = e));
      expect(refused).to.have.property('name', 'InvalidStateError');
      expect(await requestsTo(mock, 'sendOtp')).to.have.length(1);
    });

    it('never pays a transaction paid on this page again, by the same element or another', async () => {
      const mock = mockPaylink();
      const transactionNo = newTransaction();
      const { el } = await atCodeStep(mock, { transactionNo });
      await typeOtp(el, TEST_OTPS.success);
      await el.confirm();
      let refused: unknown;
      el.reset();
      await el.send().catch((e: unknown) => (refused = e));
      expect(refused).to.have.property('name', 'InvalidStateError');
      const other = await checkout(mock, { transactionNo });
      refused = undefined;
      await other.send().catch((e: unknown) => (refused = e));
      expect(refused).to.have.property('name', 'InvalidStateError');
      expect(await requestsTo(mock, 'sendOtp')).to.have.length(1);
      expect(await requestsTo(mock, 'processPayment')).to.have.length(1);
    });
  });

  it('refuses a status-url that breaks the base-url rules before paying', async () => {
    const mock = mockPaylink();
    const { el } = await atCodeStep(mock, { statusUrl: 'http://example.com/status' });
    await typeOtp(el, TEST_OTPS.success);
    const error = oneEvent(el, 'otp-error');
    el.confirm().catch(() => {});
    expect((await error).detail).to.include({ code: 'validation', field: 'statusUrl' });
    expect(await requestsTo(mock, 'processPayment')).to.have.length(0);
  });
});
