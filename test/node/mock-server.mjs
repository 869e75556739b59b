// The local mock Paylink (STC Pay, REST, partner API) alone on a free port, for the tests of
// stcpay-otp/server: every exchange is noted (method, path, status, Authorization) so a test can
// count sign-ins and see what reached "Paylink"; `intercept` lets one test answer a route itself.
// Beside it, the customer's side: the STC Pay requests a browser sends, and a whole payment.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createPaylink } from 'stcpay-otp/server';
import { createPaylinkMock, MOCK_CREDENTIALS, TEST_OTPS } from '../../demo/mock-paylink.js';
import { createPartnerMock } from '../../demo/mock-partner.js';

/** Paylink's STC Pay paths, as the element calls them (through the kit's proxy too). */
export const SEND_OTP = '/rest/pay/stcpay/sendOtp';
export const PROCESS_PAYMENT = '/rest/pay/stcpay/processPayment';
/** The paths of getInvoice, as the mock notes them. */
export const GET_INVOICE = /^\/api\/getInvoice\//;

/** @param {{tokenLifetimeMs?: number}} [options] passed to both mocks */
export async function startMock(options = {}) {
  const paylink = createPaylinkMock(options);
  const partner = createPartnerMock(paylink, options);
  /**
   * @type {Array<{method: string, path: string, authorization: string | null, status?: number}>}
   */
  const exchanges = [];
  let intercept;
  const server = createServer((req, res) => {
    const exchange = {
      method: req.method,
      path: new URL(req.url ?? '/', 'http://mock').pathname,
      authorization: req.headers.authorization ?? null,
    };
    exchanges.push(exchange);
    res.on('finish', () => (exchange.status = res.statusCode));
    if (intercept?.(req, res)) return;
    if (paylink.handle(req, res) || partner.handle(req, res)) return;
    res.writeHead(404).end();
  });
  const origin = await listen(server);
  return {
    origin,
    paylink,
    partner,
    exchanges,
    /** How many requests reached `path` (and answered `status`, if given). */
    count: (path, status) =>
      exchanges.filter((e) => e.path === path && (status === undefined || e.status === status))
        .length,
    /** Answers requests itself while `handler(req, res)` returns true; undefined stops. */
    intercept: (handler) => (intercept = handler),
    close: () => close(server),
  };
}

/** Serves a kit handler, adapted by toNodeHandler, on a free port; resolves with its origin. */
export async function serveNode(nodeHandler) {
  const server = createServer((req, res) => nodeHandler(req, res));
  const origin = await listen(server);
  return { origin, close: () => close(server) };
}

export function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

export function close(server) {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  });
}

/** A merchant's kit whose Paylink is `mock`, with `options` over the defaults. */
export const mockKit = (mock, options = {}) =>
  createPaylink({
    ...MOCK_CREDENTIALS,
    environment: 'testing',
    restBaseUrl: mock.origin,
    stcpayBaseUrl: mock.origin,
    ...options,
  });

/** A license the partner mock's check-license takes: step 1 of a registration. */
export const LICENSE = {
  registrationType: 'cr',
  licenseNumber: '7001234567',
  mobileNumber: '0599925477',
  hijriYear: '1400',
  hijriMonth: '01',
  hijriDay: '15',
};

/** A cart the mock accepts as an invoice, of `amount` SAR. */
export function invoiceInput(amount = 65) {
  return {
    orderNumber: `TEST-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    amount,
    callBackUrl: 'https://shop.example/paid',
    clientName: 'Test customer',
    clientMobile: '0551234567',
    products: [{ title: 'Arabic coffee', price: amount, qty: 1 }],
  };
}

/** POSTs `body` to `url` as JSON, the way the elements do; `signal` aborts it. */
export function postJson(url, body, headers = {}, signal) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

/** A sendOtp request for `orderNumber` from the test mobile, with `change` over its fields. */
export const otpRequest = (orderNumber, total, change = {}) => ({
  stcpayMobile: '551234567',
  stcpayMobileCountryCode: '966',
  orderNumber,
  total,
  ...change,
});

/**
 * Pays an order the way a customer's browser would: sendOtp, then processPayment with the code
 * that succeeds, both at `base` (the mock's STC Pay API, or a store's proxy in front of it), and
 * both checked to answer 200.
 */
export async function pay(base, orderNumber, total) {
  const request = otpRequest(orderNumber, total);
  const sent = await postJson(base + SEND_OTP, request);
  assert.equal(sent.status, 200);
  const { paymentSessionId, signature, signedBase64Data } = await sent.json();
  const paid = await postJson(base + PROCESS_PAYMENT, {
    ...request,
    stcpayPaymentOTP: TEST_OTPS.success,
    paymentSessionId,
    signature,
    signedBase64Data,
  });
  assert.equal(paid.status, 200);
}
