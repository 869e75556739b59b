import { expect } from '@open-wc/testing';
import {
  MARKUP_DETAIL,
  MOCK_CREDENTIALS,
  mockPaylink,
  TEST_OTPS,
  until,
  type MockInvoice,
  type RandomOutcome,
  type RecordedRequest,
  type Scenario,
} from './helpers/mock.js';
import { WORDS } from './helpers/refusal-words.js';

const SEND_OTP = '/rest/pay/stcpay/sendOtp';
const PROCESS_PAYMENT = '/rest/pay/stcpay/processPayment';

/**
 * Paylink documents only statuses and the Spring body for processPayment's refusals, whose
 * `error` is the reason phrase, so by default every refusal looks the same on the wire. The
 * decision tests below read the English wording (pay-words-en) to tell the refusals apart.
 */
const EN = '/mock/words/pay-words-en';
const INVALID_SESSION = { title: 'Bad Request', status: 400, detail: 'Invalid payment session' };
const EXPIRED = { title: 'Bad Request', status: 400, detail: 'The payment session has expired' };
const ALREADY_PAID = { title: 'Bad Request', status: 400, detail: 'The order is already paid' };
const INVALID_OTP = { title: 'Bad Request', status: 400, detail: 'Invalid OTP' };
const BAD_CREDENTIALS = {
  title: 'Unauthorized',
  status: 401,
  detail: 'Invalid apiId or secretKey',
};
const NO_TOKEN = {
  title: 'Unauthorized',
  status: 401,
  detail: 'A valid Bearer id_token from /api/auth is required',
};

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any answer
  body: any;
}

/** POSTs `body` as JSON (a string goes as it is), or GETs when there is no body. */
async function call(
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
) {
  const init: RequestInit =
    body === undefined
      ? { headers, signal }
      : {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
          signal,
          // A redirect is an answer to look at here, not one to follow.
          redirect: 'manual',
        };
  const response = await fetch(url, init);
  const answer: Answer = {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
    body: undefined,
  };
  try {
    answer.body = JSON.parse(answer.text);
  } catch {
    // not JSON: body stays undefined
  }
  return answer;
}

const newOrder = () => `order-${crypto.randomUUID()}`;

type PaymentRequest = Awaited<ReturnType<typeof openSession>>;

/** Runs a real sendOtp and returns the processPayment body for its session, success OTP in. */
async function openSession(base: string, orderNumber = newOrder(), total = 10) {
  const request = { stcpayMobile: '551234567', stcpayMobileCountryCode: '966', orderNumber, total };
  const answer = await call(base + SEND_OTP, request);
  expect(answer.status, 'sendOtp').to.equal(200);
  const { paymentSessionId, signature, signedBase64Data } = answer.body;
  return {
    ...request,
    stcpayPaymentOTP: TEST_OTPS.success as string,
    paymentSessionId,
    signature,
    signedBase64Data,
  };
}

const pay = (
  base: string,
  request: PaymentRequest,
  changes: Partial<Record<keyof PaymentRequest, unknown>> = {},
) => call(base + PROCESS_PAYMENT, { ...request, ...changes });

const paid = (request: PaymentRequest) => ({
  status: 200,
  body: {
    orderNumber: request.orderNumber,
    orderAmount: request.total,
    msg: `Payment of order ${request.orderNumber} has been processed.`,
  },
});

function expectSpringError(answer: Answer, status: number, error: string) {
  expect(answer.status).to.equal(status);
  expect(answer.body).to.include({ status, error, path: PROCESS_PAYMENT });
  expect(answer.body.timestamp).to.be.a('number');
}

describe('mock Paylink', () => {
  describe('processPayment', () => {
    it('pays with the session a real sendOtp opened and the success OTP, and logs both requests', async () => {
      const mock = mockPaylink();
      const request = await openSession(mock.baseUrl());
      expect(await pay(mock.baseUrl(), request)).to.deep.include(paid(request));
      const prefix = new URL(mock.baseUrl()).pathname;
      expect(await mock.requests()).to.deep.equal([
        {
          method: 'POST',
          path: prefix + SEND_OTP,
          contentType: 'application/json',
          accept: 'application/json',
          body: JSON.stringify({
            stcpayMobile: '551234567',
            stcpayMobileCountryCode: '966',
            orderNumber: request.orderNumber,
            total: 10,
          }),
          abandoned: false,
        },
        {
          method: 'POST',
          path: prefix + PROCESS_PAYMENT,
          contentType: 'application/json',
          accept: 'application/json',
          body: JSON.stringify(request),
          abandoned: false,
        },
      ] satisfies RecordedRequest[]);
    });

    it('answers on the unprefixed paths too', async () => {
      const request = await openSession('');
      expect(await pay('', request)).to.deep.include(paid(request));
    });

    it('refuses a wrong OTP and keeps the session open', async () => {
      const request = await openSession('');
      expect(await pay(EN, request, { stcpayPaymentOTP: TEST_OTPS.wrong })).to.deep.include({
        status: 400,
        body: INVALID_OTP,
      });
      expect(await pay(EN, request, { stcpayPaymentOTP: '99999' })).to.deep.include({
        status: 400,
        body: INVALID_OTP,
      });
      expect(await pay(EN, request)).to.deep.include(paid(request));
    });

    it('expires the session for the expire OTP, for good', async () => {
      const request = await openSession('');
      expect(await pay(EN, request, { stcpayPaymentOTP: TEST_OTPS.expire })).to.deep.include({
        status: 400,
        body: EXPIRED,
      });
      expect(await pay(EN, request)).to.deep.include({ status: 400, body: EXPIRED });
    });

    it("supersedes an order's session when sendOtp opens another, which then pays", async () => {
      const first = await openSession('');
      const second = await openSession('', first.orderNumber);
      expect(second.paymentSessionId).to.not.equal(first.paymentSessionId);
      expect(await pay(EN, first)).to.deep.include({ status: 400, body: EXPIRED });
      expect(await pay(EN, second)).to.deep.include(paid(second));
    });

    it('refuses a session whose fields differ from what sendOtp issued', async () => {
      const request = await openSession('');
      const other = await openSession('');
      const changes: Array<Partial<PaymentRequest>> = [
        { paymentSessionId: 'f'.repeat(24) },
        { signature: other.signature },
        { signedBase64Data: other.signedBase64Data },
        { orderNumber: other.orderNumber },
        { stcpayMobile: '551234568' },
        { stcpayMobileCountryCode: '965' },
        { total: 11 },
      ];
      for (const change of changes)
        expect(await pay(EN, request, change), JSON.stringify(change)).to.deep.include({
          status: 400,
          body: INVALID_SESSION,
        });
      expect(await pay(EN, request)).to.deep.include(paid(request));
    });

    it('refuses to pay an order twice, through the same session or a new one', async () => {
      const request = await openSession('');
      expect(await pay(EN, request)).to.deep.include(paid(request));
      expect(await pay(EN, request)).to.deep.include({ status: 400, body: ALREADY_PAID });
      const again = await openSession('', request.orderNumber);
      expect(await pay(EN, again)).to.deep.include({ status: 400, body: ALREADY_PAID });
    });

    it('answers a body with a missing or mistyped field, or an OTP of not only digits, with the Spring 400', async () => {
      const request = await openSession('');
      for (const field of Object.keys(request) as Array<keyof PaymentRequest>) {
        const { [field]: _, ...missing } = request;
        expectSpringError(await call(PROCESS_PAYMENT, missing), 400, 'Bad Request');
        const mistyped = { [field]: field === 'total' ? '10' : 12345 };
        expectSpringError(await pay(EN, request, mistyped), 400, 'Bad Request');
      }
      for (const stcpayPaymentOTP of ['1234a', '12 34', ''])
        expectSpringError(await pay('', request, { stcpayPaymentOTP }), 400, 'Bad Request');
      expectSpringError(await call(PROCESS_PAYMENT, '{"total": 10'), 400, 'Bad Request');
      expectSpringError(await call(PROCESS_PAYMENT, '[]'), 400, 'Bad Request');
      expect(await pay('', request)).to.deep.include(paid(request));
    });

    it('answers a body not sent as JSON with 415', async () => {
      const request = await openSession('');
      const answer = await call(PROCESS_PAYMENT, request, { 'Content-Type': 'text/plain' });
      expectSpringError(answer, 415, 'Unsupported Media Type');
      expect(await pay('', request)).to.deep.include(paid(request));
    });

    it('pays normally under the sendOtp scenarios', async () => {
      const mock = mockPaylink();
      const request = await openSession('');
      expect(await pay(mock.baseUrl('server-error'), request)).to.deep.include(paid(request));
    });
  });

  describe('processPayment scenarios (sendOtp answers as ok under them)', () => {
    const session = async (scenario: Scenario) => {
      const mock = mockPaylink();
      const base = mock.baseUrl(scenario);
      return { mock, base, request: await openSession(base) };
    };

    /** Every refusal processPayment decides, and the request that gets it. */
    const refusals = async (base: string) => {
      const answers: Record<'wrong' | 'expired' | 'session' | 'paid', Answer> = {} as never;
      const request = await openSession(base);
      answers.wrong = await pay(base, request, { stcpayPaymentOTP: TEST_OTPS.wrong });
      answers.session = await pay(base, request, { signature: 'changed' });
      answers.expired = await pay(base, request, { stcpayPaymentOTP: TEST_OTPS.expire });
      const other = await openSession(base);
      expect(await pay(base, other)).to.deep.include(paid(other));
      answers.paid = await pay(base, other);
      return answers;
    };

    it('words every refusal as the Spring body with only the reason phrase, by default', async () => {
      for (const base of ['', mockPaylink().baseUrl('ok')])
        for (const [why, answer] of Object.entries(await refusals(base))) {
          expect(answer.status, why).to.equal(400);
          expect(Object.keys(answer.body), why).to.deep.equal([
            'timestamp',
            'status',
            'error',
            'path',
          ]);
          expectSpringError(answer, 400, 'Bad Request');
        }
    });

    for (const voice of ['en', 'ar', 'stcpay'] as const)
      it(`pay-words-${voice}: words each refusal as {title, status, detail} in that voice`, async () => {
        const answers = await refusals(mockPaylink().baseUrl(`pay-words-${voice}`));
        for (const [why, answer] of Object.entries(answers))
          expect(answer, why).to.deep.include({
            status: 400,
            body: { title: 'Bad Request', status: 400, detail: WORDS[voice][why as 'paid'] },
          });
      });

    it('pay-unauthorized and pay-not-found: 401 and 404 with the Spring body', async () => {
      const unauthorized = await session('pay-unauthorized');
      expectSpringError(await pay(unauthorized.base, unauthorized.request), 401, 'Unauthorized');
      const notFound = await session('pay-not-found');
      expectSpringError(await pay(notFound.base, notFound.request), 404, 'Not Found');
      expect(await pay('', notFound.request)).to.deep.include(paid(notFound.request));
    });

    it('pay-lost-hang, pay-lost-reset, pay-lost-garbled: pay, then lose the answer', async () => {
      for (const scenario of ['pay-lost-hang', 'pay-lost-reset', 'pay-lost-garbled'] as const) {
        const { mock, base, request } = await session(scenario);
        const answer = await call(
          base + PROCESS_PAYMENT,
          request,
          {},
          AbortSignal.timeout(500),
        ).then(
          (a) => a,
          (e: Error) => e.name,
        );
        // No answer: the time limit aborts the fetch (WebKit names it AbortError).
        if (scenario === 'pay-lost-hang')
          expect(answer).to.be.oneOf(['TimeoutError', 'AbortError']);
        if (scenario === 'pay-lost-reset') expect(answer).to.equal('TypeError');
        if (scenario === 'pay-lost-garbled')
          expect(answer).to.include({ status: 200, body: undefined });
        const status = await call(
          `${mock.baseUrl()}/payment-status?transactionNo=${request.orderNumber}`,
        );
        expect(status, scenario).to.include({ status: 200 });
        expect(status.body, scenario).to.deep.equal({ status: 'paid' });
        expect(await pay(EN, request), scenario).to.deep.include({
          status: 400,
          body: ALREADY_PAID,
        });
      }
    }).timeout(8000);

    it("payment-status: the demo store's route, unpaid until processPayment pays, recorded per tenant", async () => {
      const mock = mockPaylink();
      const request = await openSession('');
      const ask = (base: string, no = request.orderNumber) =>
        call(`${base}/payment-status?transactionNo=${encodeURIComponent(no)}`);
      expect((await ask(mock.baseUrl())).body).to.deep.equal({ status: 'unpaid' });
      expect((await ask('')).body).to.deep.equal({ status: 'unpaid' });
      expect(await pay('', request)).to.deep.include(paid(request));
      expect((await ask(mock.baseUrl())).body).to.deep.equal({ status: 'paid' });
      expect((await ask('')).body).to.deep.equal({ status: 'paid' });
      expect((await call(`${mock.baseUrl()}/payment-status`)).status).to.equal(400);
      const errored = await ask(mock.baseUrl('status-error'));
      expect(errored.status).to.equal(500);
      let hung: unknown;
      await fetch(`${mock.baseUrl('status-hang')}/payment-status?transactionNo=1`, {
        signal: AbortSignal.timeout(300),
      }).catch((e: Error) => (hung = e.name));
      expect(hung).to.be.oneOf(['TimeoutError', 'AbortError']);
      const log = await mock.requests();
      expect(log.map((r) => [r.method, r.path.split('/').pop(), r.query])).to.deep.equal([
        ['GET', 'payment-status', `?transactionNo=${request.orderNumber}`],
        ['GET', 'payment-status', `?transactionNo=${request.orderNumber}`],
        ['GET', 'payment-status', ''],
        ['GET', 'payment-status', `?transactionNo=${request.orderNumber}`],
        ['GET', 'payment-status', '?transactionNo=1'],
      ]);
    });

    it('pay-server-error: 500 with the Spring body, the session still open', async () => {
      const { base, request } = await session('pay-server-error');
      expectSpringError(await pay(base, request), 500, 'Internal Server Error');
      expect(await pay('', request)).to.deep.include(paid(request));
    });

    it('pay-bad-gateway: 502 with an HTML body', async () => {
      const { base, request } = await session('pay-bad-gateway');
      const answer = await pay(base, request);
      expect(answer).to.include({ status: 502, contentType: 'text/html', body: undefined });
      expect(answer.text).to.contain('502 Bad Gateway');
    });

    it('pay-truncated: 200 with half a JSON body', async () => {
      const { base, request } = await session('pay-truncated');
      const answer = await pay(base, request);
      expect(answer).to.include({ status: 200, contentType: 'application/json', body: undefined });
      expect(answer.text).to.match(/^\{"orderNumber":/);
    });

    it('pay-slow: pays after 1.5 s', async () => {
      const { base, request } = await session('pay-slow');
      const start = performance.now();
      expect(await pay(base, request)).to.deep.include(paid(request));
      expect(performance.now() - start).to.be.within(1400, 3000);
    });

    it('pay-reset: drops the connection', async () => {
      const { base, request } = await session('pay-reset');
      let error: unknown;
      await pay(base, request).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
    });

    it('pay-hang: never answers; the log shows the request abandoned', async () => {
      const { mock, base, request } = await session('pay-hang');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      let error: unknown;
      await call(base + PROCESS_PAYMENT, request, {}, controller.signal).catch(
        (e: unknown) => (error = e),
      );
      expect(error).to.have.property('name', 'AbortError');
      await until(async () => {
        const log = await mock.requests();
        return log[1]?.path.endsWith(PROCESS_PAYMENT) && log[1].abandoned;
      });
    });
  });

  describe('sendOtp scenarios for the abuse tests', () => {
    const request = {
      stcpayMobile: '551234567',
      stcpayMobileCountryCode: '966',
      orderNumber: newOrder(),
      total: 10,
    };

    it('unauthorized and not-found: 401 and 404 with the Spring body', async () => {
      for (const [scenario, status, error] of [
        ['unauthorized', 401, 'Unauthorized'],
        ['not-found', 404, 'Not Found'],
      ] as const) {
        const answer = await call(mockPaylink().baseUrl(scenario) + SEND_OTP, request);
        expect(answer.status).to.equal(status);
        expect(answer.body).to.include({ status, error, path: SEND_OTP });
      }
    });

    it('bad-request-ar: 400 whose detail is Arabic', async () => {
      const answer = await call(mockPaylink().baseUrl('bad-request-ar') + SEND_OTP, request);
      expect(answer).to.deep.include({
        status: 400,
        body: { title: 'Bad Request', status: 400, detail: 'رقم الجوال غير مسجل في STC Pay' },
      });
    });

    it('markup-error: 400 whose detail is markup', async () => {
      const answer = await call(mockPaylink().baseUrl('markup-error') + SEND_OTP, request);
      expect(answer.status).to.equal(400);
      expect(answer.body).to.deep.equal({
        title: 'Bad Request',
        status: 400,
        detail: MARKUP_DETAIL,
      });
    });

    it('random: answers each request as the outcome it drew, after a short delay, and logs the draw', async () => {
      const mock = mockPaylink();
      const answers: (Answer | string)[] = [];
      for (let i = 0; i < 36; i++) {
        // Timed out: the signal's reason, as WebKit's fetch rejects with a plain AbortError.
        const signal = AbortSignal.timeout(500);
        answers.push(
          await call(mock.baseUrl('random') + SEND_OTP, request, {}, signal).catch(
            (error: Error) => (signal.aborted ? (signal.reason as Error).name : error.name),
          ),
        );
      }
      // The server hears of a connection the browser dropped (the last request's time-out) a
      // moment later: read the log once every request is over there too.
      await until(async () =>
        (await mock.requests()).every((entry) => typeof entry.closedAt === 'number'),
      );
      const log = await mock.requests();
      // Chromium re-sends by itself a request whose reused connection closes before any byte of
      // an answer; reset drops the connection mid-answer, so there is one entry per request.
      expect(log).to.have.length(answers.length);
      const statusOf = (answer: Answer | string) =>
        typeof answer === 'string' ? answer : answer.status;
      const expected: Record<RandomOutcome, (answer: Answer | string) => boolean> = {
        ok: (a) => statusOf(a) === 200 && typeof (a as Answer).body.signature === 'string',
        slow: (a) => statusOf(a) === 200 && typeof (a as Answer).body.signature === 'string',
        'server-error': (a) => statusOf(a) === 500,
        'bad-request': (a) => statusOf(a) === 400 && (a as Answer).body.detail !== MARKUP_DETAIL,
        'markup-error': (a) => statusOf(a) === 400 && (a as Answer).body.detail === MARKUP_DETAIL,
        'bad-gateway': (a) => statusOf(a) === 502,
        'missing-field': (a) => statusOf(a) === 200 && (a as Answer).body.signature === undefined,
        truncated: (a) => statusOf(a) === 200 && (a as Answer).body === undefined,
        hang: (a) => a === 'TimeoutError',
        reset: (a) => a === 'TypeError',
        redirect: (a) => statusOf(a) === 0, // opaque: not followed
      };
      log.forEach((entry, i) => {
        const what = `request ${i}: ${JSON.stringify(entry)}`;
        expect(expected[entry.outcome!](answers[i]), what).to.equal(true);
        expect(entry.delay, what).to.be.within(
          entry.outcome === 'slow' ? 150 : 0,
          entry.outcome === 'slow' ? 210 : 60,
        );
        expect(entry.closedAt, what).to.be.a('number');
        if (['hang', 'reset'].includes(entry.outcome!))
          expect(entry.answeredAt, what).to.equal(null);
        else expect(entry.answeredAt! - entry.receivedAt!, what).to.be.at.least(entry.delay! - 5);
      });
      // Outcomes vary: with 36 draws over 12 slots, a run with fewer than 4 kinds would be broken.
      expect(new Set(log.map((entry) => entry.outcome)).size).to.be.at.least(4);
    });
  });

  describe('REST API', () => {
    const invoiceRequest = () => ({
      orderNumber: newOrder(),
      amount: 10,
      callBackUrl: 'https://shop.example/paid',
      clientName: 'Sara',
      clientMobile: '0551234567',
      products: [{ title: 'Coffee', price: 10, qty: 1 }],
      currency: 'SAR',
    });
    let auth: Record<string, string>;

    before(async () => {
      const answer = await call('/api/auth', { ...MOCK_CREDENTIALS, persistToken: false });
      auth = { Authorization: `Bearer ${answer.body.id_token}` };
    });

    it('auth issues a fresh id_token for the mock credentials only', async () => {
      const first = await call('/api/auth', { ...MOCK_CREDENTIALS, persistToken: false });
      const second = await call('/api/auth', { ...MOCK_CREDENTIALS, persistToken: true });
      expect(first.status).to.equal(200);
      expect(first.body).to.have.all.keys('id_token');
      expect(first.body.id_token).to.be.a('string').with.length.above(15);
      expect(second.body.id_token).to.not.equal(first.body.id_token);
      for (const wrong of [{ secretKey: 'guess' }, { apiId: 'APP_ID_OTHER' }, { apiId: undefined }])
        expect(
          await call('/api/auth', { ...MOCK_CREDENTIALS, persistToken: false, ...wrong }),
        ).to.deep.include({
          status: 401,
          body: BAD_CREDENTIALS,
        });
    });

    it('addInvoice wants a token from auth', async () => {
      expect(await call('/api/addInvoice', invoiceRequest())).to.deep.include({
        status: 401,
        body: NO_TOKEN,
      });
      const made = { Authorization: 'Bearer made-up-token' };
      expect(await call('/api/addInvoice', invoiceRequest(), made)).to.deep.include({
        status: 401,
        body: NO_TOKEN,
      });
      expect((await call('/api/addInvoice', invoiceRequest(), auth)).status).to.equal(200);
    });

    it('addInvoice answers with the invoice shape Paylink SDKs read', async () => {
      const request = invoiceRequest();
      const { status, body } = await call('/api/addInvoice', request, auth);
      expect(status).to.equal(200);
      const invoice = body as MockInvoice;
      const page = `${location.origin}/mock/invoice/${invoice.transactionNo}`;
      expect(invoice).to.deep.equal({
        gatewayOrderRequest: request,
        amount: 10,
        transactionNo: invoice.transactionNo,
        orderStatus: 'pending',
        paymentErrors: null,
        url: page,
        qrUrl: `${page}/qr`,
        mobileUrl: `${page}/frame`,
        checkUrl: `${location.origin}/api/getInvoice/${invoice.transactionNo}`,
        success: true,
        digitalOrder: false,
        foreignCurrencyRate: null,
        paymentReceipt: null,
        metadata: null,
      } satisfies MockInvoice);
      expect(invoice.transactionNo).to.match(/^\d{13,14}$/);
      const next = await call('/api/addInvoice', request, auth);
      expect(next.body.transactionNo)
        .to.match(/^\d{13,14}$/)
        .and.not.equal(invoice.transactionNo);
    });

    it('addInvoice refuses an amount under 5.00 and names a missing or mistyped field', async () => {
      const under = await call('/api/addInvoice', { ...invoiceRequest(), amount: 4.99 }, auth);
      expect(under).to.deep.include({
        status: 400,
        body: { title: 'Bad Request', status: 400, detail: 'amount must be at least 5.00' },
      });
      expect(
        (await call('/api/addInvoice', { ...invoiceRequest(), amount: 5 }, auth)).status,
      ).to.equal(200);
      const { clientName: _, ...noName } = invoiceRequest();
      const wrongs: Array<[string, object]> = [
        ['clientName', noName],
        ['amount', { ...invoiceRequest(), amount: '10' }],
        ['products', { ...invoiceRequest(), products: [] }],
        [
          'products[0].price',
          { ...invoiceRequest(), products: [{ title: 'Coffee', price: '10', qty: 1 }] },
        ],
        ['note', { ...invoiceRequest(), note: 7 }],
      ];
      for (const [field, request] of wrongs)
        expect(await call('/api/addInvoice', request, auth), field).to.deep.include({
          status: 400,
          body: { title: 'Bad Request', status: 400, detail: `Missing or invalid field: ${field}` },
        });
    });

    it('getInvoice shows the invoice pending, then paid once processPayment took its transactionNo', async () => {
      const created = (await call('/api/addInvoice', { ...invoiceRequest(), amount: 25.5 }, auth))
        .body as MockInvoice;
      const check = () => call(`/api/getInvoice/${created.transactionNo}`, undefined, auth);
      expect(await check()).to.deep.include({ status: 200, body: created });
      const request = await openSession('', created.transactionNo, created.amount);
      expect(await pay('', request)).to.deep.include(paid(request));
      expect(await check()).to.deep.include({
        status: 200,
        body: { ...created, orderStatus: 'paid' },
      });
    });

    it('getInvoice answers 404 for an unknown invoice and 401 without a valid token', async () => {
      expect(await call('/api/getInvoice/10000000000000', undefined, auth)).to.deep.include({
        status: 404,
        body: {
          title: 'Not Found',
          status: 404,
          detail: 'No invoice with transactionNo 10000000000000',
        },
      });
      const created = (await call('/api/addInvoice', invoiceRequest(), auth)).body as MockInvoice;
      expect(await call(`/api/getInvoice/${created.transactionNo}`)).to.deep.include({
        status: 401,
        body: NO_TOKEN,
      });
      expect(
        await call(`/api/getInvoice/${created.transactionNo}`, undefined, {
          Authorization: 'Bearer nope',
        }),
      ).to.deep.include({
        status: 401,
        body: NO_TOKEN,
      });
    });
  });
});
