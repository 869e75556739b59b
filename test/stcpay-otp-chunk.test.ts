/**
 * The built module as a storefront loads it, dist/stcpay-otp.js, and the code step it loads
 * after its first render, dist/stcpay-otp-code.js: served from a path of each test's own
 * (test/server/chunk-fault.js), in a page of its own (an iframe), so that a code step held back
 * or failing is this test's alone. Sends go to the local mock Paylink over real HTTP.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { OtpErrorDetail } from '../src/core/events.js';
import { clickAndSettle, hasPart, part, stateOf, visibleError } from './helpers/harness.js';
import { mockPaylink, pause, TEST_OTPS, until } from './helpers/mock.js';
import { said, saidForRefusal } from './helpers/shopper-words.js';

type Mode = 'ok' | 'fail' | 'hold';

/** A shopper's page with the built module, and the code step's file under the test's control. */
async function shopperPage() {
  const id = crypto.randomUUID();
  const base = `/chunk-fault/${id}`;
  const frame = document.createElement('iframe');
  frame.src = `${base}/page.html`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('stcpay-otp');
  return {
    /** The code step's file answers as `mode` says from now on; held answers go out now. */
    set: (mode: Mode) => fetch(`${base}?mode=${mode}`, { method: 'POST' }),
    /** The requests for the code step's file so far. */
    codeStepRequests: async () =>
      (await (await fetch(`${base}/log`)).json()) as {
        url: string;
        at: number;
        status: number | null;
      }[],
    /** A checkout in the page with a Saudi number typed in, talking to `baseUrl`. */
    async checkout(baseUrl: string, attributes: Record<string, string> = {}) {
      const el = win.document.createElement('stcpay-otp') as HTMLElement & {
        updateComplete: Promise<boolean>;
      };
      const all = {
        'transaction-no': `T${crypto.randomUUID().slice(0, 8)}`,
        total: '10',
        mobile: '0551234567',
        'base-url': baseUrl,
        ...attributes,
      };
      for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
      win.document.body.append(el);
      await el.updateComplete;
      return el;
    },
    remove: () => frame.remove(),
  };
}

/**
 * An order of the demo store, paid already: an invoice made and paid through the store's own
 * routes (the server kit's proxy in front of the mock Paylink), as another tab would have.
 */
async function paidOrder() {
  const created = await fetch('/store/api/checkout', { method: 'POST' });
  const { transactionNo, amount } = (await created.json()) as {
    transactionNo: string;
    amount: number;
  };
  const post = async (path: string, body: object) => {
    const response = await fetch(`/paylink/rest/pay/stcpay/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, path).to.equal(200);
    return response.json();
  };
  const order = {
    stcpayMobile: '551234567',
    stcpayMobileCountryCode: '966',
    orderNumber: transactionNo,
    total: amount,
  };
  const { paymentSessionId, signature, signedBase64Data } = await post('sendOtp', order);
  await post('processPayment', {
    ...order,
    stcpayPaymentOTP: TEST_OTPS.success,
    paymentSessionId,
    signature,
    signedBase64Data,
  });
  return { transactionNo, amount };
}

describe('dist/stcpay-otp.js and its code step', () => {
  let page: Awaited<ReturnType<typeof shopperPage>> | undefined;
  afterEach(async () => {
    await page?.set('ok'); // nothing left held
    page?.remove();
    page = undefined;
  });

  it('renders the number step before its code step has loaded', async () => {
    page = await shopperPage();
    await page.set('hold');
    const el = await page.checkout(mockPaylink().baseUrl(), { 'collect-otp': '' });
    expect(hasPart(el, 'mobile')).to.equal(true);
    expect(part(el, 'submit').textContent!.trim()).to.equal(
      said('en', 'pay', said('en', 'amount', '10.00')),
    );
    // Asked for after the first render (at idle, here: within 2 s, however busy the page), and
    // not yet answered.
    await until(async () => (await page!.codeStepRequests()).length === 1, 8000);
    expect((await page.codeStepRequests())[0].status).to.equal(null);
  });

  it('without collect-otp never loads the code step, even after a code is sent', async () => {
    page = await shopperPage();
    const mock = mockPaylink();
    const el = await page.checkout(mock.baseUrl());
    part(el, 'mobile').focus();
    const { ok } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(ok?.stcpayMobile).to.equal('551234567');
    await pause(2200); // past the latest idle time (2 s) at which a code-taking element loads it
    expect(await page.codeStepRequests()).to.deep.equal([]);
    expect(await mock.requests()).to.have.length(1);
  });

  it('asks for the code step before sendOtp leaves, and sends once it is there', async () => {
    page = await shopperPage();
    await page.set('hold');
    const mock = mockPaylink();
    const el = await page.checkout(mock.baseUrl(), { 'process-payment': '' });
    const sent = clickAndSettle(el, 'submit', 'otp-sent');
    await el.updateComplete;
    expect(stateOf(el)).to.equal('sending');
    await until(async () => (await page!.codeStepRequests()).length > 0);
    await pause(300);
    // The code step is held back: no SMS has been asked for, so none can reach the shopper
    // before the page can take its code.
    expect(await mock.requests()).to.deep.equal([]);
    await page.set('ok');
    const { ok } = await sent;
    expect(ok?.paymentSessionId).to.be.a('string');
    const requests = await mock.requests();
    expect(requests).to.have.length(1);
    expect(requests[0].path).to.match(/\/sendOtp$/);
    await el.updateComplete;
    expect(hasPart(el, 'otp')).to.equal(true);
    expect(part(el, 'confirm').textContent!.trim()).to.equal(said('en', 'confirmPayment'));
  });

  it('when the code step cannot load: no SMS, a network error shown; the next try loads it', async () => {
    page = await shopperPage();
    await page.set('fail');
    const mock = mockPaylink();
    const el = await page.checkout(mock.baseUrl(), { 'collect-otp': '' });
    const { error } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(error).to.deep.equal({
      code: 'network',
      message: said('en', 'network'),
      retryable: true,
    } satisfies OtpErrorDetail);
    await el.updateComplete;
    expect(visibleError(el)).to.equal(said('en', 'network'));
    expect(stateOf(el)).to.equal('error');
    expect(part(el, 'submit').getAttribute('aria-disabled')).to.equal('false');
    expect(await mock.requests(), 'no sendOtp without the code step').to.deep.equal([]);
    const failed = (await page.codeStepRequests()).length;
    expect(failed).to.be.at.least(1);

    await page.set('ok');
    const { ok } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(ok?.paymentSessionId).to.be.a('string');
    const loads = await page.codeStepRequests();
    expect(loads.length, 'asked for again').to.be.above(failed);
    expect(loads.at(-1)!.status).to.equal(200);
    expect(await mock.requests()).to.have.length(1);
    await el.updateComplete;
    expect(hasPart(el, 'otp')).to.equal(true);
  });

  it('without collect-otp, loads the outcome handling when Paylink says the order is paid', async () => {
    page = await shopperPage();
    const { transactionNo, amount } = await paidOrder();
    const el = await page.checkout('/paylink', {
      'transaction-no': transactionNo,
      total: String(amount),
      'status-url': '/paylink/payment-status',
    });
    const unconfirmed = oneEvent(el, 'payment-unconfirmed');
    const processed = oneEvent(el, 'payment-processed');
    part(el, 'submit').click();
    expect((await unconfirmed).detail).to.include({
      orderNumber: transactionNo,
      reason: 'already-paid',
    });
    expect((await processed).detail).to.include({ confirmedByStore: true });
    await el.updateComplete;
    expect(stateOf(el)).to.equal('paid');
    expect(await page.codeStepRequests()).to.have.length(1);
  });

  it('without collect-otp, and no outcome handling to load: the refusal is shown and dispatched', async () => {
    page = await shopperPage();
    await page.set('fail');
    const { transactionNo, amount } = await paidOrder();
    const el = await page.checkout('/paylink', {
      'transaction-no': transactionNo,
      total: String(amount),
    });
    const { error } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(error).to.include({ code: 'http', message: saidForRefusal('en', 'already-paid') });
    await el.updateComplete;
    expect(visibleError(el)).to.equal(saidForRefusal('en', 'already-paid'));
    expect(stateOf(el)).to.equal('error');
  });
});
