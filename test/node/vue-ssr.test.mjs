// <paylink-validate-mobile> in a Vue app rendered on the server (vue/server-renderer), as a
// partner's registration page would be: Express behind a reverse proxy serves the page and
// createPaylinkPartner's handler, over real HTTP, against the local mock. With `base-url` on
// the partner's proxy the HTML holds no token and the code still validates; any binding of a
// token (`:token`, `:token.prop`, `.token`) is written into the HTML by Vue's server renderer,
// which is why the docs say base-url is the only safe way under server rendering.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { createPaylinkPartner } from 'stcpay-otp/server';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { MOCK_PARTNER, PARTNER_OTPS } from '../../demo/mock-partner.js';
import { behindProxy } from './behind-proxy.mjs';
import { LICENSE, startMock } from './mock-server.mjs';

const VALIDATE = '/api/partner/register/validate-otp';

/** The registration step as a partner's Vue page has it; `binding` adds a way to pass a token. */
const page = (binding = '') => `
  <main>
    <h1>Confirm your mobile number</h1>
    <paylink-validate-mobile
      :signature="session.signature"
      :session-uuid="session.sessionUuid"
      :mobile="session.mobile"
      :partner-profile-no="profileNo"
      base-url="/partner"
      lang="ar"
      ${binding}
    ></paylink-validate-mobile>
  </main>`;

/** Renders `template` with Vue's server renderer, with what the partner's server holds. */
function render(template, data) {
  const app = createSSRApp({ template, data: () => data });
  app.config.compilerOptions.isCustomElement = (tag) => tag === 'paylink-validate-mobile';
  return renderToString(app);
}

let mock, site, partner, token;
before(async () => {
  mock = await startMock();
  partner = createPaylinkPartner({
    ...MOCK_PARTNER,
    environment: 'testing',
    restBaseUrl: mock.origin,
    prefix: '/partner',
    clientAddressHeader: 'x-forwarded-for',
  });
  site = await behindProxy(partner.handler, {
    routes(app) {
      // Each visit starts a registration (step 1, on the server) and renders step 2's page.
      app.get('/register', async (req, res) => {
        const session = await partner.checkLicense(LICENSE);
        // The partner's token, as this server holds it: what the page must never carry.
        token = mock.exchanges.findLast((e) => e.authorization)?.authorization.slice(7);
        const binding = typeof req.query.binding === 'string' ? req.query.binding : '';
        const html = await render(page(binding), {
          session,
          profileNo: MOCK_PARTNER.profileNo,
          token,
        });
        res
          .type('html')
          .send(`<!doctype html><html lang="ar" dir="rtl"><body>${html}</body></html>`);
      });
    },
  });
});
after(async () => {
  await site?.close();
  await mock?.close();
});

/** The attributes of the first <paylink-validate-mobile> in `html`. */
function attributes(html) {
  const tag = /<paylink-validate-mobile\b([^>]*)>/.exec(html)?.[1] ?? '';
  return Object.fromEntries(
    [...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
  );
}

describe('Vue server rendering', () => {
  test('with base-url on the partner proxy, the HTML holds no token and the code validates', async () => {
    const answer = await site.get('/register', '127.0.8.1');
    assert.equal(answer.status, 200);
    assert.ok(token && token.length > 40, 'the server holds a token');
    assert.equal(answer.text.includes(token), false, 'the token is in the HTML');
    assert.equal(answer.text.includes(token.slice(-20)), false, 'part of the token is in the HTML');
    assert.equal(answer.text.includes(MOCK_PARTNER.apiKey), false);
    const element = attributes(answer.text);
    assert.equal(element['base-url'], '/partner');
    assert.equal('token' in element, false);

    // The page as the browser gets it is enough: the element POSTs the session to base-url.
    const validated = await site.post(
      `${element['base-url']}${VALIDATE}`,
      {
        signature: element.signature,
        sessionUuid: element['session-uuid'],
        mobile: element.mobile,
        otp: PARTNER_OTPS.success,
        partnerProfileNo: element['partner-profile-no'],
      },
      '127.0.8.1',
    );
    assert.equal(validated.status, 200);
    assert.equal(validated.json.licenseName, 'Qahwa & Tamr Trading Co.');
  });

  for (const binding of [':token.prop="token"', '.token="token"', ':token="token"'])
    test(`${binding} writes the token into the HTML: Vue's SSR compiler drops .prop`, async () => {
      const answer = await site.get(
        `/register?binding=${encodeURIComponent(binding)}`,
        '127.0.8.2',
      );
      assert.equal(answer.status, 200);
      assert.equal(attributes(answer.text).token, token);
    });
});

describe('the docs say so', () => {
  for (const doc of ['docs/frameworks.md', 'docs/partner.md'])
    test(`${doc}: under server rendering base-url is the only safe way, .prop does not help`, async () => {
      const text = (await readFile(doc, 'utf8')).replace(/\s+/g, ' ');
      assert.match(text, /only safe way under server rendering/);
      assert.match(
        text,
        /writes `token="…"` into the HTML for `:token`, `:token\.prop` and `\.token`/,
      );
    });
});
