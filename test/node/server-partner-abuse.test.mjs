// createPaylinkPartner's handler against someone trying it on, over real HTTP: Express behind a
// reverse proxy, clients from several 127.x addresses, the local mock of Paylink's partner API
// behind. The limits count the session a UUID names however it is spelt and every address
// over all sessions, a call Paylink refuses weighing more than one it accepts; no spelling of
// the partner's token or key, whole, cut short or escaped, reaches the browser or a message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPaylinkPartner } from 'stcpay-otp/server';
import { MOCK_PARTNER, PARTNER_OTPS } from '../../demo/mock-partner.js';
import { behindProxy } from './behind-proxy.mjs';
import { LICENSE, startMock } from './mock-server.mjs';

const VALIDATE = '/api/partner/register/validate-otp';
const RETRY = '/api/partner/register/retry-otp';

let mock;
const running = [];
before(async () => (mock = await startMock()));
after(async () => {
  await Promise.all(running.map((s) => s.close()));
  await mock.close();
});

/** A partner kit with its defaults, its handler at /partner behind Express and a proxy. */
async function deployed(options = {}) {
  const partner = createPaylinkPartner({
    ...MOCK_PARTNER,
    environment: 'testing',
    restBaseUrl: mock.origin,
    prefix: '/partner',
    clientAddressHeader: 'x-forwarded-for',
    ...options,
  });
  const site = await behindProxy(partner.handler);
  running.push(site);
  /** validate-otp for `session` with `otp`, from `from`. */
  const guess = (session, otp, from) =>
    site.post(
      `/partner${VALIDATE}`,
      { ...session, otp, partnerProfileNo: MOCK_PARTNER.profileNo },
      from,
    );
  /** retry-otp for `session`, to `mobileNumber` (the session's by default), from `from`. */
  const retry = (session, from, mobileNumber = session.mobile) =>
    site.post(
      `/partner${RETRY}`,
      { sessionUuid: session.sessionUuid, mobileNumber, partnerProfileNo: MOCK_PARTNER.profileNo },
      from,
    );
  return { partner, post: site.post, guess, retry };
}

/** `uuid` with its letters upper- or lower-cased as the bits of `n` say: a spelling of its own. */
function spelling(uuid, n) {
  let bit = 0;
  return [...uuid]
    .map((c) => (/[a-f]/.test(c) ? ((n >> bit++) & 1 ? c.toUpperCase() : c) : c))
    .join('');
}

/** Calls `send` one after another, `times` times; resolves with the statuses. */
async function statuses(times, send) {
  const seen = [];
  for (let i = 0; i < times; i++) seen.push((await send(i)).status);
  return seen;
}

const count = (list, status) => list.filter((s) => s === status).length;

describe('one registration session, however its UUID is spelt', () => {
  test('120 guesses at the code from 12 addresses, in 120 spellings: 10 reach Paylink', async () => {
    const { partner, guess } = await deployed();
    // 120 spellings need seven letters a-f in the UUID, which about one in fifty lacks: ask anew.
    let session = await partner.checkLicense(LICENSE);
    for (let tries = 0; (session.sessionUuid.match(/[a-f]/gi) ?? []).length < 7; tries++) {
      assert.ok(tries < 20, 'a session UUID with seven letters a-f');
      session = await partner.checkLicense(LICENSE);
    }
    const before = mock.count(VALIDATE);
    const seen = await statuses(120, (i) =>
      guess(
        { ...session, sessionUuid: spelling(session.sessionUuid, i + 1) },
        String(2000 + i),
        `127.0.1.${1 + Math.floor(i / 10)}`,
      ),
    );
    assert.equal(
      new Set(Array.from({ length: 120 }, (_, i) => spelling(session.sessionUuid, i + 1))).size,
      120,
    );
    assert.equal(mock.count(VALIDATE) - before, 10, 'guesses that reached Paylink');
    assert.equal(count(seen, 429), 110);
  });

  test('a UUID with its leading zeros dropped is the same session', async () => {
    const { guess } = await deployed({
      rateLimit: { validateOtpPerSession: { points: 2, duration: 60 } },
    });
    const session = {
      signature: 'ae135f2506dc3c',
      mobile: '0599925477',
      sessionUuid: '06ea8e22-0def-014b-0724-03bd2d494b71',
    };
    const before = mock.count(VALIDATE);
    const seen = await statuses(4, (i) =>
      guess(
        {
          ...session,
          sessionUuid: ['06ea8e22-0def-014b-0724-03bd2d494b71', '6EA8E22-DEF-14B-724-3BD2D494B71'][
            i % 2
          ],
        },
        '1234',
        `127.0.2.${i + 1}`,
      ),
    );
    assert.deepEqual(seen, [400, 400, 429, 429]);
    assert.equal(mock.count(VALIDATE) - before, 2);
  });
});

describe('per client address, a refusal weighs more than a success', () => {
  test('validate-otp: wrong codes over many sessions run out after 10; another address goes on', async () => {
    const { partner, guess } = await deployed();
    const before = mock.count(VALIDATE);
    const seen = await statuses(12, async () =>
      guess(await partner.checkLicense(LICENSE), PARTNER_OTPS.wrong, '127.0.3.1'),
    );
    assert.deepEqual(seen, [...Array(10).fill(400), 429, 429]);
    assert.equal(mock.count(VALIDATE) - before, 10);
    const other = await guess(await partner.checkLicense(LICENSE), PARTNER_OTPS.wrong, '127.0.3.2');
    assert.equal(other.status, 400);
  });

  test('validate-otp: 20 merchants behind one address validate; then 3 wrong codes, not 10', async () => {
    const { partner, guess } = await deployed();
    const right = await statuses(20, async () =>
      guess(await partner.checkLicense(LICENSE), PARTNER_OTPS.success, '127.0.4.1'),
    );
    assert.deepEqual(right, Array(20).fill(200));
    const before = mock.count(VALIDATE);
    const wrong = await statuses(5, async () =>
      guess(await partner.checkLicense(LICENSE), PARTNER_OTPS.wrong, '127.0.4.1'),
    );
    assert.deepEqual(wrong, [400, 400, 400, 429, 429]);
    assert.equal(mock.count(VALIDATE) - before, 3);
  });

  test('a 429 says when to come back, and what was refused is not repeated', async () => {
    const { partner, guess } = await deployed({
      rateLimit: { validateOtpPerClient: { points: 3, duration: 60 } },
    });
    const session = await partner.checkLicense(LICENSE);
    assert.equal((await guess(session, PARTNER_OTPS.wrong, '127.0.5.1')).status, 400);
    const refused = await guess(session, PARTNER_OTPS.success, '127.0.5.1');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    assert.equal(refused.text.includes(session.sessionUuid), false);
  });

  test('retry-otp: 12 new codes for four merchants behind one address; then 6 refusals', async () => {
    const { partner, retry } = await deployed();
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await partner.checkLicense(LICENSE));
    const sent = await statuses(12, (i) => retry(sessions[i % 4], '127.0.6.1'));
    assert.deepEqual(sent, Array(12).fill(200));
    const before = mock.count(RETRY);
    // Another mobile than the session's: Paylink refuses it.
    const refused = await statuses(8, async () =>
      retry(await partner.checkLicense(LICENSE), '127.0.6.1', '0500000000'),
    );
    assert.deepEqual(refused, [...Array(6).fill(400), 429, 429]);
    assert.equal(mock.count(RETRY) - before, 6);
  });

  test('a per-client limit below what one refusal costs is a configuration error', () => {
    assert.throws(
      () =>
        createPaylinkPartner({
          ...MOCK_PARTNER,
          environment: 'testing',
          rateLimit: { validateOtpPerClient: { points: 2, duration: 60 } },
        }),
      (error) => error.code === 'config' && error.field === 'rateLimit.validateOtpPerClient',
    );
  });
});

describe("the partner's token and key never reach the browser", () => {
  /** Paylink's validate-otp answered by `answer(token)`: [status, raw JSON text]. */
  function paylinkSays(answer) {
    mock.intercept((req, res) => {
      if (!req.url.endsWith(VALIDATE)) return false;
      const token = req.headers.authorization.replace(/^Bearer /, '');
      const [status, text] = answer(token);
      req.resume();
      req.on('end', () => res.writeHead(status, { 'Content-Type': 'application/json' }).end(text));
      return true;
    });
  }

  /** Every string in a parsed JSON value, keys included. */
  function strings(value) {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
    return [];
  }

  /**
   * What of the token or key `text` gives away, as it is or URL-decoded: the whole, its first
   * 40 characters, its last 20.
   */
  function exposed(text, token) {
    const giveaways = {
      token,
      'token prefix': token.slice(0, 40),
      'token end': token.slice(-20),
      'API key': MOCK_PARTNER.apiKey,
    };
    let decoded = text;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      // Not URL-encoded.
    }
    return Object.keys(giveaways).filter((name) =>
      [text, decoded].some((form) => form.includes(giveaways[name])),
    );
  }

  const escaped = (text) =>
    [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const percent = (text) =>
    [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

  for (const [what, answer] of [
    [
      'the token with JSON escapes',
      (token) => [
        400,
        `{"title":"Bad Request","status":400,"detail":"Invalid token ${token.replaceAll('.', '\\u002e')}"}`,
      ],
    ],
    [
      'the token all escaped, and the key',
      (token) => [
        400,
        `{"title":"Bad Request","status":400,"detail":"${escaped(token)}","key":"${escaped(MOCK_PARTNER.apiKey)}"}`,
      ],
    ],
    [
      'prefixes of the token, nested',
      (token) => [
        400,
        JSON.stringify({
          title: 'Bad Request',
          status: 400,
          detail: `Token ${token.slice(0, 60)}… rejected`,
          errors: [{ field: 'authorization', rejected: token.slice(0, -1) }],
        }),
      ],
    ],
    [
      'the token URL-encoded in a success',
      (token) => [
        200,
        JSON.stringify({
          signature: 'sig',
          mobile: '0599925477',
          sessionUuid: 'a-session',
          licenseName: 'Qahwa & Tamr Trading Co.',
          trace: { request: `GET /x?auth=${percent(token)}` },
        }),
      ],
    ],
  ])
    test(`Paylink's answer with ${what}: no string the browser parses holds it`, async () => {
      const { partner, guess } = await deployed();
      const session = await partner.checkLicense(LICENSE);
      let token;
      paylinkSays((t) => answer((token = t)));
      try {
        const got = await guess(session, PARTNER_OTPS.wrong, '127.0.7.1');
        assert.ok(token, 'the answer came from the intercepted Paylink');
        assert.ok(got.json, 'the answer is JSON');
        const found = strings(got.json).flatMap((text) => exposed(text, token));
        assert.deepEqual(found, []);
        assert.deepEqual(exposed(got.text, token), []);
        assert.match(got.text, /\[redacted\]/);
        if (got.status === 200) assert.equal(got.json.licenseName, 'Qahwa & Tamr Trading Co.');
        if (what === 'the token with JSON escapes')
          assert.equal(got.json.detail, 'Invalid token [redacted]');
      } finally {
        mock.intercept(undefined);
      }
    });

  test('an error message cut short never ends in a prefix of the token', async () => {
    const partner = createPaylinkPartner({
      ...MOCK_PARTNER,
      environment: 'testing',
      restBaseUrl: mock.origin,
    });
    const session = await partner.checkLicense(LICENSE);
    let token;
    paylinkSays((t) => {
      token = t;
      return [
        400,
        JSON.stringify({ title: 'Bad Request', status: 400, detail: `${'x'.repeat(150)} ${t}` }),
      ];
    });
    try {
      const error = await partner
        .validateOtp({ ...session, otp: PARTNER_OTPS.wrong })
        .catch((e) => e);
      assert.equal(error.code, 'http');
      assert.deepEqual(exposed(error.message, token), []);
      assert.deepEqual(exposed(token.slice(0, 60), token), ['token prefix'], 'the check can fail');
      assert.match(error.message, /\[redacted\]/);
    } finally {
      mock.intercept(undefined);
    }
  });
});
