/**
 * The one transport under both elements: where a request may go (base-url parsed as fetch
 * parses it), how long it may take (timeout), and that it never follows a redirect. Checked on
 * the functions and on what each element sends and shows.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import '../src/define-partner.js';
import type { OtpErrorDetail } from '../src/core/errors.js';
import { PaylinkError } from '../src/core/errors.js';
import {
  checkEndpointUrl,
  endpointUrl,
  httpErrorReason,
  MAX_TIMEOUT,
  type RequestOptions,
} from '../src/core/transport.js';
import { sendOtp, STCPAY_ORIGINS } from '../src/checkout/stcpay-client.js';
import { validateOtp } from '../src/partner/partner-client.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { forgetTransactions } from '../src/checkout/transactions.js';
import type { PaylinkValidateMobile } from '../src/partner/paylink-validate-mobile.js';
import {
  DOCS_EXAMPLE,
  mockPaylink,
  PARTNER_EXAMPLE_SESSION,
  PARTNER_OTPS,
  partnerToken,
  rejection,
  TOO_MANY_RETRY_AFTER,
  type Scenario,
} from './helpers/mock.js';
import { validateMobileFor } from './helpers/harness.js';

const PAGE = 'http://localhost:8000/checkout/';
const url = (options: RequestOptions) => endpointUrl('/x', options, STCPAY_ORIGINS, PAGE);
const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** A checkout ready to send, with `attrs` on top; clicks send and waits for otp-error. */
async function checkoutError(
  attrs: { baseUrl?: string; timeout?: string; environment?: string },
  lang = 'en',
) {
  const el = await fixture<StcpayOtp>(html`
    <stcpay-otp
      transaction-no="1679123751896"
      total="10"
      mobile="0551234567"
      lang=${lang}
    ></stcpay-otp>
  `);
  if (attrs.baseUrl !== undefined) el.setAttribute('base-url', attrs.baseUrl);
  if (attrs.timeout !== undefined) el.setAttribute('timeout', attrs.timeout);
  if (attrs.environment !== undefined) el.setAttribute('environment', attrs.environment);
  await el.updateComplete;
  const failed = oneEvent(el, 'otp-error');
  part(el, 'submit').click();
  const detail = (await failed).detail as OtpErrorDetail;
  await el.updateComplete;
  return { el, detail, shown: part(el, 'error').textContent!.trim() };
}

describe('transport', () => {
  // The checkouts here share one transaction number, and codes for one transaction are spaced
  // page-wide: each test as on a fresh page.
  afterEach(() => forgetTransactions());

  describe('base-url, parsed exactly as fetch parses it', () => {
    it('refuses what only looks safe before the URL parser strips tabs and line feeds', () => {
      const refused = [
        'https://shop.example/x/.\t./ok',
        'https://shop.example/x/.\n./ok',
        'https://shop.example/x/%2e\t%2e/ok',
        'https://shop.example/x/%2E\r%2e',
        '/x/.\t./ok',
        'https://shop.example/paylink?', // an empty query or fragment is still one
        'https://shop.example/paylink#',
        'http://:@localhost:8000/', // empty credentials are still credentials
        'https://@shop.example/',
        'ht\ttps://shop.example@evil.example/',
        '',
        '   ',
        '\t',
        '\u0000\u001f ../x', // leading controls and spaces go first, as the parser drops them
      ];
      for (const baseUrl of refused) {
        expect(checkEndpointUrl(baseUrl, PAGE), JSON.stringify(baseUrl)).to.equal(null);
        expect(() => url({ baseUrl }), JSON.stringify(baseUrl))
          .to.throw(PaylinkError)
          .with.property('field', 'baseUrl');
      }
    });

    it('still takes ordinary base URLs, with or without a trailing slash', () => {
      expect(url({ baseUrl: ' https://shop.example/paylink/ ' })).to.equal(
        'https://shop.example/paylink/x',
      );
      expect(url({ baseUrl: '\u0000\u001f https://shop.example/paylink/\u0007 ' })).to.equal(
        'https://shop.example/paylink/x',
      );
      expect(url({ baseUrl: '/paylink' })).to.equal('http://localhost:8000/paylink/x');
      expect(url({ baseUrl: 'https://shop.example/a.b/..c/' })).to.equal(
        'https://shop.example/a.b/..c/x',
      );
    });

    it('treats an unset base-url (undefined or null) as unset, and an empty one as an error', () => {
      expect(url({})).to.equal('https://order.paylink.sa/x');
      expect(url({ baseUrl: null as never })).to.equal('https://order.paylink.sa/x');
      expect(() => url({ baseUrl: '' }))
        .to.throw(PaylinkError)
        .with.property('field', 'baseUrl');
    });

    it('refuses an unknown environment even when a base-url is set', () => {
      const environment = 'staging' as never;
      expect(() => url({ environment, baseUrl: 'https://shop.example' }))
        .to.throw(PaylinkError)
        .with.property('field', 'environment');
      expect(() => url({ environment: 'constructor' as never }))
        .to.throw(PaylinkError)
        .with.property('field', 'environment');
    });

    it('gives the same check for any other endpoint URL (a status-url)', () => {
      expect(checkEndpointUrl('https://shop.example/payment-status', PAGE)?.href).to.equal(
        'https://shop.example/payment-status',
      );
      expect(checkEndpointUrl('/payment-status', PAGE)?.href).to.equal(
        'http://localhost:8000/payment-status',
      );
      for (const bad of ['http://shop.example/s', '/s?x=1', 'javascript:alert(1)', '', undefined])
        expect(checkEndpointUrl(bad, PAGE), String(bad)).to.equal(null);
    });
  });

  describe('timeout', () => {
    const invalid = [0, -1, Infinity, -Infinity, NaN, 3_000_000_000, MAX_TIMEOUT + 1];
    for (const timeout of invalid)
      it(`refuses timeout=${timeout} as a validation error on timeout, sending nothing`, async () => {
        const mock = mockPaylink();
        const error = await rejection(
          sendOtp(DOCS_EXAMPLE.request, { baseUrl: mock.baseUrl('ok'), timeout }),
        );
        expect(error).to.be.instanceOf(PaylinkError).and.include({
          code: 'validation',
          field: 'timeout',
        });
        expect(await mock.requests()).to.have.length(0);
      });

    it(`takes ${MAX_TIMEOUT} ms, and no timeout at all (the default)`, async () => {
      const mock = mockPaylink();
      await sendOtp(DOCS_EXAMPLE.request, { baseUrl: mock.baseUrl('ok'), timeout: MAX_TIMEOUT });
      await sendOtp(DOCS_EXAMPLE.request, { baseUrl: mock.baseUrl('ok') });
      expect(await mock.requests()).to.have.length(2);
    });
  });

  describe('Retry-After', () => {
    it('reads seconds into retryAfter; a date, nothing or 0 gives none', () => {
      const retryAfter = (header: string | null) =>
        (httpErrorReason(429, '', header) as { retryAfter?: number }).retryAfter;
      expect(retryAfter('900')).to.equal(900);
      expect(retryAfter(' 30 ')).to.equal(30);
      expect(retryAfter('2.5')).to.equal(3);
      expect(retryAfter('Wed, 21 Oct 2026 07:28:00 GMT')).to.equal(undefined);
      expect(retryAfter('0')).to.equal(undefined);
      expect(retryAfter(null)).to.equal(undefined);
    });

    it("sendOtp: a 429's Retry-After reaches the error's reason", async () => {
      const mock = mockPaylink();
      const error = await rejection(
        sendOtp(DOCS_EXAMPLE.request, { baseUrl: mock.baseUrl('too-many') }),
      );
      expect(error).to.be.instanceOf(PaylinkError);
      expect((error as PaylinkError).reason).to.include({
        code: 'http',
        status: 429,
        retryAfter: TOO_MANY_RETRY_AFTER,
      });
    });
  });

  describe('redirects', () => {
    const cases: Array<[string, Scenario, (base: string) => Promise<unknown>]> = [
      ['sendOtp', 'redirect', (baseUrl) => sendOtp(DOCS_EXAMPLE.request, { baseUrl })],
      [
        'validate-otp',
        'redirect',
        async (baseUrl) =>
          validateOtp(
            { ...PARTNER_EXAMPLE_SESSION, otp: PARTNER_OTPS.success },
            { baseUrl, token: await partnerToken() },
          ),
      ],
    ];
    for (const [name, scenario, send] of cases)
      it(`${name}: a 307 is an error (bad-response), and nothing reaches where it points`, async () => {
        const mock = mockPaylink();
        const error = await rejection(send(mock.baseUrl(scenario)));
        expect(error).to.be.instanceOf(PaylinkError).and.include({ code: 'bad-response' });
        const paths = (await mock.requests()).map((r) => r.path);
        expect(paths).to.have.length(1);
        expect(paths.join()).not.to.contain('/offsite/');
      });
  });

  describe('<stcpay-otp>', () => {
    it('says base-url="" is a setup error, in English and Arabic, and sends nothing', async () => {
      for (const lang of ['en', 'ar']) {
        const { detail, shown } = await checkoutError({ baseUrl: '' }, lang);
        expect(detail).to.include({ code: 'validation', field: 'baseUrl' });
        expect(shown).to.equal(detail.message);
        expect(shown).to.contain(lang === 'ar' ? 'عنوان خادم الدفع' : 'payment server address');
      }
    });

    it('says an unknown environment is a setup error even with a base-url', async () => {
      const mock = mockPaylink();
      const { detail } = await checkoutError({
        baseUrl: mock.baseUrl('ok'),
        environment: 'staging',
      });
      expect(detail).to.include({ code: 'validation', field: 'environment' });
      expect(await mock.requests()).to.have.length(0);
    });

    for (const timeout of ['Infinity', '3000000000', '0', 'soon'])
      it(`says timeout="${timeout}" is a setup error and sends nothing`, async () => {
        const mock = mockPaylink();
        for (const lang of ['en', 'ar']) {
          const { detail, shown } = await checkoutError(
            { baseUrl: mock.baseUrl('hang'), timeout },
            lang,
          );
          expect(detail).to.include({ code: 'validation', field: 'timeout', retryable: false });
          expect(shown).to.equal(detail.message);
          expect(shown).not.to.match(/Infinity|within/);
        }
        expect(await mock.requests()).to.have.length(0);
      });

    it('shows nothing of an stcpayMobile that is not a number: bad-response', async () => {
      const mock = mockPaylink();
      const { el, detail, shown } = await checkoutError({ baseUrl: mock.baseUrl('odd-mobile') });
      expect(detail.code).to.equal('bad-response');
      expect(shown).to.equal(detail.message);
      expect(el.shadowRoot!.textContent).not.to.contain('CALL');
      expect(el.state).to.equal('error');
    });

    it('does not follow a redirect from its base-url: an error, and nothing sent onwards', async () => {
      const mock = mockPaylink();
      const { detail } = await checkoutError({ baseUrl: mock.baseUrl('redirect') });
      expect(detail.code).to.equal('bad-response');
      expect((await mock.requests()).map((r) => r.path)).to.deep.equal([
        `${new URL(mock.baseUrl('redirect')).pathname}/rest/pay/stcpay/sendOtp`,
      ]);
    });
  });

  describe('<paylink-validate-mobile>', () => {
    async function partnerError(attrs: Record<string, string>) {
      const el = await validateMobileFor<PaylinkValidateMobile>(
        PARTNER_EXAMPLE_SESSION,
        PARTNER_EXAMPLE_SESSION.partnerProfileNo,
      );
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      el.token = await partnerToken();
      await el.updateComplete;
      const input = part(el, 'otp') as HTMLInputElement;
      input.value = PARTNER_OTPS.success;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      const failed = oneEvent(el, 'otp-error');
      part(el, 'submit').click();
      return (await failed).detail as OtpErrorDetail;
    }

    it('says base-url="" and a bad timeout are setup errors and sends nothing', async () => {
      const mock = mockPaylink();
      expect(await partnerError({ 'base-url': '' })).to.include({
        code: 'validation',
        field: 'baseUrl',
      });
      expect(
        await partnerError({ 'base-url': mock.baseUrl('ok'), timeout: 'Infinity' }),
      ).to.include({ code: 'validation', field: 'timeout' });
      expect(await mock.requests()).to.have.length(0);
    });

    it('does not follow a redirect', async () => {
      const mock = mockPaylink();
      expect((await partnerError({ 'base-url': mock.baseUrl('redirect') })).code).to.equal(
        'bad-response',
      );
      expect((await mock.requests()).map((r) => r.path).join()).not.to.contain('/offsite/');
    });
  });
});
