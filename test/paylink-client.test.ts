import { expect } from '@open-wc/testing';
import { PaylinkError } from '../src/core/errors.js';
import {
  checkEndpointUrl,
  endpointUrl as transportUrl,
  httpErrorReason,
  type RequestOptions,
} from '../src/core/transport.js';
import {
  parseProcessPaymentResponse,
  parseSendOtpResponse,
  processPayment,
  sendOtp,
  STCPAY_ORIGINS,
  type SendOtpBody,
} from '../src/checkout/stcpay-client.js';
import { DOCS_EXAMPLE, mockPaylink, rejection, TEST_OTPS, until } from './helpers/mock.js';
import { said } from './helpers/shopper-words.js';

const body: SendOtpBody = { ...DOCS_EXAMPLE.request };

/** Where an STC Pay path goes: the transport's URL with the STC Pay client's hosts. */
const endpointUrl = (path: string, options: RequestOptions, pageUrl?: string) =>
  transportUrl(path, options, STCPAY_ORIGINS, pageUrl);

describe('Paylink client', () => {
  describe('endpointUrl', () => {
    it("uses Paylink's hosts for each environment", () => {
      expect(endpointUrl('/rest/pay/stcpay/sendOtp', {})).to.equal(
        'https://order.paylink.sa/rest/pay/stcpay/sendOtp',
      );
      expect(endpointUrl('/rest/pay/stcpay/sendOtp', { environment: 'testing' })).to.equal(
        'https://orderpilot.paylink.sa/rest/pay/stcpay/sendOtp',
      );
    });

    it('puts a base URL, with or without a path or trailing slash, in front of the path', () => {
      expect(endpointUrl('/x', { baseUrl: 'https://shop.example' })).to.equal(
        'https://shop.example/x',
      );
      expect(endpointUrl('/x', { baseUrl: 'https://shop.example/paylink/' })).to.equal(
        'https://shop.example/paylink/x',
      );
      expect(endpointUrl('/x', { baseUrl: '/paylink' }, 'https://shop.example/checkout')).to.equal(
        'https://shop.example/paylink/x',
      );
    });

    it('takes https, and http only to this machine', () => {
      const accepted = [
        ['https://shop.example/paylink', 'https://shop.example/paylink/x'],
        ['http://localhost:5173', 'http://localhost:5173/x'],
        ['http://127.0.0.1:8000/mock/t/ok', 'http://127.0.0.1:8000/mock/t/ok/x'],
        ['http://[::1]:3000', 'http://[::1]:3000/x'],
        ['http://dev.localhost', 'http://dev.localhost/x'],
        ['/relative', 'http://localhost:8000/relative/x'],
      ];
      for (const [baseUrl, expected] of accepted)
        expect(endpointUrl('/x', { baseUrl }, 'http://localhost:8000/page'), baseUrl).to.equal(
          expected,
        );
    });

    it('refuses a base URL that could send the data somewhere unsafe or unexpected', () => {
      const refused = [
        'http://shop.example', // plain http off this machine
        'http://localhost.evil.example',
        'http://127.0.0.1.evil.example',
        'https://user:secret@shop.example', // credentials
        'https://shop.example@evil.example',
        'https://shop.example/paylink/../admin', // climbing out of the path
        'https://shop.example/paylink/%2e%2e/admin',
        'https://shop.example/paylink/%2E%2E',
        '../up',
        'https://shop.example/paylink?to=evil', // a query or fragment would be dropped
        'https://shop.example/paylink#x',
        'javascript:alert(1)',
        'data:text/plain,hi',
        'ftp://shop.example',
        'file:///etc/passwd',
        'http://',
      ];
      for (const baseUrl of refused) {
        expect(checkEndpointUrl(baseUrl, 'http://localhost:8000/'), baseUrl).to.equal(null);
        expect(() => endpointUrl('/x', { baseUrl }, 'http://localhost:8000/'), baseUrl)
          .to.throw(PaylinkError)
          .with.property('field', 'baseUrl');
      }
    });

    it('refuses a relative base URL on a plain-http page off this machine', () => {
      expect(() =>
        endpointUrl('/x', { baseUrl: '/paylink' }, 'http://shop.example/checkout'),
      ).to.throw(PaylinkError);
      expect(endpointUrl('/x', { baseUrl: '/paylink' }, 'https://shop.example/checkout')).to.equal(
        'https://shop.example/paylink/x',
      );
    });

    it('refuses an unknown environment and a base URL that is not http(s)', () => {
      const environment = 'staging' as never;
      expect(() => endpointUrl('/x', { environment }))
        .to.throw(PaylinkError)
        .with.property('field', 'environment');
      for (const baseUrl of ['javascript:alert(1)', 'ftp://shop.example', 'http://']) {
        expect(() => endpointUrl('/x', { baseUrl }), baseUrl)
          .to.throw(PaylinkError)
          .with.property('field', 'baseUrl');
      }
    });
  });

  describe('httpErrorReason', () => {
    it("reads the sendOtp page's failure body {timestamp, status, error, path}", () => {
      const text =
        '{"timestamp":1679566267336,"status":500,"error":"Internal Server Error","path":"/rest/pay/stcpay/sendOtp"}';
      expect(httpErrorReason(500, text)).to.deep.equal({
        code: 'http',
        status: 500,
        serverText: 'Internal Server Error',
      });
    });

    it('prefers the detail of a {title, status, detail} body', () => {
      const text = '{"title":"Bad Request","status":400,"detail":"Mobile not registered"}';
      expect(httpErrorReason(400, text)).to.deep.equal({
        code: 'http',
        status: 400,
        serverText: 'Mobile not registered',
      });
    });

    it('takes nothing from a body that is not JSON, or JSON without text', () => {
      expect(httpErrorReason(502, '<html><h1>502 Bad Gateway</h1></html>')).to.deep.equal({
        code: 'http',
        status: 502,
      });
      expect(httpErrorReason(503, '')).to.deep.equal({ code: 'http', status: 503 });
      expect(httpErrorReason(400, '"just a string"')).to.deep.equal({ code: 'http', status: 400 });
      expect(httpErrorReason(400, '{"status":400,"error":42}')).to.deep.equal({
        code: 'http',
        status: 400,
      });
    });

    it('caps long server text', () => {
      const reason = httpErrorReason(400, JSON.stringify({ detail: 'x'.repeat(1000) }));
      expect(reason).to.have.property('serverText').with.length(200);
    });
  });

  describe('parseSendOtpResponse', () => {
    const complete = {
      stcMobile: '551234567',
      paymentSessionId: 'p',
      signature: 's',
      stcpayMobile: '551234567',
      signedBase64Data: 'd',
    };

    it('keeps the documented fields and drops anything else', () => {
      expect(parseSendOtpResponse({ ...complete, extra: 1 })).to.deep.equal(complete);
    });

    it('accepts a body without stcMobile, which processPayment does not need', () => {
      const { stcMobile: _, ...rest } = complete;
      expect(parseSendOtpResponse(rest)).to.deep.equal(rest);
    });

    for (const field of [
      'paymentSessionId',
      'signature',
      'signedBase64Data',
      'stcpayMobile',
    ] as const) {
      it(`refuses a body whose ${field} is missing, empty or not a string`, () => {
        const { [field]: _, ...missing } = complete;
        expect(parseSendOtpResponse(missing)).to.equal(null);
        expect(parseSendOtpResponse({ ...complete, [field]: '' })).to.equal(null);
        expect(parseSendOtpResponse({ ...complete, [field]: 123 })).to.equal(null);
      });
    }

    it('refuses an stcpayMobile that is not a mobile number: the element shows it', () => {
      for (const stcpayMobile of [
        '+966 CALL 0900-123 TO CONFIRM <b>x</b>',
        '55123456a',
        '5512',
        '9'.repeat(16),
        '9'.repeat(2_000_000),
        ' 551234567',
      ])
        expect(
          parseSendOtpResponse({ ...complete, stcpayMobile }),
          stcpayMobile.slice(0, 40),
        ).to.equal(null);
      expect(parseSendOtpResponse({ ...complete, stcpayMobile: '966551234567' })).not.to.equal(
        null,
      );
    });

    it('refuses what is not an object', () => {
      expect(parseSendOtpResponse(null)).to.equal(null);
      expect(parseSendOtpResponse('ok')).to.equal(null);
      expect(parseSendOtpResponse([complete])).to.equal(null);
    });
  });

  describe('parseProcessPaymentResponse', () => {
    it("keeps the documented fields of the page's example", () => {
      const example = {
        orderNumber: '16791237111116',
        orderAmount: 10.0,
        msg: 'Payment of order 16791237111116 has been processed.',
      };
      expect(parseProcessPaymentResponse({ ...example, extra: true })).to.deep.equal(example);
    });

    it('refuses a body without an order number or a numeric amount', () => {
      expect(parseProcessPaymentResponse({ orderAmount: 10, msg: '' })).to.equal(null);
      expect(
        parseProcessPaymentResponse({ orderNumber: '1', orderAmount: '10', msg: '' }),
      ).to.equal(null);
      expect(parseProcessPaymentResponse(null)).to.equal(null);
    });
  });

  describe('sendOtp over HTTP', () => {
    it("sends the documented body and headers and returns the page's example response", async () => {
      const mock = mockPaylink();
      const response = await sendOtp(body, { baseUrl: mock.baseUrl('example') });
      expect(response).to.deep.equal(DOCS_EXAMPLE.response);
      const [request] = await mock.requests();
      expect(request.method).to.equal('POST');
      expect(request.contentType).to.equal('application/json');
      expect(request.accept).to.equal('application/json');
      expect(request.body).to.equal(
        '{"stcpayMobile":"551234567","stcpayMobileCountryCode":"966","orderNumber":"1679123751896","total":10}',
      );
    });

    const failures: Array<[Parameters<ReturnType<typeof mockPaylink>['baseUrl']>[0], object]> = [
      ['server-error', { code: 'http', status: 500, retryable: true }],
      ['bad-request', { code: 'http', status: 400, retryable: false }],
      ['bad-gateway', { code: 'http', status: 502, retryable: true }],
      ['missing-field', { code: 'bad-response', retryable: true }],
      ['truncated', { code: 'bad-response', retryable: true }],
      ['reset', { code: 'network', retryable: true }],
    ];
    for (const [scenario, expected] of failures) {
      it(`rejects a ${scenario} answer with ${JSON.stringify(expected)}`, async () => {
        const mock = mockPaylink();
        const error = await rejection(sendOtp(body, { baseUrl: mock.baseUrl(scenario) }));
        expect(error).to.be.instanceOf(PaylinkError);
        expect(error).to.include(expected);
      });
    }

    it('gives up after the timeout and hangs up on the server', async () => {
      const mock = mockPaylink();
      const error = await rejection(sendOtp(body, { baseUrl: mock.baseUrl('hang'), timeout: 200 }));
      expect(error).to.include({ code: 'timeout', retryable: true });
      expect((error as Error).message).to.equal(said('en', 'timeout', 0.2));
      await until(async () => (await mock.requests())[0]?.abandoned === true);
    });

    it("rejects with the caller's abort reason and hangs up when the signal aborts", async () => {
      const mock = mockPaylink();
      const controller = new AbortController();
      const pending = sendOtp(body, { baseUrl: mock.baseUrl('hang'), signal: controller.signal });
      await until(async () => (await mock.requests()).length === 1);
      const reason = new DOMException('left the page', 'AbortError');
      controller.abort(reason);
      expect(await rejection(pending)).to.equal(reason);
      await until(async () => (await mock.requests())[0].abandoned);
    });
  });

  describe('processPayment over HTTP', () => {
    it("sends processPayment's eight fields of an otp-sent detail spread in, without stcMobile or resent", async () => {
      const mock = mockPaylink();
      const options = { baseUrl: mock.baseUrl() };
      // A transaction of its own: the mock keeps what is paid, as Paylink does.
      const order = { ...body, orderNumber: `T${crypto.randomUUID().slice(0, 8)}` };
      const session = await sendOtp(order, options);
      expect(session.stcMobile).to.be.a('string');
      // What a page has after a resend, as the documentation's sample spreads it.
      const detail = { ...order, ...session, resent: true as const };
      const paid = await processPayment(
        { ...detail, stcpayPaymentOTP: TEST_OTPS.success },
        options,
      );
      expect(paid.orderNumber).to.equal(order.orderNumber);
      const [, request] = await mock.requests();
      expect(request.path).to.match(/\/processPayment$/);
      expect(JSON.parse(request.body)).to.deep.equal({
        stcpayMobileCountryCode: '966',
        stcpayMobile: '551234567',
        orderNumber: order.orderNumber,
        total: 10,
        stcpayPaymentOTP: TEST_OTPS.success,
        paymentSessionId: session.paymentSessionId,
        signature: session.signature,
        signedBase64Data: session.signedBase64Data,
      });
    });
  });
});
