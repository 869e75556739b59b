/**
 * The classic-script build, dist/stcpay-otp.iife.js, as a theme that cannot add
 * `type="module"` loads it. `npm test` builds it first. This file never imports src/.
 */
import { expect } from '@open-wc/testing';
import {
  checkoutWithNumber,
  clickAndSettle,
  loadScript,
  part,
  watchPageErrors,
} from './helpers/harness.js';
import { mockPaylink } from './helpers/mock.js';

const IIFE = '/dist/stcpay-otp.iife.js';
const ESM = '/dist/stcpay-otp.js';

describe('dist/stcpay-otp.iife.js', () => {
  const pageErrors = watchPageErrors();

  it('is one minified classic script: no import or export, and Lit inside', async () => {
    const source = await (await fetch(IIFE)).text();
    expect(source).to.match(/^\/\*![^\n]*Lit[^\n]*\*\/\n\(function\(\)\{/);
    expect(source).not.to.match(/\bimport\s*[{*"'`(]|\bexport\s*[{*]|\bfrom\s*["'`]/);
    expect(source.length / source.split('\n').length).to.be.above(150);
  });

  it('registers <stcpay-otp> from a classic script tag, adds no global of its own, and loading it twice does no harm', async () => {
    expect(customElements.get('stcpay-otp')).to.equal(undefined);
    const globalsBefore = new Set(Object.keys(window));
    await loadScript(`${IIFE}?first`);
    const registered = customElements.get('stcpay-otp');
    expect(registered).to.be.a('function');
    await loadScript(`${IIFE}?second`);
    // The first copy's element still renders and reads its attributes.
    expect(
      part<HTMLInputElement>(await checkoutWithNumber(mockPaylink().baseUrl()), 'mobile').value,
    ).to.equal('0551234567');
    // Lit keeps its version lists (litHtmlVersions...) on globalThis; this page has them already.
    const newGlobals = Object.keys(window).filter(
      (key) => !globalsBefore.has(key) && !/^lit|Versions$/.test(key),
    );
    expect(newGlobals).to.deep.equal([]);
    expect(pageErrors).to.deep.equal([]);
  });

  it('adds to a page no global but the four that every copy of Lit 3 adds', async () => {
    // A page of its own, without the Lit this test page already has.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const page = frame.contentWindow! as Window & typeof globalThis;
      const before = new Set(Object.keys(page));
      const script = page.document.createElement('script');
      script.src = new URL(`${IIFE}?frame`, location.href).href;
      const loaded = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
      });
      page.document.head.append(script);
      await loaded;
      expect(page.customElements.get('stcpay-otp')).to.be.a('function');
      expect(
        Object.keys(page)
          .filter((key) => !before.has(key))
          .sort(),
      ).to.deep.equal([
        'litElementVersions',
        'litHtmlVersions',
        'litPropertyMetadata',
        'reactiveElementVersions',
      ]);
    } finally {
      frame.remove();
    }
  });

  it('lives next to the ES module build on one page', async () => {
    await loadScript(`${IIFE}?first`);
    expect(customElements.get('stcpay-otp')).to.be.a('function');
    await loadScript(`${ESM}?after-the-classic-script`, 'module');
    // The first copy's element still renders and reads its attributes.
    expect(
      part<HTMLInputElement>(await checkoutWithNumber(mockPaylink().baseUrl()), 'mobile').value,
    ).to.equal('0551234567');
    expect(pageErrors).to.deep.equal([]);
  });

  it('takes a customer from mobile number to otp-sent', async () => {
    await loadScript(`${IIFE}?first`);
    const mock = mockPaylink();
    const el = await checkoutWithNumber(mock.baseUrl('example'));
    const { ok: sent } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(sent?.paymentSessionId).to.equal('641c1fec04e8e7793ca21f35');
    const [request] = await mock.requests();
    expect(JSON.parse(request.body)).to.include({
      stcpayMobile: '551234567',
      orderNumber: '1679123751896',
      total: 10,
    });
    expect(pageErrors).to.deep.equal([]);
  });
});
