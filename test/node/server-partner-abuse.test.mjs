// createPaylinkPartner's handler against someone trying it on, over real HTTP: Express behind a
// reverse proxy, clients from several 127.x addresses, the local mock of Paylink's partner API
// behind. The limits count the session a UUID names however it is spelt and every address
// over all sessions, a call Paylink refuses weighing more than one it accepts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPaylinkPartner } from 'stcpay-otp/server';
import { MOCK_PARTNER, PARTNER_OTPS } from '../../demo/mock-partner.js';
import { behindProxy } from './behind-proxy.mjs';
import { startMock } from './mock-server.mjs';

const VALIDATE = '/api/partner/register/validate-otp';
const RETRY = '/api/partner/register/retry-otp';

let mock;
const running = [];
before(async () => (mock = await startMock()));
after(async () => {
  await Promise.all(running.map((s) => s.close()));
  await mock.close();
});

const LICENSE = {
  registrationType: 'cr',
  licenseNumber: '7001234567',
  mobileNumber: '0599925477',
  hijriYear: '1400',
  hijriMonth: '01',
  hijriDay: '15',
};

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
    const session = await partner.checkLicense(LICENSE);
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
