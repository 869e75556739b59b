// stcpay-otp/server for partners: createPaylinkPartner's registration steps and its handler,
// the proxy <paylink-validate-mobile base-url> calls, over real HTTP against the local mock of
// Paylink's partner API. The browser sends no token; the handler adds the partner's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPaylinkPartner, PaylinkServerError, toNodeHandler } from 'stcpay-otp/server';
import { MOCK_PARTNER, PARTNER_EXAMPLE, PARTNER_OTPS } from '../../demo/mock-partner.js';
import { LICENSE, serveNode, startMock } from './mock-server.mjs';

const AUTH = '/api/partner/auth';
const VALIDATE = '/api/partner/register/validate-otp';
const RETRY = '/api/partner/register/retry-otp';

let mock;
const servers = [];
const answers = [];
before(async () => (mock = await startMock()));
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await mock.close();
});

const kit = (options = {}) =>
  createPaylinkPartner({
    ...MOCK_PARTNER,
    environment: 'testing',
    restBaseUrl: mock.origin,
    ...options,
  });

/** The handler of a partner kit on a port of its own, and a way to POST JSON to it. */
async function partnerServer(options = {}) {
  const partner = kit({ prefix: '/partner', ...options });
  const server = await serveNode(toNodeHandler(partner.handler));
  servers.push(server);
  const post = async (path, body, init = {}) => {
    const response = await fetch(server.origin + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      ...init,
    });
    const text = await response.text();
    answers.push(text, JSON.stringify([...response.headers]));
    return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
  };
  return { partner, post };
}

describe('the registration steps', () => {
  test('check-license, validate-otp, add-info, then waiting for the Nafath confirmation', async () => {
    const before = mock.count(AUTH);
    const partner = kit();
    const session = await partner.checkLicense(LICENSE);
    assert.deepEqual(Object.keys(session).sort(), ['mobile', 'sessionUuid', 'signature']);
    const validated = await partner.validateOtp({ ...session, otp: PARTNER_OTPS.success });
    assert.equal(validated.licenseName, 'Qahwa & Tamr Trading Co.');
    assert.ok(validated.bankNames.length > 0);

    const info = await partner.addInfo({
      signature: validated.signature,
      sessionUuid: validated.sessionUuid,
      mobile: validated.mobile,
      iban: '8000000608010167519999',
      bankName: validated.bankNames[0],
      categoryDescription:
        'Specialty coffee beans, roasted in Riyadh, and dates from Qassim. '.repeat(2),
      salesVolume: validated.monthlySalesVolumes[0].salesVolumeValue,
      sellingScope: 'domestic',
      nationalId: validated.nationalIds[0],
      licenseName: validated.licenseName,
      email: 'owner@qahwa.example',
      firstName: 'Noura',
      lastName: 'Al-Harbi',
      password: 'a-long-passphrase-1',
    });
    const confirming = {
      signature: info.signature,
      sessionUuid: info.sessionUuid,
      mobile: info.mobile,
    };
    assert.deepEqual(await partner.confirmAccount(confirming), { status: 'Pending' });
    const done = await partner.waitForConfirmation(confirming, { intervalMs: 20, timeoutMs: 5000 });
    assert.deepEqual(done, { status: 'Completed' });
    assert.equal(mock.count(AUTH) - before, 1);
  });

  test('waiting for the confirmation is bounded in time', async () => {
    const partner = kit();
    const session = await partner.checkLicense(LICENSE);
    const validated = await partner.validateOtp({ ...session, otp: PARTNER_OTPS.success });
    const info = await partner.addInfo({
      ...validated,
      iban: '8000000608010167519999',
      bankName: validated.bankNames[0],
      categoryDescription: 'c'.repeat(120),
      salesVolume: 'below_10000',
      sellingScope: 'global',
      nationalId: validated.nationalIds[0],
      email: 'owner@qahwa.example',
      firstName: 'Noura',
      lastName: 'Al-Harbi',
      password: 'a-long-passphrase-1',
    });
    const started = Date.now();
    const error = await partner
      .waitForConfirmation(
        { signature: info.signature, sessionUuid: info.sessionUuid, mobile: info.mobile },
        { intervalMs: 200, timeoutMs: 100 },
      )
      .catch((e) => e);
    assert.ok(error instanceof PaylinkServerError);
    assert.equal(error.code, 'timeout');
    assert.ok(Date.now() - started < 1000);
  });

  test('add-info refuses an IBAN with "SA" or of the wrong length, before sending', async () => {
    const before = mock.count('/api/partner/register/add-info');
    for (const iban of ['SA8000000608010167519999', '80000006080101675199']) {
      const error = await kit()
        .addInfo({ ...PARTNER_EXAMPLE.request, iban, categoryDescription: 'c'.repeat(100) })
        .catch((e) => e);
      assert.equal(error.code, 'validation');
    }
    assert.equal(mock.count('/api/partner/register/add-info'), before);
  });

  test('retryOtp asks for a new code for the session', async () => {
    const partner = kit();
    const session = await partner.checkLicense(LICENSE);
    const answer = await partner.retryOtp({
      sessionUuid: session.sessionUuid,
      mobileNumber: session.mobile,
    });
    assert.equal(answer.sessionUuid, session.sessionUuid);
  });

  test('a wrong code rejects with the status, and a message without the key or token', async () => {
    const partner = kit();
    const session = await partner.checkLicense(LICENSE);
    const error = await partner
      .validateOtp({ ...session, otp: PARTNER_OTPS.wrong })
      .catch((e) => e);
    assert.equal(error.code, 'http');
    assert.equal(error.status, 400);
    assert.match(error.message, /Invalid OTP/);
    assert.equal(error.message.includes(MOCK_PARTNER.apiKey), false);
  });

  test('after a 401, signs in again once', async () => {
    const partner = kit();
    await partner.checkLicense(LICENSE);
    const before = mock.count(AUTH);
    mock.partner.revokeTokens();
    await partner.checkLicense(LICENSE);
    assert.equal(mock.count(AUTH) - before, 1);
  });
});

describe('the handler for <paylink-validate-mobile>', () => {
  test('forwards validate-otp with the Bearer token the browser never had', async () => {
    const { partner, post } = await partnerServer();
    const session = await partner.checkLicense(LICENSE);
    const from = mock.exchanges.length;
    const answer = await post(`/partner${VALIDATE}`, {
      ...session,
      otp: PARTNER_OTPS.success,
      partnerProfileNo: MOCK_PARTNER.profileNo,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.licenseName, 'Qahwa & Tamr Trading Co.');
    const forwarded = mock.exchanges.slice(from).find((e) => e.path === VALIDATE);
    assert.match(forwarded.authorization, /^Bearer \S+\.\S+\.\S+$/);
  });

  test("passes Paylink's refusal of a wrong code back as it is", async () => {
    const { partner, post } = await partnerServer();
    const session = await partner.checkLicense(LICENSE);
    const answer = await post(`/partner${VALIDATE}`, {
      ...session,
      otp: PARTNER_OTPS.wrong,
      partnerProfileNo: MOCK_PARTNER.profileNo,
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.json, { title: 'Bad Request', status: 400, detail: 'Invalid OTP' });
  });

  test('forwards retry-otp, within a limit per session', async () => {
    const { partner, post } = await partnerServer({
      rateLimit: { retryOtpPerSession: { points: 2, duration: 60 } },
    });
    const session = await partner.checkLicense(LICENSE);
    const body = {
      sessionUuid: session.sessionUuid,
      mobileNumber: session.mobile,
      partnerProfileNo: MOCK_PARTNER.profileNo,
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(`/partner${RETRY}`, body)).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  test('validate-otp within a limit per session (guesses at the code)', async () => {
    const { partner, post } = await partnerServer({
      rateLimit: { validateOtpPerSession: { points: 2, duration: 60 } },
    });
    const session = await partner.checkLicense(LICENSE);
    const guess = (otp) =>
      post(`/partner${VALIDATE}`, { ...session, otp, partnerProfileNo: MOCK_PARTNER.profileNo });
    assert.equal((await guess('1111')).status, 400);
    assert.equal((await guess('2222')).status, 400);
    assert.equal((await guess(PARTNER_OTPS.success)).status, 429);
  });

  test('refuses another partner profile, other paths and methods, and malformed bodies', async () => {
    const { post } = await partnerServer();
    const example = PARTNER_EXAMPLE.request;
    const before = mock.count(VALIDATE);
    assert.equal(
      (await post(`/partner${VALIDATE}`, { ...example, partnerProfileNo: '1' })).status,
      400,
    );
    assert.equal((await post(`/partner${VALIDATE}`, { ...example, otp: '76a5' })).status, 400);
    assert.equal((await post(`/partner${VALIDATE}`, { ...example, extra: 1 })).status, 400);
    assert.equal((await post('/partner/api/partner/register/check-license', example)).status, 404);
    assert.equal((await post('/partner/api/partner/auth', example)).status, 404);
    assert.equal((await post(`/partner${VALIDATE}`, example, { method: 'PUT' })).status, 405);
    const plain = await post(`/partner${VALIDATE}`, example, {
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(plain.status, 415);
    assert.equal(mock.count(VALIDATE), before);
  });

  test('no answer carried the API key or a token', () => {
    const tokens = new Set(
      mock.exchanges.map((e) => e.authorization?.replace(/^Bearer /, '')).filter(Boolean),
    );
    assert.ok(tokens.size > 0 && answers.length > 10);
    for (const text of answers)
      for (const secret of [...tokens, MOCK_PARTNER.apiKey])
        assert.equal(text.includes(secret), false);
  });
});

describe('createPaylinkPartner', () => {
  for (const [what, options, field] of [
    ['an empty options object', {}, 'profileNo'],
    ['only a profileNo', { profileNo: '19039481' }, 'apiKey'],
    ['credentials and no environment', { profileNo: '19039481', apiKey: 'key' }, 'environment'],
    [
      'a limit of 0',
      {
        profileNo: '19039481',
        apiKey: 'key',
        environment: 'testing',
        rateLimit: { retryOtpPerClient: { points: 0, duration: 60 } },
      },
      'rateLimit.retryOtpPerClient',
    ],
  ])
    test(`given ${what}, names ${field} first`, () => {
      assert.throws(
        () => createPaylinkPartner(options),
        (error) =>
          error instanceof PaylinkServerError && error.code === 'config' && error.field === field,
      );
    });
});
