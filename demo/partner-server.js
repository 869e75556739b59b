// The server side of the demo partner: the recommended setup for <paylink-validate-mobile>.
// It signs in to Paylink's partner API with the partner's credentials (the mock's fake ones)
// and forwards the browser's registration calls with its Bearer token added, so the token
// never reaches the browser. The element points at it with base-url="/partner".
//
// Routes
//   POST /partner/api/partner/register/check-license   → Paylink's step 1, token added
//   POST /partner/api/partner/register/validate-otp    → Paylink's step 2, token added
//   POST /partner/api/partner/register/retry-otp       → a new code for step 2, token added

import { createBearerClient } from './bearer-client.js';
import { MOCK_PARTNER } from './mock-partner.js';
import { readBody } from './mock-paylink.js';

const FORWARDED = new Set(['/api/partner/register/check-license', '/api/partner/register/validate-otp', '/api/partner/register/retry-otp']);

export function createPartnerServer() {
  const partnerApi = createBearerClient('/api/partner/auth', MOCK_PARTNER);

  async function forward(origin, path, body) {
    const response = await partnerApi.request(origin, path, body);
    return [response.status, response.headers.get('content-type') ?? 'application/json', await response.text()];
  }

  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://partner').pathname;
    if (!path.startsWith('/partner/') || !FORWARDED.has(path.slice('/partner'.length)) || req.method !== 'POST') return false;
    const origin = `http://${req.headers.host}`;
    readBody(req)
      .then((body) => forward(origin, path.slice('/partner'.length), body))
      .catch((error) => [502, 'application/json', JSON.stringify({ title: 'Bad Gateway', status: 502, detail: String(error.message ?? error) })])
      .then(([status, type, text]) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(text);
      });
    return true;
  }

  return { handle };
}
