/**
 * The built module as a storefront loads it, dist/stcpay-otp.js, and the code step it loads
 * after its first render, dist/stcpay-otp-code.js: served from a path of each test's own
 * (test/server/chunk-fault.js), in a page of its own (an iframe), so that a code step held back
 * or failing is this test's alone. Sends go to the local mock Paylink over real HTTP.
 */
import { expect } from '@open-wc/testing';
import type { OtpErrorDetail } from '../src/core/events.js';
import { clickAndSettle, hasPart, part, stateOf, visibleError } from './helpers/harness.js';
import { mockPaylink, pause, until } from './helpers/mock.js';
import { said } from './helpers/shopper-words.js';

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
    // Asked for after the first render (at idle, here), and not yet answered.
    await until(async () => (await page!.codeStepRequests()).length === 1);
    expect((await page.codeStepRequests())[0].status).to.equal(null);
  });

  it('without collect-otp never loads the code step, even after a code is sent', async () => {
    page = await shopperPage();
    const mock = mockPaylink();
    const el = await page.checkout(mock.baseUrl());
    part(el, 'mobile').focus();
    const { ok } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(ok?.stcpayMobile).to.equal('551234567');
    await pause(500); // past the idle time at which a code-taking element loads it
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
});
