/**
 * The built script-tag bundle, dist/stcpay-otp.js, as a storefront loads it. `npm test` builds
 * it first. This file never imports src/, so the page sees only the bundle.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  checkoutWithNumber,
  clickAndSettle,
  loadScript,
  part,
  watchPageErrors,
} from './helpers/harness.js';
import { mockPaylink } from './helpers/mock.js';

const BUNDLE = '/dist/stcpay-otp.js';

describe('dist/stcpay-otp.js', () => {
  const pageErrors = watchPageErrors();

  it('is one minified file that imports nothing (Lit is inside) and loads only its code step', async () => {
    const source = await (await fetch(BUNDLE)).text();
    expect(source).to.contain('customElements').and.to.contain('stcpay-otp');
    expect(source).not.to.match(/\bimport\s*[{*"'`]|\bfrom\s*["'`]/);
    const loads = source.match(/\bimport\s*\(\s*[`'"][^`'"]*[`'"]/g) ?? [];
    expect([...new Set(loads.map((load) => load.replace(/\s/g, '')))]).to.deep.equal([
      'import(`./stcpay-otp-code.js`',
    ]);
    // Minified: comments are gone and local names are shortened.
    expect(source).not.to.contain('Aborted after the answer arrived');
    expect(source).not.to.match(/\bsubmitLabel\b|\bconfirmLabel\b/);
  });

  it('shows the content inside the tag only until the script has run: a fallback for old browsers', async () => {
    const el = await fixture<HTMLElement>(html`
      <stcpay-otp transaction-no="1679123751896" total="10"
        ><p>Pay on Paylink's page instead.</p></stcpay-otp
      >
    `);
    const fallback = el.querySelector('p')!;
    expect(customElements.get('stcpay-otp')).to.equal(undefined);
    expect(fallback.getClientRects().length).to.be.above(0);
    await loadScript(`${BUNDLE}?first`, 'module');
    expect(el.shadowRoot).not.to.equal(null);
    expect(fallback.getClientRects().length).to.equal(0);
  });

  it('registers <stcpay-otp> from a module script tag, and loading it a second time does no harm', async () => {
    await loadScript(`${BUNDLE}?first`, 'module');
    const registered = customElements.get('stcpay-otp');
    expect(registered).to.be.a('function');
    // A second copy (another URL, so the browser evaluates it again) finds the tag taken.
    await loadScript(`${BUNDLE}?second`, 'module');
    // The first copy's element still renders and reads its attributes.
    expect(
      part<HTMLInputElement>(await checkoutWithNumber(mockPaylink().baseUrl()), 'mobile').value,
    ).to.equal('0551234567');
    expect(pageErrors).to.deep.equal([]);
  });

  it('takes a customer from mobile number to otp-sent', async () => {
    await loadScript(`${BUNDLE}?first`, 'module');
    const mock = mockPaylink();
    const el = await checkoutWithNumber(mock.baseUrl('example'));
    const { ok: sent } = await clickAndSettle(el, 'submit', 'otp-sent');
    expect(sent?.paymentSessionId).to.equal('641c1fec04e8e7793ca21f35');
    const [request] = await mock.requests();
    expect(JSON.parse(request.body)).to.deep.equal({
      stcpayMobile: '551234567',
      stcpayMobileCountryCode: '966',
      orderNumber: '1679123751896',
      total: 10,
    });
    expect(pageErrors).to.deep.equal([]);
  });
});
