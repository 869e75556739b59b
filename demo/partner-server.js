// The server side of the demo partner, on stcpay-otp/server: the recommended setup for
// <paylink-validate-mobile>. The kit signs in to Paylink's partner API with the partner's
// credentials (the mock's fake ones) and forwards the element's calls with its Bearer token
// added, so the token never reaches the browser. The element points at it with
// base-url="/partner". Step 1, which the partner's own page runs, goes through the kit too.
//
// Routes
//   POST /partner/api/partner/register/check-license   the page's step 1, by checkLicense()
//   POST /partner/api/partner/register/validate-otp    the kit's proxy (the element's step 2)
//   POST /partner/api/partner/register/retry-otp       the kit's proxy (a new code)

import { createPaylinkPartner, PaylinkServerError, toNodeHandler } from 'stcpay-otp/server';
import { MOCK_PARTNER } from './mock-partner.js';
import { readBody } from './mock-paylink.js';
import { ownOrigin } from './store-server.js';

const CHECK_LICENSE = '/partner/api/partner/register/check-license';

export function createPartnerServer() {
  /** The kit for each address the demo is served on: the mock Paylink lives there too. */
  const kits = new Map();

  function kitFor(origin) {
    if (!kits.has(origin)) {
      const partner = createPaylinkPartner({
        ...MOCK_PARTNER,
        environment: 'testing',
        restBaseUrl: origin,
        prefix: '/partner',
      });
      kits.set(origin, { partner, proxy: toNodeHandler(partner.handler) });
    }
    return kits.get(origin);
  }

  async function checkLicense(partner, body) {
    let input;
    try {
      input = JSON.parse(body);
    } catch {
      return [400, { title: 'Bad Request', status: 400, detail: 'The body is not JSON' }];
    }
    try {
      return [200, await partner.checkLicense(input)];
    } catch (error) {
      if (!(error instanceof PaylinkServerError)) throw error;
      const status = error.code === 'validation' ? 400 : (error.status ?? 502);
      return [status, { title: 'Step 1 failed', status, detail: error.message }];
    }
  }

  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://partner').pathname;
    if (!path.startsWith('/partner/')) return false;
    const { partner, proxy } = kitFor(ownOrigin(req));
    if (path !== CHECK_LICENSE || req.method !== 'POST') {
      proxy(req, res);
      return true;
    }
    readBody(req)
      .then((body) => checkLicense(partner, body))
      .catch(() => [500, { title: 'Internal Server Error', status: 500 }])
      .then(([status, body]) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(body));
      });
    return true;
  }

  return { handle };
}
