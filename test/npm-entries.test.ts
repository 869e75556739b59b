/**
 * The npm entries as a bundler-built app loads them: dist/lib/index.js has no side effects,
 * and dist/lib/define.js registers the very class index.js exports. `npm test` builds them
 * first; the test server resolves their `lit` imports from node_modules as a bundler would.
 */
import { expect } from '@open-wc/testing';

describe('the npm entries in a browser', () => {
  it('registers nothing on importing the package, and <stcpay-otp> on importing stcpay-otp/define', async () => {
    const api = await import(/* @vite-ignore */ '/dist/lib/index.js' as string);
    expect(api.StcpayOtp).to.be.a('function');
    expect(customElements.get('stcpay-otp')).to.equal(undefined);

    await import(/* @vite-ignore */ '/dist/lib/define.js' as string);
    expect(customElements.get('stcpay-otp')).to.equal(api.StcpayOtp);
  });
});
