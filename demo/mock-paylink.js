// A local stand-in for Paylink's STC Pay endpoint, faithful to its documentation page
// ("Sending an OTP API"): same path, same request fields, same success and failure shapes.
// The demo server (vite.config.ts) and the test runner (web-test-runner.config.mjs) both
// mount it, so every request the element makes travels over real HTTP.
//
// Routes
//   POST /rest/pay/stcpay/sendOtp                       answers like Paylink does
//   POST /mock/<tenant>/<scenario>/rest/pay/stcpay/sendOtp
//        the same, but recorded under <tenant> and answered as <scenario> says (see SCENARIOS)
//   GET  /mock/<tenant>/requests                        what <tenant> received, oldest first
//
// A tenant is any id a test or demo page picks (a random UUID in the tests), so parallel
// tests each see only their own requests.

import { createHash, randomBytes } from 'node:crypto';

const SEND_OTP = '/rest/pay/stcpay/sendOtp';

/** How the mock answers, chosen by the <scenario> segment of the path. */
export const SCENARIOS = {
  ok: 'validates the request; 200 with a new payment session',
  example: "200 with the documentation page's example response, verbatim",
  'server-error': '500 with the documented failure body {timestamp, status, error, path}',
  'bad-request': '400 in the {title, status, detail} shape seen on other Paylink endpoints',
  'bad-gateway': '502 with an HTML body, as a proxy in front of Paylink would send',
  'missing-field': '200 whose body lacks signature',
  truncated: '200 whose JSON body is cut off halfway',
  slow: 'waits 1.5 s, then answers as ok',
  hang: 'never answers',
  reset: 'drops the connection without answering',
};

/** The documentation page's example success response. */
export const EXAMPLE_RESPONSE = {
  stcMobile: '551234567',
  paymentSessionId: '641c1fec04e8e7793ca21f35',
  signature:
    'NTkzMjU2MzFhYmIwNGY4YzZmZDRkMjUzNDUyZjU0YzUwOTlmMjRiNDYwNWVlZjNmNzMwYjhkNmQwMjZlNjc1Mw==',
  stcpayMobile: '551234567',
  signedBase64Data: 'NTk5OTI1NDc3NjQxYzFmZWMwNGU4ZTc3OTNjYTIxZjM1',
};

const SLOW_MS = 1500;
const MAX_TENANTS = 500;
const MAX_REQUESTS_PER_TENANT = 500;

export function createPaylinkMock() {
  /** @type {Map<string, object[]>} */
  const log = new Map();

  function record(tenant, entry) {
    if (!log.has(tenant)) {
      if (log.size >= MAX_TENANTS) log.delete(log.keys().next().value);
      log.set(tenant, []);
    }
    const entries = log.get(tenant);
    if (entries.length < MAX_REQUESTS_PER_TENANT) entries.push(entry);
  }

  /**
   * Handles the request if it is one of the mock's routes and returns true; returns false
   * otherwise, so the caller passes it on. The answer itself may come later.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://mock').pathname;

    const logRoute = path.match(/^\/mock\/([\w-]+)\/requests$/);
    if (logRoute && req.method === 'GET') {
      sendJson(res, 200, log.get(logRoute[1]) ?? []);
      return true;
    }

    const route = path.match(/^(?:\/mock\/([\w-]+)\/([\w-]+))?(\/rest\/pay\/stcpay\/sendOtp)$/);
    if (!route) return false;
    const [, tenant = 'default', scenario = 'ok'] = route;

    if (req.method !== 'POST') {
      sendJson(res, 405, springError(405, 'Method Not Allowed', SEND_OTP));
      return true;
    }
    readBody(req).then((body) => {
      const entry = {
        method: req.method,
        path,
        contentType: req.headers['content-type'] ?? null,
        accept: req.headers.accept ?? null,
        body,
        // Set when the client hung up before the answer was complete (an abort, a timeout).
        abandoned: false,
      };
      record(tenant, entry);
      res.on('close', () => (entry.abandoned = !res.writableFinished));
      answer(scenario, req, res, body);
    });
    return true;
  }

  return { handle, log };
}

function answer(scenario, req, res, body) {
  switch (scenario) {
    case 'example':
      return sendJson(res, 200, EXAMPLE_RESPONSE);
    case 'server-error':
      return sendJson(res, 500, springError(500, 'Internal Server Error', SEND_OTP));
    case 'bad-request':
      return sendJson(res, 400, {
        title: 'Bad Request',
        status: 400,
        detail: 'The mobile number is not registered with STC Pay.',
      });
    case 'bad-gateway':
      res.writeHead(502, { 'Content-Type': 'text/html' });
      return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    case 'missing-field': {
      const { signature: _dropped, ...rest } = successFor(parseSendOtp(body).request ?? {});
      return sendJson(res, 200, rest);
    }
    case 'truncated': {
      const text = JSON.stringify(EXAMPLE_RESPONSE);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(text.slice(0, text.length / 2));
    }
    case 'slow':
      return void setTimeout(() => answerSendOtp(req, res, body), SLOW_MS);
    case 'hang':
      return; // the request stays open until the client gives up
    case 'reset':
      return req.socket.destroy();
    case 'ok':
      return answerSendOtp(req, res, body);
    default:
      return sendJson(res, 404, springError(404, 'Not Found', `unknown mock scenario ${scenario}`));
  }
}

/** Paylink's sendOtp: check the four documented fields, then open a payment session. */
function answerSendOtp(req, res, body) {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
    return sendJson(res, 415, springError(415, 'Unsupported Media Type', SEND_OTP));
  const { request, problem } = parseSendOtp(body);
  if (problem) return sendJson(res, 400, springError(400, 'Bad Request', SEND_OTP));
  sendJson(res, 200, successFor(request));
}

/**
 * The documented request: {stcpayMobile: string, stcpayMobileCountryCode: string,
 * orderNumber: string, total: number}, all required.
 */
export function parseSendOtp(body) {
  let request;
  try {
    request = JSON.parse(body);
  } catch {
    return { problem: 'body is not JSON' };
  }
  if (typeof request !== 'object' || request === null) return { problem: 'body is not an object' };
  const { stcpayMobile, stcpayMobileCountryCode, orderNumber, total } = request;
  if (typeof stcpayMobile !== 'string' || !/^\d{6,15}$/.test(stcpayMobile))
    return { problem: 'stcpayMobile' };
  if (typeof stcpayMobileCountryCode !== 'string' || !/^\d{1,4}$/.test(stcpayMobileCountryCode))
    return { problem: 'stcpayMobileCountryCode' };
  if (typeof orderNumber !== 'string' || orderNumber.trim() === '') return { problem: 'orderNumber' };
  if (typeof total !== 'number' || !(total > 0)) return { problem: 'total' };
  return { request };
}

/** A success body in the documented shape; the values are built the way the example's are. */
function successFor({ stcpayMobile = '551234567', orderNumber = '' }) {
  const paymentSessionId = randomBytes(12).toString('hex');
  const digest = createHash('sha256')
    .update(`${orderNumber}:${paymentSessionId}`)
    .digest('hex');
  return {
    stcMobile: stcpayMobile,
    paymentSessionId,
    signature: Buffer.from(digest).toString('base64'),
    stcpayMobile,
    signedBase64Data: Buffer.from(stcpayMobile + paymentSessionId).toString('base64'),
  };
}

function springError(status, error, path) {
  return { timestamp: Date.now(), status, error, path };
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(body));
  });
}
