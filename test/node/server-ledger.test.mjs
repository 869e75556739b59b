// The kit's ledger over real HTTP, one instance in memory, in front of the local mock Paylink:
// one processPayment in flight per order, its outcome recorded when the browser leaves,
// payment-status `pending` while a payment may be going through, Paylink's webhook, and onPaid
// called once per paid order whichever way the news came (the Redis-shared ledger and the
// seeded chaos runs are in server-ledger-chaos.test.mjs).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createPaylink, PaylinkServerError, toNodeHandler } from 'stcpay-otp/server';
import { createPaylinkMock, MOCK_CREDENTIALS, TEST_OTPS } from '../../demo/mock-paylink.js';
import {
  close,
  GET_INVOICE,
  invoiceInput,
  listen,
  otpRequest,
  pay,
  postJson,
  PROCESS_PAYMENT,
  SEND_OTP,
  serveNode,
  startMock,
} from './mock-server.mjs';

const WEBHOOK = { header: 'X-Paylink-Webhook', value: 'wh-secret-7f2c91d04be3a6' };

let mock;
const servers = [];
before(async () => {
  mock = await startMock();
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await mock.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check()` is true, checking every 20 ms for up to `ms`; fails otherwise. */
async function until(check, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not so after ${ms} ms: ${check}`);
    await sleep(20);
  }
}

/**
 * A store: a kit on a port of its own, processPayment answered as the mock's `scenario` says, and
 * every onPaid call noted (`paidCalls`). `onPaid` runs before the note; it may throw.
 */
async function store({ scenario = 'ok', onPaid, ...options } = {}) {
  const paidCalls = [];
  const tenant = randomUUID();
  const paylink = createPaylink({
    ...MOCK_CREDENTIALS,
    environment: 'testing',
    restBaseUrl: mock.origin,
    stcpayBaseUrl: `${mock.origin}/mock/${tenant}/${scenario}`,
    webhook: WEBHOOK,
    pendingSeconds: 1,
    onPaid: async (order) => {
      await onPaid?.(order);
      paidCalls.push(order);
    },
    ...options,
  });
  const server = await serveNode(toNodeHandler(paylink.handler));
  servers.push(server);
  const base = `${server.origin}/paylink`;
  return {
    paylink,
    base,
    paidCalls,
    /** The STC Pay requests to `path` (processPayment unless said) that reached the mock. */
    upstream: async (path = PROCESS_PAYMENT) =>
      (await (await fetch(`${mock.origin}/mock/${tenant}/requests`)).json()).filter((entry) =>
        entry.path.endsWith(path),
      ),
    status: async (transactionNo) => {
      const response = await fetch(`${base}/payment-status?transactionNo=${transactionNo}`);
      return response.ok ? (await response.json()).status : response.status;
    },
    webhook: (body, headers = { [WEBHOOK.header]: WEBHOOK.value }) =>
      postJson(`${base}/webhook`, body, headers),
  };
}

/** A new invoice of 65 SAR and an open payment session for it, through `shop`'s proxy. */
async function session(shop) {
  const invoice = await shop.paylink.addInvoice(invoiceInput(65));
  const request = otpRequest(invoice.transactionNo, 65);
  const sent = await postJson(`${shop.base}${SEND_OTP}`, request);
  assert.equal(sent.status, 200);
  const { paymentSessionId, signature, signedBase64Data } = await sent.json();
  return {
    invoice,
    transactionNo: invoice.transactionNo,
    payment: (otp = TEST_OTPS.success) => ({
      ...request,
      stcpayPaymentOTP: otp,
      paymentSessionId,
      signature,
      signedBase64Data,
    }),
  };
}

/** The webhook body Paylink sends (version 1) for `invoice`. */
const webhookBody = (invoice, change = {}) => ({
  amount: invoice.amount,
  merchantEmail: 'merchant@example.com',
  transactionNo: invoice.transactionNo,
  merchantOrderNumber: invoice.gatewayOrderRequest.orderNumber,
  orderStatus: 'Paid',
  ...change,
});

describe('processPayment through the ledger', () => {
  test('a second one while the first is in flight gets 409 and never reaches Paylink', async () => {
    const shop = await store({ scenario: 'pay-slow' });
    const { transactionNo, payment } = await session(shop);
    const first = postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    await until(async () => (await shop.upstream()).length === 1);
    const second = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(second.status, 409);
    const body = await second.json();
    assert.deepEqual(Object.keys(body).sort(), ['detail', 'status', 'title']);
    assert.equal(body.status, 409);
    assert.match(body.detail, /already under way/);
    assert.equal(await shop.status(transactionNo), 'pending');
    assert.equal((await first).status, 200);
    assert.equal((await shop.upstream()).length, 1);
    await until(() => shop.paidCalls.length === 1);
    assert.equal(await shop.status(transactionNo), 'paid');
  });

  test('the browser leaves mid-payment: the call runs to its end, and onPaid is told once', async () => {
    const shop = await store({ scenario: 'pay-slow' });
    const { invoice, transactionNo, payment } = await session(shop);
    const browser = new AbortController();
    const leaving = postJson(`${shop.base}${PROCESS_PAYMENT}`, payment(), {}, browser.signal);
    await until(async () => (await shop.upstream()).length === 1);
    browser.abort();
    await assert.rejects(leaving);
    await until(() => shop.paidCalls.length === 1);
    assert.deepEqual(shop.paidCalls, [
      {
        transactionNo,
        orderNumber: invoice.gatewayOrderRequest.orderNumber,
        amount: 65,
        source: 'processPayment',
      },
    ]);
    assert.equal((await shop.upstream())[0].abandoned, false, 'the kit waited for the answer');
    assert.equal(await shop.status(transactionNo), 'paid');
    // Paid: any later processPayment is refused without reaching Paylink.
    const again = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(again.status, 409);
    assert.equal((await shop.upstream()).length, 1);
    await sleep(100);
    assert.equal(shop.paidCalls.length, 1);
  });

  test("a lost answer that paid: pending, then paid on Paylink's word, onPaid once", async () => {
    const shop = await store({ scenario: 'pay-lost-reset' });
    const { transactionNo, payment } = await session(shop);
    const lost = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(lost.status, 502);
    await until(() => shop.paidCalls.length === 1);
    assert.equal(shop.paidCalls[0].source, 'processPayment');
    assert.equal(await shop.status(transactionNo), 'paid');
  });

  test('a lost answer that did not pay: pending and no new payment for pendingSeconds, then unpaid', async () => {
    // pay-hang: Paylink never answers and never pays; the kit gives up after `timeout`.
    const shop = await store({ scenario: 'pay-hang', timeout: 300 });
    const { transactionNo, payment } = await session(shop);
    // The kit notes the answer lost before it answers 504: its pending window starts earlier.
    let answeredAt;
    const attempt = postJson(`${shop.base}${PROCESS_PAYMENT}`, payment()).then((answer) => {
      answeredAt = Date.now();
      return answer;
    });
    await until(async () => (await shop.upstream()).length === 1);
    assert.equal(await shop.status(transactionNo), 'pending', 'in flight');
    assert.equal((await attempt).status, 504);
    assert.equal(await shop.status(transactionNo), 'pending', 'its answer lost');
    const meanwhile = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(meanwhile.status, 409);
    assert.match((await meanwhile.json()).detail, /outcome is not known yet/);
    assert.equal((await shop.upstream()).length, 1);
    await sleep(Math.max(0, answeredAt + 1000 + 20 - Date.now()));
    assert.equal(await shop.status(transactionNo), 'unpaid');
    // Now a new payment may go: it reaches Paylink (which hangs again).
    const later = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(later.status, 504);
    assert.equal((await shop.upstream()).length, 2);
    assert.equal(shop.paidCalls.length, 0);
  });

  test('no new code while a payment is in flight or its outcome unknown; one again once unpaid', async () => {
    // Time enough for the in-flight check below to happen in flight on a busy machine.
    const shop = await store({ scenario: 'pay-hang', timeout: 2000 });
    const { transactionNo, payment } = await session(shop);
    const newCode = () => postJson(`${shop.base}${SEND_OTP}`, otpRequest(transactionNo, 65));
    let answeredAt;
    const attempt = postJson(`${shop.base}${PROCESS_PAYMENT}`, payment()).then((answer) => {
      answeredAt = Date.now();
      return answer;
    });
    await until(async () => (await shop.upstream()).length === 1);
    const inFlight = await newCode();
    assert.equal(inFlight.status, 409);
    assert.match((await inFlight.json()).detail, /already under way/);
    assert.equal((await attempt).status, 504);
    const unknown = await newCode();
    assert.equal(unknown.status, 409);
    assert.match((await unknown.json()).detail, /outcome is not known yet/);
    assert.equal((await shop.upstream(SEND_OTP)).length, 1, "only the session's own");
    await sleep(Math.max(0, answeredAt + 1000 + 20 - Date.now()));
    assert.equal(await shop.status(transactionNo), 'unpaid');
    assert.equal((await newCode()).status, 200);
    assert.equal((await shop.upstream(SEND_OTP)).length, 2);
  });

  /** The next processPayment is answered by a page in front of Paylink, not by Paylink. */
  const pageInstead = (status, html) =>
    mock.intercept((req, res) => {
      if (!req.url.endsWith(PROCESS_PAYMENT)) return false;
      mock.intercept(undefined);
      req.resume();
      req.on('end', () => res.writeHead(status, { 'Content-Type': 'text/html' }).end(html));
      return true;
    });

  test("a server's error page instead of Paylink's answer: the shopper is told 502, and the order is pending", async () => {
    const shop = await store();
    const { transactionNo, payment } = await session(shop);
    // A proxy in front of Paylink answers for it with its own page (a 503, a CDN's 520...).
    pageInstead(503, '<h1>Service Unavailable</h1>');
    const answer = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(answer.status, 502);
    // The payment may have gone through behind that page: not unpaid, and no second one yet.
    assert.equal(await shop.status(transactionNo), 'pending');
    const again = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(again.status, 409);
  });

  test("a firewall's refusal page (a 4xx, not JSON): refused, so unpaid at once", async () => {
    const shop = await store();
    const { transactionNo, payment } = await session(shop);
    pageInstead(403, '<h1>Forbidden</h1>');
    assert.equal((await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment())).status, 502);
    assert.equal(await shop.status(transactionNo), 'unpaid');
  });

  test('a refused payment is unpaid at once, and the shopper may try again', async () => {
    const shop = await store();
    const { transactionNo, payment } = await session(shop);
    const wrong = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment(TEST_OTPS.wrong));
    assert.equal(wrong.status, 400);
    assert.equal(await shop.status(transactionNo), 'unpaid');
    const right = await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment());
    assert.equal(right.status, 200);
    await until(() => shop.paidCalls.length === 1);
  });
});

describe("Paylink's webhook", () => {
  test('without the header, or with a wrong one: 401, and Paylink is not asked', async () => {
    const shop = await store();
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    const asked = () => mock.exchanges.filter((e) => GET_INVOICE.test(e.path)).length;
    const before = asked();
    for (const headers of [
      {},
      { [WEBHOOK.header]: '' },
      { [WEBHOOK.header]: WEBHOOK.value.slice(0, -1) },
      { [WEBHOOK.header]: `${WEBHOOK.value}x` },
      { Authorization: WEBHOOK.value },
    ]) {
      const answer = await shop.webhook(webhookBody(invoice), headers);
      assert.equal(answer.status, 401, JSON.stringify(headers));
    }
    assert.equal(asked(), before);
  });

  test('for an invoice Paylink does not have as paid: nothing changes', async () => {
    const shop = await store();
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    const forged = await shop.webhook(webhookBody(invoice));
    assert.equal(forged.status, 409);
    const unknown = await shop.webhook(webhookBody(invoice, { transactionNo: '99999999999999' }));
    assert.equal(unknown.status, 404);
    const malformed = await shop.webhook({ orderStatus: 'Paid' });
    assert.equal(malformed.status, 400);
    assert.equal(await shop.status(invoice.transactionNo), 'unpaid');
    assert.equal(shop.paidCalls.length, 0);
  });

  test('ten deliveries at once of a paid invoice (v2 fields too): onPaid once, from the webhook', async () => {
    const shop = await store();
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    // Paid elsewhere (Paylink's own page): the kit hears of it only from the webhook.
    await pay(mock.origin, invoice.transactionNo, 65);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        shop.webhook(webhookBody(invoice, { paymentMethod: 'stcpay', amount: 1 })),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(200),
    );
    await until(() => shop.paidCalls.length === 1);
    await sleep(100);
    assert.deepEqual(shop.paidCalls, [
      {
        transactionNo: invoice.transactionNo,
        orderNumber: invoice.gatewayOrderRequest.orderNumber,
        amount: 65,
        source: 'webhook',
      },
    ]);
  });

  test('paid while a payment-status poll was asking Paylink: the poll answers paid, not unpaid', async () => {
    const shop = await store();
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    // The poll's getInvoice is answered (not paid yet) but its answer held back, as by a slow
    // network; meanwhile the invoice is paid and the webhook tells the kit.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let asked;
    const polled = new Promise((resolve) => (asked = resolve));
    mock.intercept((req, res) => {
      if (!req.url.includes(`/api/getInvoice/${invoice.transactionNo}`)) return false;
      mock.intercept(undefined);
      const end = res.end.bind(res);
      res.end = (...args) => {
        asked();
        held.then(() => end(...args));
        return res;
      };
      return false;
    });
    const poll = shop.status(invoice.transactionNo);
    await polled;
    await pay(mock.origin, invoice.transactionNo, 65);
    assert.equal((await shop.webhook(webhookBody(invoice))).status, 200);
    await until(() => shop.paidCalls.length === 1);
    release();
    assert.equal(await poll, 'paid');
  });

  test('a version 2 webhook larger than maxBodyBytes is read, once its header matched', async () => {
    const shop = await store();
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    await pay(mock.origin, invoice.transactionNo, 65);
    // Fields we have no list of, well past the 4096 bytes a page's request may have.
    const body = webhookBody(invoice, { products: Array(200).fill({ title: 'Arabic coffee' }) });
    assert.ok(JSON.stringify(body).length > 4096);
    assert.equal((await shop.webhook(body)).status, 200);
    await until(() => shop.paidCalls.length === 1);
    assert.equal((await shop.webhook(body, {})).status, 401);
  });

  test('a store without `webhook` has no such route', async () => {
    const shop = await store({ webhook: undefined });
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    assert.equal((await shop.webhook(webhookBody(invoice))).status, 404);
  });

  test("the mock sends Paylink's webhook after a payment, and again on anything but 200", async () => {
    const seen = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ header: req.headers[WEBHOOK.header.toLowerCase()], body: JSON.parse(body) });
        res.writeHead(seen.length < 3 ? 503 : 200).end();
      });
    });
    const url = await listen(receiver);
    const paylink = createPaylinkMock({ webhook: { ...WEBHOOK, url, retryMs: 20 } });
    const server = createServer((req, res) => paylink.handle(req, res) || res.writeHead(404).end());
    const origin = await listen(server);
    try {
      const token = (await (await postJson(`${origin}/api/auth`, { ...MOCK_CREDENTIALS })).json())
        .id_token;
      const invoice = await (
        await postJson(`${origin}/api/addInvoice`, invoiceInput(65), {
          Authorization: `Bearer ${token}`,
        })
      ).json();
      await pay(origin, invoice.transactionNo, 65);
      await until(() => seen.length === 3);
      await sleep(100);
      assert.equal(seen.length, 3, 'no more after a 200');
      for (const { header, body } of seen) {
        assert.equal(header, WEBHOOK.value);
        assert.deepEqual(body, {
          amount: 65,
          merchantEmail: 'merchant@example.com',
          transactionNo: invoice.transactionNo,
          merchantOrderNumber: invoice.gatewayOrderRequest.orderNumber,
          orderStatus: 'Paid',
        });
      }
    } finally {
      await close(server);
      await close(receiver);
    }
  });
});

describe('onPaid', () => {
  test('a failing onPaid is released, reconcile() delivers it (told by processPayment), and never again', async () => {
    let attempts = 0;
    const shop = await store({
      onPaid: () => {
        if (++attempts === 1) throw new Error('the warehouse is down');
      },
    });
    const { transactionNo, payment } = await session(shop);
    assert.equal((await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment())).status, 200);
    // The first delivery fails: nothing noted, and the order stays open.
    await until(() => attempts === 1);
    assert.equal(shop.paidCalls.length, 0);
    assert.deepEqual(await shop.paylink.reconcile(), { checked: 1, paid: 1 });
    assert.deepEqual(
      shop.paidCalls.map((c) => [c.transactionNo, c.source]),
      [[transactionNo, 'processPayment']],
    );
    assert.deepEqual(await shop.paylink.reconcile(), { checked: 0, paid: 0 });
    assert.equal(await shop.status(transactionNo), 'paid');
    assert.equal(shop.paidCalls.length, 1);
  });

  test('one that runs past onPaidTimeout counts as failed and is delivered again later', async () => {
    let attempts = 0;
    let firstCalled;
    const shop = await store({
      onPaidTimeout: 100,
      onPaid: async () => {
        if (++attempts === 1) {
          firstCalled = Date.now();
          await sleep(400);
          throw new Error('gave up');
        }
      },
    });
    const { payment } = await session(shop);
    assert.equal((await postJson(`${shop.base}${PROCESS_PAYMENT}`, payment())).status, 200);
    // The first delivery has started, and its onPaidTimeout is over.
    await until(() => attempts === 1);
    await sleep(firstCalled + 200 - Date.now());
    assert.equal(shop.paidCalls.length, 0);
    assert.equal((await shop.paylink.reconcile()).paid, 1);
    assert.equal(shop.paidCalls.length, 1);
  });

  test('verifyPayment that finds the order paid delivers it, once', async () => {
    const shop = await store();
    const invoice = await shop.paylink.addInvoice(invoiceInput(65));
    await pay(mock.origin, invoice.transactionNo, 65);
    assert.equal(
      (await shop.paylink.verifyPayment(invoice.transactionNo, { amount: 65 })).paid,
      true,
    );
    assert.equal(
      (await shop.paylink.verifyPayment(invoice.transactionNo, { amount: 65 })).paid,
      true,
    );
    assert.deepEqual(
      shop.paidCalls.map((c) => c.source),
      ['verifyPayment'],
    );
    // A verdict for another amount is not paid, and delivers nothing.
    const other = await shop.paylink.addInvoice(invoiceInput(65));
    await pay(mock.origin, other.transactionNo, 65);
    assert.equal(
      (await shop.paylink.verifyPayment(other.transactionNo, { amount: 60 })).paid,
      false,
    );
    assert.equal(shop.paidCalls.length, 1);
  });

  test('options: onPaid, webhook and the ledger times are checked when the kit is made', () => {
    const base = { ...MOCK_CREDENTIALS, environment: 'testing' };
    const refused = [
      [{ onPaid: 'ship' }, 'onPaid'],
      [{ webhook: { header: 'bad header', value: WEBHOOK.value } }, 'webhook.header'],
      [{ webhook: { header: 'Authorization', value: 'short' } }, 'webhook.value'],
      [{ pendingSeconds: 0 }, 'pendingSeconds'],
      [{ storeTimeout: -1 }, 'storeTimeout'],
      [{ onPaidTimeout: Number.NaN }, 'onPaidTimeout'],
      [{ redis: {} }, 'redis'],
    ];
    for (const [options, field] of refused)
      assert.throws(
        () => createPaylink({ ...base, ...options }),
        (error) =>
          error instanceof PaylinkServerError && error.code === 'config' && error.field === field,
        field,
      );
  });
});
