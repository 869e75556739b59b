// stcpay-otp/server, the merchant's calls: the token (kept, renewed before it expires, fetched
// once however many calls wait, renewed once after a 401), addInvoice, getInvoice and
// verifyPayment, all over real HTTP against the local mock Paylink. `npm test` builds first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPaylink, PaylinkServerError } from 'stcpay-otp/server';
import { MOCK_CREDENTIALS } from '../../demo/mock-paylink.js';
import { invoiceInput, mockKit, pay, startMock } from './mock-server.mjs';

const AUTH = '/api/auth';

let mock;
before(async () => (mock = await startMock()));
after(() => mock.close());

const kit = (options = {}) => mockKit(mock, options);

/** The error `promise` rejects with, checked to be a PaylinkServerError. */
async function failure(promise) {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e) => e,
  );
  assert.ok(error instanceof PaylinkServerError, `a PaylinkServerError, not ${error}`);
  return error;
}

describe('the token', () => {
  test('signs in once with persistToken and keeps the token for later calls', async () => {
    const before = mock.count(AUTH);
    const paylink = kit();
    const { transactionNo } = await paylink.addInvoice(invoiceInput());
    await paylink.getInvoice(transactionNo);
    await paylink.verifyPayment(transactionNo, { amount: 65 });
    assert.equal(mock.count(AUTH) - before, 1);
  });

  test('sends persistToken: true', async () => {
    const bodies = [];
    const paylink = kit({
      fetch: (url, init) => {
        if (url.endsWith(AUTH)) bodies.push(JSON.parse(init.body));
        return fetch(url, init);
      },
    });
    await paylink.addInvoice(invoiceInput());
    assert.deepEqual(bodies, [{ ...MOCK_CREDENTIALS, persistToken: true }]);
  });

  test('many calls at once wait for one sign-in', async () => {
    const before = mock.count(AUTH);
    const paylink = kit();
    const invoices = await Promise.all(
      Array.from({ length: 12 }, () => paylink.addInvoice(invoiceInput())),
    );
    assert.equal(new Set(invoices.map((i) => i.transactionNo)).size, 12);
    assert.equal(mock.count(AUTH) - before, 1);
  });

  test('is renewed shortly before it expires, without a refused call', async () => {
    const shortLived = await startMock({ tokenLifetimeMs: 2500 });
    try {
      const paylink = createPaylink({
        ...MOCK_CREDENTIALS,
        environment: 'testing',
        restBaseUrl: shortLived.origin,
      });
      await paylink.addInvoice(invoiceInput());
      await paylink.addInvoice(invoiceInput());
      assert.equal(shortLived.count(AUTH), 1);
      await new Promise((resolve) => setTimeout(resolve, 2600));
      await paylink.addInvoice(invoiceInput());
      assert.equal(shortLived.count(AUTH), 2);
      assert.equal(shortLived.count('/api/addInvoice', 401), 0);
    } finally {
      await shortLived.close();
    }
  });

  test('after a 401, signs in again once and sends the call again', async () => {
    const paylink = kit();
    const { transactionNo } = await paylink.addInvoice(invoiceInput());
    const before = mock.count(AUTH);
    mock.paylink.revokeTokens();
    const invoice = await paylink.getInvoice(transactionNo);
    assert.equal(invoice.transactionNo, transactionNo);
    assert.equal(mock.count(AUTH) - before, 1);
    assert.equal(mock.count(`/api/getInvoice/${transactionNo}`, 401), 1);
    assert.equal(mock.count(`/api/getInvoice/${transactionNo}`, 200), 1);
  });

  test('a 401 after the fresh sign-in too is an error, not a loop', async () => {
    const paylink = kit();
    const { transactionNo } = await paylink.addInvoice(invoiceInput());
    const path = `/api/getInvoice/${transactionNo}`;
    mock.intercept((req, res) => {
      if (!req.url.startsWith(path)) return false;
      res
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end('{"title":"Unauthorized","status":401}');
      return true;
    });
    try {
      const error = await failure(paylink.getInvoice(transactionNo));
      assert.equal(error.code, 'http');
      assert.equal(error.status, 401);
      assert.equal(mock.count(path), 2);
    } finally {
      mock.intercept(undefined);
    }
  });

  test('refused credentials reject with code auth, and the message holds no secret', async () => {
    const secretKey = 'a-wrong-secret-key-1234';
    const error = await failure(kit({ secretKey }).getInvoice('1234567890123'));
    assert.equal(error.code, 'auth');
    assert.equal(error.status, 401);
    for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
      assert.doesNotMatch(text, new RegExp(secretKey));
      assert.doesNotMatch(text, new RegExp(MOCK_CREDENTIALS.apiId));
    }
  });

  test("Paylink's words in an error never carry the credentials or the token", async () => {
    const paylink = kit();
    const { transactionNo } = await paylink.addInvoice(invoiceInput());
    const path = `/api/getInvoice/${transactionNo}`;
    let token;
    mock.intercept((req, res) => {
      if (!req.url.startsWith(path)) return false;
      token = req.headers.authorization.replace(/^Bearer /, '');
      const detail = `token ${token} for ${MOCK_CREDENTIALS.apiId} / ${MOCK_CREDENTIALS.secretKey}`;
      res
        .writeHead(500, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ title: 'Error', status: 500, detail }));
      return true;
    });
    try {
      const error = await failure(paylink.getInvoice(transactionNo));
      assert.equal(error.code, 'http');
      assert.match(error.message, /\[redacted\]/);
      for (const secret of [token, MOCK_CREDENTIALS.apiId, MOCK_CREDENTIALS.secretKey])
        assert.equal(error.message.includes(secret), false, 'a secret in the message');
    } finally {
      mock.intercept(undefined);
    }
  });

  test('no answer in time rejects with code timeout', async () => {
    mock.intercept((req) => req.url === AUTH); // never answered
    try {
      const error = await failure(kit({ timeout: 300 }).getInvoice('1234567890123'));
      assert.equal(error.code, 'timeout');
    } finally {
      mock.intercept(undefined);
    }
  });
});

test("a call aborted by its signal rejects with the signal's reason", async () => {
  mock.intercept((req) => req.url.startsWith('/api/getInvoice/')); // never answered
  try {
    const paylink = kit();
    await paylink.addInvoice(invoiceInput());
    const reason = new Error('the customer left');
    const stop = new AbortController();
    const call = paylink.getInvoice('1234567890123', { signal: stop.signal });
    setTimeout(() => stop.abort(reason), 100);
    assert.equal(await call.catch((e) => e), reason);
  } finally {
    mock.intercept(undefined);
  }
});

describe('addInvoice', () => {
  test('creates the invoice and answers with transactionNo, url, amount and orderStatus', async () => {
    const invoice = await kit().addInvoice(invoiceInput(10.5));
    assert.match(invoice.transactionNo, /^\d{13,14}$/);
    assert.match(invoice.url, /^http:\/\/127\.0\.0\.1:\d+\/mock\/invoice\/\d+$/);
    assert.equal(invoice.amount, 10.5);
    assert.equal(invoice.orderStatus, 'pending');
  });

  const refusals = [
    ['an amount under 5 SAR', { amount: 4.99 }, 'amount', /at least 5\.00/],
    ['an amount past the halala', { amount: 10.005 }, 'amount', /two decimals/],
    ['no client name', { clientName: '' }, 'clientName', /non-empty/],
    ['a client mobile with letters', { clientMobile: '05512abc' }, 'clientMobile', /digits/],
    ['a relative callBackUrl', { callBackUrl: '/paid' }, 'callBackUrl', /absolute/],
    ['no products', { products: [] }, 'products', /non-empty list/],
    [
      'a product with a quantity of 0',
      { products: [{ title: 'x', price: 5, qty: 0 }] },
      'products[0].qty',
      /at least 1/,
    ],
  ];
  for (const [what, change, field, message] of refusals)
    test(`refuses ${what} before sending anything`, async () => {
      const before = mock.count('/api/addInvoice');
      const error = await failure(kit().addInvoice({ ...invoiceInput(), ...change }));
      assert.equal(error.code, 'validation');
      assert.equal(error.field, field);
      assert.match(error.message, message);
      assert.equal(mock.count('/api/addInvoice'), before);
    });
});

describe('getInvoice and verifyPayment', () => {
  test('getInvoice answers the invoice as it is now', async () => {
    const paylink = kit();
    const { transactionNo } = await paylink.addInvoice(invoiceInput(20));
    const invoice = await paylink.getInvoice(transactionNo);
    assert.equal(invoice.transactionNo, transactionNo);
    assert.equal(invoice.amount, 20);
    assert.equal(invoice.orderStatus, 'pending');
  });

  test('getInvoice of an unknown transactionNo rejects with code not-found', async () => {
    const error = await failure(kit().getInvoice('1000000000000'));
    assert.equal(error.code, 'not-found');
    assert.equal(error.status, 404);
  });

  test('getInvoice refuses a transactionNo that could change the path', async () => {
    const error = await failure(kit().getInvoice('../auth'));
    assert.equal(error.code, 'validation');
    assert.equal(error.field, 'transactionNo');
  });

  const verifications = [
    // What is checked; the invoice's amount; whether the customer pays it; the amounts the store
    // expects; what verifyPayment answers for each of them.
    ['unpaid', 65, false, [65], { paid: false, orderStatus: 'pending', amount: 65 }],
    ['paid, to the halala', 65.1, true, [65.1], { paid: true, orderStatus: 'paid', amount: 65.1 }],
    [
      'paid, but not the amount expected, is not paid',
      65,
      true,
      [65.01, 650],
      { paid: false, orderStatus: 'paid', amount: 65 },
    ],
  ];
  for (const [what, amount, pays, expectedAmounts, answer] of verifications)
    test(`verifyPayment: ${what}`, async () => {
      const paylink = kit();
      const { transactionNo } = await paylink.addInvoice(invoiceInput(amount));
      if (pays) await pay(mock.origin, transactionNo, amount);
      for (const expected of expectedAmounts)
        assert.deepEqual(
          await paylink.verifyPayment(transactionNo, { amount: expected }),
          answer,
          `expecting ${expected}`,
        );
    });

  test('verifyPayment reads orderStatus in any case', async () => {
    const paylink = kit();
    const { transactionNo } = await paylink.addInvoice(invoiceInput(30));
    mock.paylink.invoices.get(transactionNo).orderStatus = 'Paid';
    assert.equal((await paylink.verifyPayment(transactionNo, { amount: 30 })).paid, true);
  });

  test('verifyPayment needs the amount to compare with', async () => {
    const error = await failure(kit().verifyPayment('1234567890123', {}));
    assert.equal(error.code, 'validation');
    assert.equal(error.field, 'amount');
  });
});

describe('createPaylink', () => {
  const bad = [
    ['no apiId', { apiId: '' }, 'apiId'],
    ['no secretKey', { secretKey: undefined }, 'secretKey'],
    ['an unknown environment', { environment: 'staging' }, 'environment'],
    ['a restBaseUrl with a query', { restBaseUrl: 'https://x.example/?a=1' }, 'restBaseUrl'],
    ['a prefix that is not a path', { prefix: 'paylink' }, 'prefix'],
    [
      'an allowed origin with a path',
      { allowedOrigins: ['https://shop.example/x'] },
      'allowedOrigins',
    ],
    [
      'a limit of 0',
      { rateLimit: { sendOtpPerOrder: { points: 0, duration: 60 } } },
      'rateLimit.sendOtpPerOrder',
    ],
  ];
  for (const [what, change, field] of bad)
    test(`refuses ${what}, naming the option and not its value`, () => {
      const secretKey = 'do-not-print-this-secret';
      assert.throws(
        () => createPaylink({ ...MOCK_CREDENTIALS, secretKey, environment: 'testing', ...change }),
        (error) =>
          error instanceof PaylinkServerError &&
          error.code === 'config' &&
          error.field === field &&
          !error.message.includes(secretKey),
      );
    });

  // A deploy with none of its settings says first what it lacks most: the credentials.
  for (const [what, options, field] of [
    ['an empty options object', {}, 'apiId'],
    ['only an apiId', { apiId: 'id' }, 'secretKey'],
    ['no options at all', undefined, 'options'],
  ])
    test(`given ${what}, names ${field} first`, () => {
      assert.throws(
        () => createPaylink(options),
        (error) => error instanceof PaylinkServerError && error.field === field,
      );
    });
});
