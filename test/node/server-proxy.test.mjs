// paylink.handler, the store's same-origin proxy, served by toNodeHandler over real HTTP in
// front of the local mock Paylink: what it forwards, and every request it refuses (method,
// path, size, content type, field shapes, an unknown or paid order, a total that does not
// match, the rate limits), never echoing what was sent nor any secret.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createPaylink, toNodeHandler } from 'stcpay-otp/server';
import { MOCK_CREDENTIALS, TEST_OTPS } from '../../demo/mock-paylink.js';
import {
  invoiceInput,
  otpRequest,
  PROCESS_PAYMENT,
  SEND_OTP,
  serveNode,
  startMock,
} from './mock-server.mjs';

let mock;
/** Every answer the proxies gave in this file, to search for secrets at the end. */
const answers = [];
const servers = [];
let shop;
before(async () => {
  mock = await startMock();
  shop = await store();
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await mock.close();
});

/** A kit and its handler on a port of its own; `stcpay` replaces the STC Pay base URL. */
async function store({ stcpay = '', ...options } = {}) {
  const paylink = createPaylink({
    ...MOCK_CREDENTIALS,
    environment: 'testing',
    restBaseUrl: mock.origin,
    stcpayBaseUrl: mock.origin + stcpay,
    ...options,
  });
  const server = await serveNode(toNodeHandler(paylink.handler));
  servers.push(server);
  /** Sends a request to the proxy; resolves with {status, headers, text, json}. */
  const send = async (path, init = {}) => {
    const response = await fetch(server.origin + path, init);
    const text = await response.text();
    answers.push(text, JSON.stringify([...response.headers]));
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: `text` has the answer as it came.
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  const post = (path, body, headers = {}) =>
    send(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body:
        typeof body === 'string' || body instanceof ReadableStream ? body : JSON.stringify(body),
      duplex: 'half',
    });
  return { paylink, origin: server.origin, send, post };
}

/** A new unpaid invoice of `amount` SAR. */
const newOrder = async (paylink = shop.paylink, amount = 65) =>
  (await paylink.addInvoice(invoiceInput(amount))).transactionNo;

describe('the proxy forwards', () => {
  test("sendOtp for a real unpaid order, passing Paylink's status and body back", async () => {
    const order = await newOrder();
    const before = mock.count(SEND_OTP);
    const answer = await shop.post(`/paylink${SEND_OTP}`, otpRequest(order, 65));
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.json).sort(), [
      'paymentSessionId',
      'signature',
      'signedBase64Data',
      'stcMobile',
      'stcpayMobile',
    ]);
    assert.equal(mock.count(SEND_OTP) - before, 1);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
  });

  test('processPayment with an otp-sent detail spread in: its stcMobile and resent stay behind', async () => {
    const order = await newOrder();
    const request = otpRequest(order, 65);
    const session = (await shop.post(`/paylink${SEND_OTP}`, request)).json;
    assert.equal(typeof session.stcMobile, 'string');
    // What a page has after a resend: the request, Paylink's answer, `resent`; then the code.
    const body = { ...request, ...session, resent: true, stcpayPaymentOTP: TEST_OTPS.wrong };
    let forwarded;
    mock.intercept((req, res) => {
      if (new URL(req.url, 'http://mock').pathname !== PROCESS_PAYMENT) return false;
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        forwarded = JSON.parse(text);
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: 400, error: 'Bad Request', path: PROCESS_PAYMENT }));
      });
      return true;
    });
    try {
      const answer = await shop.post(`/paylink${PROCESS_PAYMENT}`, body);
      assert.equal(answer.status, 400);
      assert.equal(answer.json.error, 'Bad Request'); // Paylink's refusal, not the kit's check
    } finally {
      mock.intercept(undefined);
    }
    const { stcMobile: _, resent: __, ...expected } = body;
    assert.deepEqual(forwarded, expected);
  });

  test('processPayment, after which the order is paid, as payment-status says', async () => {
    const order = await newOrder();
    const request = otpRequest(order, 65);
    const session = (await shop.post(`/paylink${SEND_OTP}`, request)).json;
    const status = async () =>
      (await shop.send(`/paylink/payment-status?transactionNo=${order}`)).json;
    assert.deepEqual(await status(), { status: 'unpaid' });

    const { paymentSessionId, signature, signedBase64Data } = session;
    const body = {
      ...request,
      stcpayPaymentOTP: TEST_OTPS.success,
      paymentSessionId,
      signature,
      signedBase64Data,
    };
    const wrong = await shop.post(`/paylink${PROCESS_PAYMENT}`, {
      ...body,
      stcpayPaymentOTP: TEST_OTPS.wrong,
    });
    assert.equal(wrong.status, 400);
    // Paylink's documented refusal: the Spring body, whose error is only the reason phrase.
    assert.deepEqual(
      { status: wrong.json.status, error: wrong.json.error, path: wrong.json.path },
      { status: 400, error: 'Bad Request', path: PROCESS_PAYMENT },
    );

    const paid = await shop.post(`/paylink${PROCESS_PAYMENT}`, body);
    assert.equal(paid.status, 200);
    assert.equal(paid.json.orderNumber, order);
    assert.deepEqual(await status(), { status: 'paid' });
    assert.equal((await shop.paylink.verifyPayment(order, { amount: 65 })).paid, true);

    // Paid now: the proxy relays nothing more for it.
    const again = await shop.post(`/paylink${SEND_OTP}`, request);
    assert.equal(again.status, 409);
  });

  test('a body Paylink sends that is not JSON becomes a clean 502', async () => {
    const { paylink, post } = await store({ stcpay: `/mock/${randomUUID()}/bad-gateway` });
    const answer = await post(`/paylink${SEND_OTP}`, otpRequest(await newOrder(paylink), 65));
    assert.equal(answer.status, 502);
    assert.deepEqual(answer.json, {
      title: 'Bad Gateway',
      status: 502,
      detail: 'Paylink answered with something other than JSON.',
    });
  });

  test('no answer from Paylink in time becomes a 504', async () => {
    const { paylink, post } = await store({ stcpay: `/mock/${randomUUID()}/hang`, timeout: 400 });
    const order = await newOrder(paylink);
    const answer = await post(`/paylink${SEND_OTP}`, otpRequest(order, 65));
    assert.equal(answer.status, 504);
  });

  test('when the browser goes away, the call to Paylink is dropped too', async () => {
    const tenant = randomUUID();
    const { paylink, origin } = await store({ stcpay: `/mock/${tenant}/hang`, timeout: 30_000 });
    const order = await newOrder(paylink);
    const leaving = new AbortController();
    const sent = fetch(`${origin}/paylink${SEND_OTP}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(otpRequest(order, 65)),
      signal: leaving.signal,
    }).catch((error) => error);
    const log = async () => (await fetch(`${mock.origin}/mock/${tenant}/requests`)).json();
    const until = async (check) => {
      for (const end = Date.now() + 5000; Date.now() < end;) {
        if (check(await log())) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return false;
    };
    assert.ok(await until((entries) => entries.length === 1), 'the request reached Paylink');
    leaving.abort();
    assert.equal((await sent).name, 'AbortError');
    assert.ok(await until((entries) => entries[0].abandoned), 'the call to Paylink was dropped');
  });

  test('only the checked fields, re-encoded, reach Paylink', async () => {
    const tenant = randomUUID();
    const { paylink, post } = await store({ stcpay: `/mock/${tenant}/ok` });
    const order = await newOrder(paylink);
    await post(
      `/paylink${SEND_OTP}`,
      `{"total":65,"orderNumber":"${order}","stcpayMobileCountryCode":"966","stcpayMobile":"551234567"}`,
    );
    const [received] = await (await fetch(`${mock.origin}/mock/${tenant}/requests`)).json();
    assert.deepEqual(JSON.parse(received.body), otpRequest(order, 65));
    assert.equal(received.contentType, 'application/json');
  });
});

describe('the proxy refuses', () => {
  const MARKER = 'ECHO-MARKER-7f3a';

  test('another method on a route, with Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await shop.send(`/paylink${SEND_OTP}`, { method });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.get('allow'), 'POST');
    }
    const status = await shop.send('/paylink/payment-status?transactionNo=1', { method: 'POST' });
    assert.equal(status.status, 405);
    assert.equal(status.headers.get('allow'), 'GET');
  });

  test('any other path, echoing nothing of it', async () => {
    for (const path of [
      `/paylink/${MARKER}`,
      `/paylink/rest/pay/stcpay/${MARKER}`,
      `/elsewhere${SEND_OTP}`,
      `/paylink${SEND_OTP}/${MARKER}`,
      `/paylink/api/auth`,
      `/paylink/api/getInvoice/${MARKER}`,
    ]) {
      const answer = await shop.post(path, { marker: MARKER });
      assert.equal(answer.status, 404, path);
      assert.deepEqual(answer.json, { title: 'Not Found', status: 404 });
    }
  });

  test('a body over the limit', async () => {
    const before = mock.count(SEND_OTP);
    const big = JSON.stringify({ ...otpRequest(await newOrder(), 65), padding: 'x'.repeat(5000) });
    const answer = await shop.post(`/paylink${SEND_OTP}`, big);
    assert.equal(answer.status, 413);
    // Sent in chunks with no Content-Length, it is cut off all the same.
    const chunked = await shop.post(
      `/paylink${SEND_OTP}`,
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < 10; i++)
            controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
          controller.close();
        },
      }),
    );
    assert.equal(chunked.status, 413);
    assert.equal(mock.count(SEND_OTP), before);
  });

  test('a body that is not application/json, or not JSON', async () => {
    const body = JSON.stringify(otpRequest(await newOrder(), 65));
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ])
      assert.equal(
        (await shop.post(`/paylink${SEND_OTP}`, body, { 'Content-Type': type })).status,
        415,
        type,
      );
    const notJson = await shop.post(`/paylink${SEND_OTP}`, `{"stcpayMobile": ${MARKER}`);
    assert.equal(notJson.status, 400);
    assert.equal(notJson.text.includes(MARKER), false);
  });

  test('every field of the wrong shape, naming the field and echoing nothing', async () => {
    const order = await newOrder();
    const before = mock.count(SEND_OTP);
    const cases = [
      [{ stcpayMobile: MARKER }, 'stcpayMobile'],
      [{ stcpayMobile: '0551234567' }, 'stcpayMobile'],
      [{ stcpayMobile: '5512345678' }, 'stcpayMobile'],
      [{ stcpayMobile: 551234567 }, 'stcpayMobile'],
      [{ stcpayMobileCountryCode: '+966' }, 'stcpayMobileCountryCode'],
      [{ orderNumber: `../${MARKER}` }, 'orderNumber'],
      [{ orderNumber: 'x'.repeat(65) }, 'orderNumber'],
      [{ total: '65' }, 'total'],
      [{ total: -65 }, 'total'],
      [{ total: 65.001 }, 'total'],
    ];
    for (const [change, field] of cases) {
      const answer = await shop.post(`/paylink${SEND_OTP}`, otpRequest(order, 65, change));
      assert.equal(answer.status, 400, JSON.stringify(change));
      assert.equal(answer.json.detail, `Invalid field: ${field}.`);
      assert.equal(answer.text.includes(MARKER), false);
    }
    const extra = await shop.post(`/paylink${SEND_OTP}`, otpRequest(order, 65, { [MARKER]: 1 }));
    assert.equal(extra.status, 400);
    assert.equal(extra.text.includes(MARKER), false);
    const missing = await shop.post(`/paylink${SEND_OTP}`, { stcpayMobile: '551234567' });
    assert.equal(missing.status, 400);
    for (const body of ['[]', 'null', '"x"', '42'])
      assert.equal((await shop.post(`/paylink${SEND_OTP}`, body)).status, 400, body);

    const payment = {
      ...otpRequest(order, 65),
      stcpayPaymentOTP: '12345',
      paymentSessionId: 'abc',
      signature: 's',
      signedBase64Data: 'd',
    };
    for (const [change, field] of [
      [{ stcpayPaymentOTP: '12a45' }, 'stcpayPaymentOTP'],
      [{ stcpayPaymentOTP: '123' }, 'stcpayPaymentOTP'],
      [{ paymentSessionId: 'a b' }, 'paymentSessionId'],
      [{ signature: '' }, 'signature'],
      [{ signedBase64Data: 'x'.repeat(3000) }, 'signedBase64Data'],
    ]) {
      const answer = await shop.post(`/paylink${PROCESS_PAYMENT}`, { ...payment, ...change });
      assert.equal(answer.status, 400, JSON.stringify(change));
      assert.equal(answer.json.detail, `Invalid field: ${field}.`);
    }
    // Only an otp-sent detail's own extras may come along; any other field is refused.
    const extraPayment = await shop.post(`/paylink${PROCESS_PAYMENT}`, { ...payment, [MARKER]: 1 });
    assert.equal(extraPayment.status, 400);
    assert.equal(extraPayment.json.detail, 'The body has missing or unexpected fields.');
    assert.equal(mock.count(SEND_OTP), before);
  });

  test('an order that is not an invoice of this merchant, and a total that does not match, alike', async () => {
    const order = await newOrder();
    const before = mock.count(SEND_OTP);
    const paymentsBefore = mock.count(PROCESS_PAYMENT);
    const unknown = await shop.post(`/paylink${SEND_OTP}`, otpRequest('1000000000001', 65));
    const wrongTotal = await shop.post(`/paylink${SEND_OTP}`, otpRequest(order, 64.99));
    for (const answer of [unknown, wrongTotal]) {
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.json, {
        title: 'Bad Request',
        status: 400,
        detail: 'No unpaid order matches this orderNumber and total.',
      });
    }
    const wrongPayment = await shop.post(`/paylink${PROCESS_PAYMENT}`, {
      ...otpRequest(order, 6.5),
      stcpayPaymentOTP: '12345',
      paymentSessionId: 'abc',
      signature: 's',
      signedBase64Data: 'd',
    });
    assert.equal(wrongPayment.status, 400);
    assert.equal(mock.count(SEND_OTP), before);
    assert.equal(mock.count(PROCESS_PAYMENT), paymentsBefore);
  });

  test('an order already paid', async () => {
    const order = await newOrder();
    mock.paylink.invoices.get(order).orderStatus = 'Paid';
    const answer = await shop.post(`/paylink${SEND_OTP}`, otpRequest(order, 65));
    assert.equal(answer.status, 409);
    assert.equal(answer.json.detail, 'The order is already paid.');
  });

  test('sendOtp past the limit for one order, with Retry-After', async () => {
    const { paylink, post } = await store({
      rateLimit: { sendOtpPerOrder: { points: 2, duration: 60 } },
    });
    const order = await newOrder(paylink);
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(`/paylink${SEND_OTP}`, otpRequest(order, 65))).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    const refused = await post(`/paylink${SEND_OTP}`, otpRequest(order, 65));
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    // Another order is not held back by this one.
    assert.equal(
      (await post(`/paylink${SEND_OTP}`, otpRequest(await newOrder(paylink), 65))).status,
      200,
    );
  });

  test('sendOtp past the limit for one client address, by the configured header', async () => {
    const { paylink, post } = await store({
      clientAddressHeader: 'X-Forwarded-For',
      rateLimit: { sendOtpPerClient: { points: 2, duration: 60 } },
    });
    /** The status of sendOtp for a new order, sent from `address` (behind a client's own). */
    const sendFrom = async (address) => {
      const headers = { 'X-Forwarded-For': `203.0.113.9, ${address}` };
      const order = await newOrder(paylink);
      return (await post(`/paylink${SEND_OTP}`, otpRequest(order, 65), headers)).status;
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await sendFrom('198.51.100.1'));
    assert.deepEqual(statuses, [200, 200, 429]);
    // The first address in the header is the client's to write: only the last one counts.
    assert.equal(await sendFrom('198.51.100.2'), 200);
  });

  test('sendOtp past the limit for one connection address when no header is configured', async () => {
    const { paylink, post } = await store({
      rateLimit: { sendOtpPerClient: { points: 1, duration: 60 } },
    });
    const [a, b] = await Promise.all([newOrder(paylink), newOrder(paylink)]);
    assert.equal(
      (await post(`/paylink${SEND_OTP}`, otpRequest(a, 65), { 'X-Forwarded-For': '198.51.100.7' }))
        .status,
      200,
    );
    assert.equal(
      (await post(`/paylink${SEND_OTP}`, otpRequest(b, 65), { 'X-Forwarded-For': '198.51.100.8' }))
        .status,
      429,
    );
  });

  test('processPayment past the limit for one order (guesses at the code)', async () => {
    const { paylink, post } = await store({
      rateLimit: { processPaymentPerOrder: { points: 2, duration: 60 } },
    });
    const order = await newOrder(paylink);
    const request = otpRequest(order, 65);
    const { paymentSessionId, signature, signedBase64Data } = (
      await post(`/paylink${SEND_OTP}`, request)
    ).json;
    const guess = (otp) =>
      post(`/paylink${PROCESS_PAYMENT}`, {
        ...request,
        stcpayPaymentOTP: otp,
        paymentSessionId,
        signature,
        signedBase64Data,
      });
    assert.equal((await guess('11111')).status, 400);
    assert.equal((await guess('33333')).status, 400);
    assert.equal((await guess(TEST_OTPS.success)).status, 429);
  });

  test('payment-status with a missing or malformed transactionNo, or an unknown one', async () => {
    for (const query of [
      '',
      '?transactionNo=',
      `?transactionNo=../${MARKER}`,
      '?transactionNo=1&x=2',
    ]) {
      const answer = await shop.send(`/paylink/payment-status${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.text.includes(MARKER), false);
    }
    assert.equal(
      (await shop.send('/paylink/payment-status?transactionNo=1000000000002')).status,
      404,
    );
  });
});

describe('CORS', () => {
  test('no CORS headers at all by default, and no preflight', async () => {
    const headers = { Origin: 'https://elsewhere.example' };
    const answer = await shop.post(
      `/paylink${SEND_OTP}`,
      otpRequest(await newOrder(), 65),
      headers,
    );
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    const preflight = await shop.send(`/paylink${SEND_OTP}`, { method: 'OPTIONS', headers });
    assert.equal(preflight.status, 405);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });

  test('with allowedOrigins, those origins only', async () => {
    const { paylink, send, post } = await store({ allowedOrigins: ['https://shop.example'] });
    const preflight = await send(`/paylink${SEND_OTP}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
    const order = await newOrder(paylink);
    const allowed = await post(`/paylink${SEND_OTP}`, otpRequest(order, 65), {
      Origin: 'https://shop.example',
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    const other = await post(`/paylink${SEND_OTP}`, otpRequest(order, 65), {
      Origin: 'https://evil.example',
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

test('no answer of the proxy carried the credentials or a token', () => {
  const tokens = new Set(
    mock.exchanges.map((e) => e.authorization?.replace(/^Bearer /, '')).filter(Boolean),
  );
  assert.ok(tokens.size > 0);
  assert.ok(answers.length > 50, `${answers.length} answers`);
  for (const text of answers)
    for (const secret of [...tokens, MOCK_CREDENTIALS.apiId, MOCK_CREDENTIALS.secretKey])
      assert.equal(text.includes(secret), false, 'a secret in an answer');
});
