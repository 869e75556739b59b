/**
 * The built bundle on a merchant's page under a strict Content Security Policy, sent as an
 * HTTP header (test/server/csp-page.js). The page runs in an iframe; a customer types into it.
 * Every `securitypolicyviolation` event, error and console message of the page is recorded,
 * in the page (`/csp/watch.js`) and by the browser's driver (`console-watch`: the DevTools
 * protocol in Chromium, WebDriver BiDi in Firefox). WebKit's WebDriver cannot read the console:
 * there the page's own record is what the tests check.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { engine } from './engine.js';
import { part } from './helpers/dom.js';
import { mockPaylink, TEST_OTPS, until, partnerToken } from './helpers/mock.js';

/** The policy, word for word: what a strict merchant sends. */
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'";

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
interface ConsoleEntry {
  source: string;
  level: string;
  text: string;
  url?: string;
}
interface CspWindow extends Window {
  cspReport: { violations: Violation[]; errors: string[] };
}

interface Options {
  policy: string;
  /** Which element the page holds; <stcpay-otp> unless said. */
  element?: string;
  copies?: number;
  legacyStyles?: boolean;
  litNonce?: boolean;
}

const frames: HTMLIFrameElement[] = [];
afterEach(async () => {
  frames.splice(0).forEach((frame) => frame.remove());
  await executeServerCommand('console-watch', { action: 'stop' });
});

/** Opens the checkout page in an iframe and waits until it has loaded. */
async function openCheckout(options: Options) {
  const mock = mockPaylink();
  const params = new URLSearchParams({
    policy: options.policy,
    element: options.element ?? 'stcpay-otp',
    tenant: mockTenant(mock),
    copies: String(options.copies ?? 1),
  });
  if (options.legacyStyles) params.set('legacy-styles', '');
  if (options.litNonce) params.set('lit-nonce', '');
  await executeServerCommand('console-watch', { action: 'start' });
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 480px; height: 400px; border: 0';
  frames.push(frame);
  const loaded = oneEvent(frame, 'load');
  frame.src = `/csp/page.html?${params}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis & CspWindow;
  // Module scripts run after load in some orders of events: wait for the bundle's verdict.
  const tag = options.element ?? 'stcpay-otp';
  await until(() => win.customElements.get(tag) !== undefined || win.cspReport.errors.length > 0);
  const el = win.document.querySelector(tag)!;
  return { mock, win, el };
}

function mockTenant(mock: ReturnType<typeof mockPaylink>): string {
  return new URL(mock.baseUrl()).pathname.split('/')[2];
}

type Flow = (el: Element & { updateComplete?: Promise<boolean> }) => Promise<void>;

/** A customer pays: types the number, sends, types the code, confirms; the element says paid. */
const payAsACustomer: Flow = async (el) => {
  part(el, 'mobile').focus();
  await sendKeys({ type: '055 123 4567' });
  const sent = oneEvent(el, 'otp-sent');
  await sendKeys({ press: 'Enter' });
  await sent;
  await el.updateComplete;
  part(el, 'otp').focus();
  await sendKeys({ type: TEST_OTPS.success });
  const paid = oneEvent(el, 'payment-processed');
  await sendKeys({ press: 'Enter' });
  await paid;
  await el.updateComplete;
  expect(el.getAttribute('state')).to.equal('paid');
  expect(part(el, 'paid').textContent!.trim()).to.equal(
    'Payment of SAR\u00a010.00 complete. Thank you!',
  );
};

/** A merchant registering: the partner page gives a token, the merchant types the SMS code. */
const validateAsAMerchant: Flow = async (el) => {
  (el as Element & { token?: string }).token = await partnerToken();
  part(el, 'otp').focus();
  await sendKeys({ type: '7615' });
  const validated = oneEvent(el, 'mobile-validated');
  await sendKeys({ press: 'Enter' });
  expect((await validated).detail.licenseName).to.equal('Example Company');
  await el.updateComplete;
  expect(el.getAttribute('state')).to.equal('validated');
};

/**
 * Each element of the package, with the whole of what a customer does with it and the requests
 * that makes. A new element adds a line (and its markup in test/server/csp-page.js).
 */
const FLOWS: ReadonlyArray<{ tag: string; flow: Flow; endpoints: string[] }> = [
  {
    tag: 'stcpay-otp',
    flow: payAsACustomer,
    endpoints: ['/rest/pay/stcpay/sendOtp', '/rest/pay/stcpay/processPayment'],
  },
  {
    tag: 'paylink-validate-mobile',
    flow: validateAsAMerchant,
    endpoints: ['/api/partner/register/validate-otp'],
  },
];

/**
 * What the page and the browser reported: violations, page errors, console errors and warnings
 * (null where the browser's driver cannot read its console).
 */
async function report(win: CspWindow) {
  const entries = (await executeServerCommand('console-watch', { action: 'stop' })) as
    ConsoleEntry[] | false;
  return {
    violations: win.cspReport.violations,
    pageErrors: win.cspReport.errors,
    console: entries
      ? entries.filter((entry) => entry.level === 'error' || entry.level === 'warning')
      : null,
  };
}

/** Nothing reported; the console as empty as the driver can tell. */
async function expectClean(win: CspWindow) {
  const { console, ...page } = await report(win);
  expect(page).to.deep.equal({ violations: [], pageErrors: [] });
  if (console) expect(console).to.deep.equal([]);
}

/** The accent colour on the send button proves the element's styles were applied. */
function expectStyled(el: Element) {
  expect(getComputedStyle(part(el, 'submit')).backgroundColor).to.equal('rgb(79, 0, 140)');
}

describe('the elements under a strict Content Security Policy', () => {
  for (const { tag, flow, endpoints } of FLOWS)
    it(`runs the whole flow of <${tag}> under "${STRICT}" with no violation and no console error`, async () => {
      const { mock, win, el } = await openCheckout({ policy: STRICT, element: tag });
      expectStyled(el);
      // Lit's styles go in as a constructed stylesheet, which style-src does not govern.
      expect(el.shadowRoot!.adoptedStyleSheets).to.have.length(1);
      expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
      await flow(el);

      const requests = await mock.requests();
      const prefix = `/mock/${mockTenant(mock)}/ok`;
      expect(requests.map((request) => request.path)).to.deep.equal(
        endpoints.map((path) => prefix + path),
      );
      await expectClean(win);
    });

  it('really enforces Trusted Types on that page: a plain string into innerHTML is refused and reported', async () => {
    const { win } = await openCheckout({ policy: STRICT });
    const div = win.document.createElement('div');
    // A TypeError, worded (and, in Firefox, made in the caller's realm) each engine its own way.
    expect(() => (div.innerHTML = '<b>x</b>'))
      .to.throw()
      .with.property('name', 'TypeError');
    expect(div.innerHTML).to.equal('');
    const { violations, console } = await report(win);
    expect(violations).to.deep.equal([
      {
        directive: 'require-trusted-types-for',
        blocked: 'trusted-types-sink',
        sample: 'Element innerHTML|<b>x</b>',
      },
    ]);
    // Chromium says so in the console too; Firefox only throws, as asserted above.
    if (console && engine === 'chromium')
      expect(console.map((entry) => entry.level)).to.include('error');
  });

  describe('when the policy also lists Trusted Types policy names (trusted-types)', () => {
    it("fails without lit-html: Lit's policy is refused and the element never registers", async () => {
      const { win } = await openCheckout({ policy: `${STRICT}; trusted-types 'none'` });
      expect(win.customElements.get('stcpay-otp')).to.equal(undefined);
      const { violations, pageErrors, console } = await report(win);
      expect(violations).to.deep.equal([
        { directive: 'trusted-types', blocked: 'trusted-types-policy', sample: 'lit-html' },
      ]);
      expect(pageErrors.join()).to.contain('lit-html');
      // Chromium says so in the console too; Firefox only throws, which pageErrors shows.
      if (console && engine === 'chromium')
        expect(console.map((entry) => entry.text).join('\n')).to.contain(
          "Creating a TrustedTypePolicy named 'lit-html'",
        );
    });

    it("runs the whole flow with trusted-types lit-html 'allow-duplicates', even with the bundle loaded twice", async () => {
      // With the rest of a strict set too: the forms never submit, so form-action 'none' holds.
      const policy =
        `${STRICT}; trusted-types lit-html 'allow-duplicates'; ` +
        "form-action 'none'; base-uri 'none'; object-src 'none'";
      const { win, el } = await openCheckout({ policy, copies: 2 });
      await payAsACustomer(el);
      await expectClean(win);
    });

    it("needs 'allow-duplicates' once a second copy of Lit is on the page", async () => {
      const { win } = await openCheckout({
        policy: `${STRICT}; trusted-types lit-html`,
        copies: 2,
      });
      await until(() => win.cspReport.violations.length > 0);
      const { violations } = await report(win);
      expect(violations).to.deep.equal([
        { directive: 'trusted-types', blocked: 'trusted-types-policy', sample: 'lit-html' },
      ]);
    });
  });

  describe('in a browser without constructable stylesheets', () => {
    it("has its <style> refused by style-src 'self' alone", async () => {
      const { win, el } = await openCheckout({ policy: STRICT, legacyStyles: true });
      await until(() => win.cspReport.violations.length > 0);
      expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(1);
      expect(getComputedStyle(part(el, 'submit')).backgroundColor).not.to.equal('rgb(79, 0, 140)');
      const { violations } = await report(win);
      expect(violations.map((violation) => violation.directive)).to.deep.equal(['style-src-elem']);
    });

    it('is styled and clean with a nonce in style-src and window.litNonce set to it', async () => {
      const policy = STRICT.replace("style-src 'self'", "style-src 'self' 'nonce-{nonce}'");
      const { win, el } = await openCheckout({ policy, legacyStyles: true, litNonce: true });
      expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(1);
      expectStyled(el);
      await payAsACustomer(el);
      await expectClean(win);
    });
  });
});
