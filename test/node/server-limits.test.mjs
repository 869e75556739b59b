// The kit's limits count what Paylink counts, and shoppers behind one address are not one
// shopper: each finding of a hostile review of stcpay-otp/server, over real HTTP, from several
// 127.x source addresses, with Express behind a small reverse proxy as a store runs it.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { toNodeHandler } from 'stcpay-otp/server';
import { TEST_OTPS } from '../../demo/mock-paylink.js';
import {
  close,
  GET_INVOICE,
  invoiceInput,
  listen,
  mockKit,
  otpRequest,
  pay,
  postJson,
  PROCESS_PAYMENT,
  SEND_OTP,
  serveNode,
  startMock,
} from './mock-server.mjs';

let mock;
const servers = [];
before(async () => {
  mock = await startMock();
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await mock.close();
});

const kit = (options = {}) => mockKit(mock, options);

async function served(paylink) {
  const server = await serveNode(toNodeHandler(paylink.handler));
  servers.push(server);
  return `${server.origin}/paylink`;
}

/**
 * POSTs `body` as JSON to `url` from the source address `from` (any 127.x on this machine);
 * resolves with {status, json}.
 */
function postFrom(from, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, json: text && JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const getInvoiceCalls = () => mock.exchanges.filter((e) => GET_INVOICE.test(e.path)).length;
const sendOtpCalls = () => mock.count(SEND_OTP);

describe('processPayment from one address', () => {
  test('300 made-up orders: refused after a handful, without a getInvoice for each', async () => {
    const base = await served(kit());
    const before = getInvoiceCalls();
    const statuses = [];
    for (let i = 0; i < 300; i++) {
      const order = String(1_000_000_000_000 + i);
      const answer = await postFrom('127.0.0.11', `${base}${PROCESS_PAYMENT}`, {
        ...otpRequest(order, 87.5),
        stcpayPaymentOTP: TEST_OTPS.success,
        paymentSessionId: 'made-up',
        signature: 'made-up',
        signedBase64Data: 'made-up',
      });
      statuses.push(answer.status);
    }
    const asked = getInvoiceCalls() - before;
    console.log(`300 made-up orders from one address: ${asked} getInvoice calls`);
    assert.ok(asked <= 12, `${asked} getInvoice calls`);
    assert.equal(statuses.filter((s) => s === 429).length, 300 - asked);
    // Another address is another client.
    const other = await postFrom('127.0.0.12', `${base}${PROCESS_PAYMENT}`, {
      ...otpRequest('1000000000999', 87.5),
      stcpayPaymentOTP: TEST_OTPS.success,
      paymentSessionId: 'made-up',
      signature: 'made-up',
      signedBase64Data: 'made-up',
    });
    assert.equal(other.status, 400);
  });

  test('trying totals against a known order: stopped before it finds the amount', async () => {
    const paylink = kit();
    const base = await served(paylink);
    const order = (await paylink.addInvoice(invoiceInput(87.5))).transactionNo;
    let found;
    let tries = 0;
    let last;
    for (let total = 80; total <= 95 && found === undefined; total += 0.5) {
      tries++;
      const relayed = mock.count(PROCESS_PAYMENT);
      last = await postFrom('127.0.0.13', `${base}${PROCESS_PAYMENT}`, {
        ...otpRequest(order, total),
        stcpayPaymentOTP: TEST_OTPS.success,
        paymentSessionId: 'made-up',
        signature: 'made-up',
        signedBase64Data: 'made-up',
      });
      if (last.status === 429) break;
      // The kit relays a payment only for the invoice's own total: then the amount is found
      // (Paylink itself refuses the made-up session with a 400 as well).
      if (mock.count(PROCESS_PAYMENT) > relayed) found = total;
    }
    console.log(`trying totals: refused with 429 after ${tries - 1} wrong totals`);
    assert.equal(found, undefined, 'the amount was found');
    assert.equal(last.status, 429);
    assert.ok(tries <= 13, `${tries} tries`);
  });
});

test('per-order limits count the invoice Paylink has, not the string sent', async () => {
  // A backend that reads transaction numbers as numbers: "01001" finds invoice 1001.
  mock.intercept((req) => {
    const zeros = /^(\/api\/getInvoice\/)0+(\d+)$/.exec(new URL(req.url, 'http://x').pathname);
    if (zeros) req.url = zeros[1] + zeros[2];
    return false;
  });
  try {
    // The per-client limit out of the way: each refusal weighs 5, and it would answer first.
    const paylink = kit({
      rateLimit: {
        sendOtpPerOrder: { points: 5, duration: 60 },
        sendOtpPerClient: { points: 10_000, duration: 60 },
      },
    });
    const base = await served(paylink);
    const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
    const before = sendOtpCalls();
    const statuses = [];
    for (const zeros of ['', '0', '00', '000'])
      for (let i = 0; i < 5; i++)
        statuses.push((await postJson(`${base}${SEND_OTP}`, otpRequest(zeros + order, 65))).status);
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    // Another spelling of the order is refused as not the invoice's own transaction number.
    assert.deepEqual(statuses.slice(5), Array(15).fill(400));
    assert.equal(sendOtpCalls() - before, 5, 'five codes for one invoice, as its limit says');
  } finally {
    mock.intercept(undefined);
  }
});

describe('the client address', () => {
  test('Express with trust proxy behind a reverse proxy: each shopper is their own client', async () => {
    const paylink = kit({ rateLimit: { sendOtpPerClient: { points: 3, duration: 60 } } });
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use('/paylink', toNodeHandler(paylink.handler));
    const appServer = createServer(app);
    const appOrigin = await listen(appServer);
    // The store's reverse proxy: it adds the shopper's address to X-Forwarded-For.
    const proxy = createServer((req, res) => {
      const upstream = httpRequest(
        `${appOrigin}${req.url}`,
        {
          method: req.method,
          headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress },
        },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    const proxyOrigin = await listen(proxy);
    try {
      const shoppers = ['127.0.0.21', '127.0.0.22', '127.0.0.23', '127.0.0.24', '127.0.0.25'];
      for (const shopper of shoppers) {
        const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
        const answer = await postFrom(
          shopper,
          `${proxyOrigin}/paylink${SEND_OTP}`,
          otpRequest(order, 65),
        );
        assert.equal(answer.status, 200, `${shopper}: ${JSON.stringify(answer.json)}`);
      }
      // One shopper past their own limit is still limited.
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
        statuses.push(
          (await postFrom('127.0.0.21', `${proxyOrigin}/paylink${SEND_OTP}`, otpRequest(order, 65)))
            .status,
        );
      }
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await close(proxy);
      await close(appServer);
    }
  });

  test('IPv6: every address of one /64 is one client', async () => {
    const paylink = kit({
      clientAddressHeader: 'x-real-ip',
      rateLimit: { sendOtpPerClient: { points: 3, duration: 60 } },
    });
    const base = await served(paylink);
    const statuses = [];
    for (const address of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:aaaa::2',
      '2001:db8:1:2:ffff:ffff:ffff:3',
      '[2001:db8:1:2::4]',
    ]) {
      const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
      statuses.push(
        (await postJson(`${base}${SEND_OTP}`, otpRequest(order, 65), { 'x-real-ip': address }))
          .status,
      );
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    // Another /64 is another client.
    const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
    const other = await postJson(`${base}${SEND_OTP}`, otpRequest(order, 65), {
      'x-real-ip': '2001:db8:1:3::1',
    });
    assert.equal(other.status, 200);
  });

  test("createPaylink({ clientAddress }) reads the platform's header", async () => {
    const paylink = kit({
      clientAddress: (request) => request.headers.get('cf-connecting-ip') ?? undefined,
      rateLimit: { sendOtpPerClient: { points: 2, duration: 60 } },
    });
    const base = await served(paylink);
    const send = async (address) => {
      const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
      return (
        await postJson(`${base}${SEND_OTP}`, otpRequest(order, 65), {
          'cf-connecting-ip': address,
        })
      ).status;
    };
    assert.deepEqual(
      [await send('198.51.100.7'), await send('198.51.100.7'), await send('198.51.100.7')],
      [200, 200, 429],
    );
    assert.equal(await send('198.51.100.8'), 200);
  });
});

test('sendOtp and processPayment name only the country codes the store serves', async () => {
  const paylink = kit();
  const base = await served(paylink);
  const order = (await paylink.addInvoice(invoiceInput(65))).transactionNo;
  const before = sendOtpCalls();
  for (const [code, mobile] of [
    ['44', '7700900123'],
    ['882', '1234567'],
    ['1', '2025550123'],
  ]) {
    const answer = await postJson(
      `${base}${SEND_OTP}`,
      otpRequest(order, 65, { stcpayMobileCountryCode: code, stcpayMobile: mobile }),
    );
    assert.equal(answer.status, 400, code);
    assert.equal((await answer.json()).detail, 'Invalid field: stcpayMobileCountryCode.');
  }
  assert.equal(sendOtpCalls(), before, 'nothing reached Paylink');
  // A store that serves another country says so.
  const abroad = kit({ countryCodes: ['966', '44'] });
  const abroadBase = await served(abroad);
  const answer = await postJson(
    `${abroadBase}${SEND_OTP}`,
    otpRequest(order, 65, { stcpayMobileCountryCode: '44', stcpayMobile: '7700900123' }),
  );
  assert.equal(answer.status, 200);
});

describe('a paid verdict', () => {
  test('is for the amount and the currency: a paid 65 USD invoice is not 65 SAR', async () => {
    const paylink = kit();
    const invoice = await paylink.addInvoice({ ...invoiceInput(65), currency: 'USD' });
    await pay(mock.origin, invoice.transactionNo, 65);
    assert.equal((await paylink.verifyPayment(invoice.transactionNo, { amount: 65 })).paid, false);
    assert.equal(
      (await paylink.verifyPayment(invoice.transactionNo, { amount: 65, currency: 'usd' })).paid,
      true,
    );
  });

  test('is for the invoice asked about: an answer for another transactionNo is not', async () => {
    const paylink = kit();
    const paid = await paylink.addInvoice(invoiceInput(65));
    await pay(mock.origin, paid.transactionNo, 65);
    const asked = await paylink.addInvoice(invoiceInput(65));
    // A backend that answers with another invoice than the one asked for.
    mock.intercept((req) => {
      if (new URL(req.url, 'http://x').pathname === `/api/getInvoice/${asked.transactionNo}`)
        req.url = `/api/getInvoice/${paid.transactionNo}`;
      return false;
    });
    try {
      const verdict = await paylink.verifyPayment(asked.transactionNo, { amount: 65 });
      assert.equal(verdict.orderStatus, 'paid');
      assert.equal(verdict.paid, false);
    } finally {
      mock.intercept(undefined);
    }
  });
});

test('a request body that stalls is answered 408 within bodyTimeout', async () => {
  const base = await served(kit({ bodyTimeout: 300 }));
  const { hostname, port, pathname } = new URL(`${base}${SEND_OTP}`);
  const started = Date.now();
  const answer = await new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
          'Content-Length: 200\r\n\r\n{"stcpayMobile":',
      );
    });
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref();
  });
  assert.match(answer, /^HTTP\/1\.1 408 /);
  const waited = Date.now() - started;
  assert.ok(waited >= 250 && waited < 3000, `${waited} ms`);
});

test('client keys: IPv4 as it is, IPv4-mapped as IPv4, IPv6 by its /64', async () => {
  const { clientKey } = await import('../../dist/lib/server/client-address.js');
  const cases = {
    '127.0.0.5': '127.0.0.5',
    '203.0.113.7:51234': '203.0.113.7',
    '::ffff:127.0.0.1': '127.0.0.1',
    '::ffff:7f00:1': '127.0.0.1',
    '0:0:0:0:0:ffff:c633:6407': '198.51.100.7',
    '2001:db8:1:2:3:4:5:6': '2001:db8:1:2::/64',
    '2001:0DB8:0001:0002::9': '2001:db8:1:2::/64',
    '[2001:db8:1:2::4]': '2001:db8:1:2::/64',
    'fe80::1%eth0': 'fe80:0:0:0::/64',
    '2001:db8::1': '2001:db8:0:0::/64',
    'not-an-address': 'not-an-address',
    '  ': 'unknown',
  };
  for (const [address, key] of Object.entries(cases))
    assert.equal(clientKey(address), key, address);
  assert.equal(clientKey(undefined), 'unknown');
});
