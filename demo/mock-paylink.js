// A local stand-in for Paylink, faithful to its documentation pages: the STC Pay endpoints
// ("Sending an OTP API", processPayment) and the server-side REST API that creates and checks
// invoices. Same paths, same request fields, same success and failure shapes.
// The demo server (vite.config.ts) and the test runner (web-test-runner.config.mjs) both
// mount it, so every request the element makes travels over real HTTP.
//
// Routes
//   POST /rest/pay/stcpay/sendOtp                       answers like Paylink does
//   POST /rest/pay/stcpay/processPayment                pays with a session sendOtp opened
//   POST /mock/<tenant>/<scenario>/rest/pay/stcpay/sendOtp
//   POST /mock/<tenant>/<scenario>/rest/pay/stcpay/processPayment
//        the same, but recorded under <tenant> and answered as <scenario> says (see SCENARIOS)
//   GET  /mock/<tenant>/requests                        what <tenant> received, oldest first
//   GET  /mock/webhooks?transactionNo=…                 the payment webhooks sent for it:
//                                                       [{transactionNo, attempt, status}]
//   GET  /payment-status?transactionNo=…                the demo store's own route:
//                                                       {"status": "paid" | "unpaid"}
//   GET  /mock/<tenant>/<scenario>/payment-status?transactionNo=…
//        the same, recorded under <tenant>; the status-* scenarios make it misbehave
//   POST /api/auth                                      {apiId, secretKey, persistToken}
//                                                       → {id_token}
//   POST /api/addInvoice                                Bearer id_token; creates an invoice
//   GET  /api/getInvoice/<transactionNo>                Bearer id_token; the invoice as it is now
//
// With `webhook` set, every payment is followed by Paylink's payment webhook to the merchant's
// URL, sent again on any answer but 200 (see sendWebhook).
//
// A tenant is any id a test or demo page picks (a random UUID in the tests), so parallel
// tests each see only their own requests.
//
// The flow: the merchant's server gets a token (/api/auth) and creates an invoice
// (/api/addInvoice); the browser sends the invoice's transactionNo as orderNumber to sendOtp,
// then processPayment with the customer's OTP (see TEST_OTPS); the server confirms with
// /api/getInvoice that orderStatus is 'paid'.

import { createHash, randomBytes } from 'node:crypto';

const SEND_OTP = '/rest/pay/stcpay/sendOtp';
const PROCESS_PAYMENT = '/rest/pay/stcpay/processPayment';

/**
 * How the mock answers, chosen by the <scenario> segment of the path. The plain scenarios
 * apply to sendOtp only, the pay-* ones to processPayment only and the status-* ones to
 * payment-status only; the other endpoints answer as ok. The pay-* failures leave the payment
 * session as it was, except pay-lost-*, which pay first.
 */
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
  'markup-error': '400 {title, status, detail} whose detail is HTML markup, to be shown as text',
  'too-many':
    "429 with Retry-After: 900, as the store's proxy answers when one of its limits is reached",
  'odd-mobile': '200 whose stcpayMobile is a sentence with markup, not a mobile number',
  redirect: '307 to the same request under the offsite scenario, which a client must not follow',
  offsite:
    'what the redirect scenarios point to, a stand-in for another site: answers as ok, and the ' +
    'log shows anything that arrived here',
  random:
    'sendOtp: a random outcome for each request (ok, each failure kind, slow, hang, reset mid-answer, a redirect) after ' +
    'a random short delay, drawn from a generator seeded by the tenant id; the log entry records the draw',
  unauthorized: '401 with the Spring failure body',
  'not-found': '404 with the Spring failure body',
  'bad-request-ar': '400 {title, status, detail} whose detail is in Arabic',
  'pay-server-error': 'processPayment: 500 with the failure body {timestamp, status, error, path}',
  'pay-unauthorized': 'processPayment: 401 with the Spring failure body',
  'pay-not-found': 'processPayment: 404 with the Spring failure body',
  'pay-words-en':
    'processPayment: decides as ok, but words a refusal as {title, status, detail} with an English detail',
  'pay-words-ar':
    'processPayment: decides as ok, but words a refusal as {title, status, detail} with an Arabic detail',
  'pay-words-stcpay':
    "processPayment: decides as ok, but words a refusal in STC Pay's own sentences (one for a wrong or expired code)",
  'pay-lost-hang': 'processPayment: pays as ok, then never answers',
  'pay-lost-reset': 'processPayment: pays as ok, then drops the connection without answering',
  'pay-lost-garbled': 'processPayment: pays as ok, then answers 200 with half a JSON body',
  'status-hang': 'payment-status: never answers',
  'status-error': 'payment-status: 500 with the Spring failure body',
  'pay-bad-gateway': 'processPayment: 502 with an HTML body',
  'pay-truncated': 'processPayment: 200 whose JSON body is cut off halfway',
  'pay-slow': 'processPayment: waits 1.5 s, then answers as ok',
  'pay-hang': 'processPayment: never answers',
  'pay-reset': 'processPayment: drops the connection without answering',
  'pay-redirect': 'processPayment: 307 to the offsite scenario, like redirect',
};

/** What the odd-mobile scenario answers as stcpayMobile: a sentence, not a number to show. */
export const ODD_MOBILE = '+966 CALL 0900-123 TO CONFIRM <b>x</b>';

/** The documentation page's example success response. */
export const EXAMPLE_RESPONSE = {
  stcMobile: '551234567',
  paymentSessionId: '641c1fec04e8e7793ca21f35',
  signature:
    'NTkzMjU2MzFhYmIwNGY4YzZmZDRkMjUzNDUyZjU0YzUwOTlmMjRiNDYwNWVlZjNmNzMwYjhkNmQwMjZlNjc1Mw==',
  stcpayMobile: '551234567',
  signedBase64Data: 'NTk5OTI1NDc3NjQxYzFmZWMwNGU4ZTc3OTNjYTIxZjM1',
};

/**
 * The OTPs processPayment takes. Real STC Pay texts the customer a random code; here the code
 * picks the outcome. Any other code counts as wrong too. `slow` pays as `success` does, but
 * "STC Pay" takes its time: the answer comes after `slowPaymentMs` (20 s by default), longer than
 * a browser waits.
 */
export const TEST_OTPS = { success: '12345', wrong: '11111', expire: '00000', slow: '22222' };

/**
 * The header the demo store set in "Paylink's portal" for the payment webhook, which the mock
 * sends with each one, to the store's `/paylink/webhook` beside the invoice's own pages.
 */
export const MOCK_WEBHOOK = { header: 'Authorization', value: 'Bearer demo-webhook-0f3a9c2e7b' };

/** How long the slow test code's processPayment takes, unless the mock is told otherwise. */
export const SLOW_PAYMENT_MS = 20_000;

/**
 * Fake credentials that /api/auth accepts. Real ones come from Paylink's merchant portal and
 * belong on the merchant's server only, never in a browser.
 */
export const MOCK_CREDENTIALS = { apiId: 'APP_ID_MOCK', secretKey: 'mock-secret-key' };

/**
 * How processPayment words each refusal it decides, by voice. Paylink documents only the
 * statuses and the Spring body `{timestamp, status, error, path}`, whose `error` is the reason
 * phrase: that is the default voice, and it says nothing about why. The other voices are what
 * other Paylink endpoints (`{title, status, detail}`, sometimes in Arabic) and STC Pay's own API
 * say, so that the element is tested against every wording it may meet.
 */
export const REFUSAL_WORDS = {
  en: {
    session: 'Invalid payment session',
    expired: 'The payment session has expired',
    paid: 'The order is already paid',
    wrong: 'Invalid OTP',
  },
  ar: {
    session: 'جلسة الدفع غير صالحة',
    expired: 'انتهت صلاحية رمز التحقق',
    paid: 'الطلب مدفوع مسبقًا',
    wrong: 'رمز التحقق غير صحيح',
  },
  stcpay: {
    session: 'Invalid OTP either expired or not found, please request a new OTP.',
    expired: 'Invalid OTP either expired or not found, please request a new OTP.',
    paid: 'Already Paid.',
    wrong: 'Invalid OTP either expired or not found, please request a new OTP.',
  },
};

/** What the too-many scenario answers: the seconds of its Retry-After, and its detail. */
export const TOO_MANY_RETRY_AFTER = 900;
const TOO_MANY_DETAIL = 'Too many requests for this order or from this address. Try again later.';

/** What sendOtp's bad-request-ar scenario says. */
export const ARABIC_NOT_REGISTERED = 'رقم الجوال غير مسجل في STC Pay';

/** Paylink's smallest invoice, SAR 5.00. */
const MIN_INVOICE_AMOUNT = 5;
/** How long an id_token lasts: 30 minutes, or 30 hours with persistToken. */
const TOKEN_MS = 30 * 60_000;
const PERSISTENT_TOKEN_MS = 30 * 60 * 60_000;

const SLOW_MS = 1500;

/**
 * The server-supplied text of the markup-error scenario: markup that must never become
 * elements.
 */
export const MARKUP_DETAIL =
  '<img src=x onerror="window.stcpayOtpMarkupRan=true"><b>Not registered</b>';

/**
 * The random scenario's outcomes, each drawn as often as it appears here: ok three times as
 * often as each failure, so that sessions are opened too. The others answer as the scenarios
 * of the same name, except reset, which drops the connection mid-answer (see dropMidAnswer).
 * Delays stay short, so a test can send hundreds of times within seconds: every answer waits
 * 0 to RANDOM_DELAY_MS, and slow waits RANDOM_SLOW_MS more.
 */
export const RANDOM_OUTCOMES = [
  'ok',
  'ok',
  'ok',
  'server-error',
  'bad-request',
  'bad-gateway',
  'markup-error',
  'missing-field',
  'truncated',
  'slow',
  'hang',
  'reset',
  'redirect',
];
export const RANDOM_DELAY_MS = 60;
export const RANDOM_SLOW_MS = 150;
const MAX_TENANTS = 500;
const MAX_REQUESTS_PER_TENANT = 500;
const MAX_SESSIONS = 5000;
const MAX_INVOICES = 5000;
const MAX_TOKENS = 1000;

/** What processPayment must get back unchanged from the session sendOtp opened. */
const SESSION_FIELDS = [
  'signature',
  'signedBase64Data',
  'orderNumber',
  'stcpayMobile',
  'stcpayMobileCountryCode',
  'total',
];

/**
 * @param {{tokenLifetimeMs?: number}} [options] `tokenLifetimeMs` shortens every id_token's life
 *   (tests of a server's token renewal); by default Paylink's 30 minutes or 30 hours.
 */
export function createPaylinkMock({
  tokenLifetimeMs,
  slowPaymentMs = SLOW_PAYMENT_MS,
  webhook,
} = {}) {
  /** @type {Map<string, object[]>} */
  const log = new Map();
  /** @type {Map<string, () => number>} the random scenario's generator, by tenant */
  const generators = new Map();
  /**
   * The payment sessions sendOtp opened, by paymentSessionId, oldest first. A session's state
   * is 'open', 'superseded' (a newer sendOtp for its order), 'expired' or 'paid'.
   * @type {Map<string, {paymentSessionId: string, signature: string, signedBase64Data: string,
   *   stcpayMobile: string, stcpayMobileCountryCode: string, orderNumber: string, total: number,
   *   state: 'open' | 'superseded' | 'expired' | 'paid'}>}
   */
  const sessions = new Map();
  /** @type {Map<string, string>} orderNumber → the paymentSessionId that paid it */
  const paidOrders = new Map();
  /** @type {Map<string, number>} orderNumber → when it was paid (ms since the epoch), for tests */
  const paidAt = new Map();
  /** @type {Map<string, object>} the invoices /api/addInvoice created, by transactionNo */
  const invoices = new Map();
  const tokens = createTokens({ lifetimeMs: tokenLifetimeMs });
  /** The payment webhooks sent: one entry a call, with the answer's status (null: none). */
  const webhooks = [];
  let lastTransactionNo = Date.now() * 10; // 14 digits, like Paylink's

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
    const url = new URL(req.url ?? '/', 'http://mock');
    const path = url.pathname;

    const logRoute = path.match(/^\/mock\/([\w-]+)\/requests$/);
    if (logRoute && req.method === 'GET') {
      sendJson(res, 200, log.get(logRoute[1]) ?? []);
      return true;
    }

    if (path === '/mock/webhooks' && req.method === 'GET') {
      const transactionNo = url.searchParams.get('transactionNo');
      sendJson(
        res,
        200,
        webhooks.filter((entry) => entry.transactionNo === transactionNo),
      );
      return true;
    }

    const status = path.match(/^(?:\/mock\/([\w-]+)\/([\w-]+))?\/payment-status$/);
    if (status) {
      answerPaymentStatus(req, res, status[1] ?? 'default', status[2] ?? 'ok');
      return true;
    }

    const api = path.match(/^\/api\/(?:(auth|addInvoice)|getInvoice\/([^/]+))$/);
    if (api) {
      answerApi(req, res, api[1] ?? 'getInvoice', api[2] && decodeURIComponent(api[2]));
      return true;
    }

    const route = path.match(
      /^(?:\/mock\/([\w-]+)\/([\w-]+))?(\/rest\/pay\/stcpay\/(?:sendOtp|processPayment))$/,
    );
    if (!route) return false;
    const [, tenant = 'default', scenario = 'ok', endpoint] = route;

    if (req.method !== 'POST') {
      sendJson(res, 405, springError(405, 'Method Not Allowed', endpoint));
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
      if (!Object.hasOwn(SCENARIOS, scenario))
        return sendJson(
          res,
          404,
          springError(404, 'Not Found', `unknown mock scenario ${scenario}`),
        );
      const forPayment = scenario.startsWith('pay-');
      const forSendOtp = !forPayment && !scenario.startsWith('status-');
      if (
        (scenario === 'redirect' && endpoint === SEND_OTP) ||
        (scenario === 'pay-redirect' && endpoint === PROCESS_PAYMENT)
      )
        return sendRedirect(res, `/mock/${tenant}/offsite${endpoint}`);
      if (endpoint === SEND_OTP && scenario === 'random')
        answerRandomly(tenant, entry, req, res, body);
      else if (endpoint === SEND_OTP) answerSendOtp(forSendOtp ? scenario : 'ok', req, res, body);
      else answerProcessPayment(forPayment ? scenario : 'ok', req, res, body);
    });
    return true;
  }

  /**
   * Draws an outcome and a delay from the tenant's generator, notes them on the log entry with
   * when the request arrived, when the answer was complete and when the exchange ended, by
   * either side (`receivedAt`, `answeredAt`, `closedAt`: ms since the epoch, null until then),
   * and answers so.
   */
  function answerRandomly(tenant, entry, req, res, body) {
    if (!generators.has(tenant)) put(generators, tenant, seededRandom(tenant), MAX_TENANTS);
    const random = generators.get(tenant);
    const outcome = RANDOM_OUTCOMES[Math.floor(random() * RANDOM_OUTCOMES.length)];
    const delay =
      Math.floor(random() * (RANDOM_DELAY_MS + 1)) + (outcome === 'slow' ? RANDOM_SLOW_MS : 0);
    Object.assign(entry, {
      outcome,
      delay,
      receivedAt: Date.now(),
      answeredAt: null,
      closedAt: null,
    });
    res.on('finish', () => (entry.answeredAt = Date.now()));
    res.on('close', () => (entry.closedAt = Date.now()));
    setTimeout(() => {
      if (res.destroyed) return;
      if (outcome === 'reset') dropMidAnswer(res);
      else if (outcome === 'redirect') sendRedirect(res, `/mock/${tenant}/offsite${SEND_OTP}`);
      else answerSendOtp(outcome === 'slow' ? 'ok' : outcome, req, res, body);
    }, delay);
  }

  /**
   * The demo store's payment-status route, which a real store's server answers by asking
   * Paylink's getInvoice: 'paid' once processPayment paid the order, else 'unpaid'.
   */
  function answerPaymentStatus(req, res, tenant, scenario) {
    const url = new URL(req.url ?? '/', 'http://mock');
    record(tenant, {
      method: req.method,
      path: url.pathname,
      query: url.search,
      contentType: null,
      accept: req.headers.accept ?? null,
      body: '',
      abandoned: false,
    });
    if (req.method !== 'GET')
      return sendJson(res, 405, springError(405, 'Method Not Allowed', url.pathname));
    if (scenario === 'status-hang') return;
    if (scenario === 'status-error')
      return sendJson(res, 500, springError(500, 'Internal Server Error', url.pathname));
    const transactionNo = url.searchParams.get('transactionNo') ?? '';
    if (transactionNo === '')
      return sendJson(res, 400, springError(400, 'Bad Request', url.pathname));
    const paid =
      paidOrders.has(transactionNo) || invoices.get(transactionNo)?.orderStatus === 'paid';
    sendJson(res, 200, { status: paid ? 'paid' : 'unpaid' });
  }

  function answerSendOtp(scenario, req, res, body) {
    switch (scenario) {
      case 'unauthorized':
        return sendJson(res, 401, springError(401, 'Unauthorized', SEND_OTP));
      case 'not-found':
        return sendJson(res, 404, springError(404, 'Not Found', SEND_OTP));
      case 'bad-request-ar':
        return sendJson(res, 400, problemBody(400, 'Bad Request', ARABIC_NOT_REGISTERED));
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
      case 'markup-error':
        return sendJson(res, 400, problemBody(400, 'Bad Request', MARKUP_DETAIL));
      case 'too-many':
        // The store's proxy's words and header (stcpay-otp/server, a limit of 15 minutes).
        return sendJson(res, 429, problemBody(429, 'Too Many Requests', TOO_MANY_DETAIL), {
          'Retry-After': String(TOO_MANY_RETRY_AFTER),
        });
      case 'bad-gateway':
        return sendBadGateway(res);
      case 'missing-field': {
        const { signature: _dropped, ...rest } = successFor(parseSendOtp(body).request ?? {});
        return sendJson(res, 200, rest);
      }
      case 'truncated':
        return sendTruncated(res, EXAMPLE_RESPONSE);
      case 'slow':
        return void setTimeout(() => sendOtp(req, res, body), SLOW_MS);
      case 'hang':
        return; // the request stays open until the client gives up
      case 'reset':
        return req.socket.destroy();
      case 'odd-mobile':
        return sendJson(res, 200, {
          ...successFor(parseSendOtp(body).request ?? {}),
          stcpayMobile: ODD_MOBILE,
        });
      case 'offsite':
      case 'ok':
        return sendOtp(req, res, body);
    }
  }

  /** Paylink's sendOtp: check the four documented fields, then open a payment session. */
  function sendOtp(req, res, body) {
    if (!isJson(req))
      return sendJson(res, 415, springError(415, 'Unsupported Media Type', SEND_OTP));
    const { request, problem } = parseSendOtp(body);
    if (problem) return sendJson(res, 400, springError(400, 'Bad Request', SEND_OTP));
    const response = successFor(request);
    openSession(request, response);
    sendJson(res, 200, response);
  }

  /** Records the session a sendOtp answer opened; it supersedes the order's open sessions. */
  function openSession({ stcpayMobileCountryCode, orderNumber, total }, response) {
    for (const session of sessions.values())
      if (session.orderNumber === orderNumber && session.state === 'open')
        session.state = 'superseded';
    const { paymentSessionId, signature, signedBase64Data, stcpayMobile } = response;
    put(
      sessions,
      paymentSessionId,
      {
        paymentSessionId,
        signature,
        signedBase64Data,
        stcpayMobile,
        stcpayMobileCountryCode,
        orderNumber,
        total,
        state: 'open',
      },
      MAX_SESSIONS,
    );
  }

  function answerProcessPayment(scenario, req, res, body) {
    switch (scenario) {
      case 'pay-server-error':
        return sendJson(res, 500, springError(500, 'Internal Server Error', PROCESS_PAYMENT));
      case 'pay-bad-gateway':
        return sendBadGateway(res);
      case 'pay-truncated':
        return sendTruncated(res, paymentDone('16791237111116', 10));
      case 'pay-slow':
        return void setTimeout(() => processPayment(req, res, body), SLOW_MS);
      case 'pay-hang':
        return;
      case 'pay-reset':
        return req.socket.destroy();
      case 'pay-unauthorized':
        return sendJson(res, 401, springError(401, 'Unauthorized', PROCESS_PAYMENT));
      case 'pay-not-found':
        return sendJson(res, 404, springError(404, 'Not Found', PROCESS_PAYMENT));
      case 'pay-words-en':
        return processPayment(req, res, body, 'en');
      case 'pay-words-ar':
        return processPayment(req, res, body, 'ar');
      case 'pay-words-stcpay':
        return processPayment(req, res, body, 'stcpay');
      case 'pay-lost-hang':
      case 'pay-lost-reset':
      case 'pay-lost-garbled': {
        // Paylink takes the payment; its answer never arrives whole.
        const { request } = isJson(req) ? parseProcessPayment(body) : {};
        const [status, answer] = request ? pay(request) : [400, {}];
        // Mid-answer, so the browser cannot quietly send the payment again (see dropMidAnswer).
        if (scenario === 'pay-lost-reset') return dropMidAnswer(res);
        if (scenario === 'pay-lost-garbled') return sendTruncated(res, answer, status);
        return;
      }
      case 'ok':
        return processPayment(req, res, body);
    }
  }

  /**
   * Paylink's processPayment: the session exactly as sendOtp issued it, plus the OTP. A refusal
   * is worded in `voice`: 'spring' (the documented default), 'en', 'ar' or 'stcpay'.
   */
  function processPayment(req, res, body, voice = 'spring') {
    if (!isJson(req))
      return sendJson(res, 415, springError(415, 'Unsupported Media Type', PROCESS_PAYMENT));
    const { request, problem } = parseProcessPayment(body);
    if (problem) return sendJson(res, 400, springError(400, 'Bad Request', PROCESS_PAYMENT));
    if (request.stcpayPaymentOTP === TEST_OTPS.slow)
      return void setTimeout(() => sendJson(res, ...pay(request, voice)), slowPaymentMs);
    sendJson(res, ...pay(request, voice));
  }

  /** Decides a well-formed processPayment request: [status, body]. */
  function pay(request, voice = 'spring') {
    const refuse = (why) =>
      voice === 'spring'
        ? [400, springError(400, 'Bad Request', PROCESS_PAYMENT)]
        : [400, problemBody(400, 'Bad Request', REFUSAL_WORDS[voice][why])];
    const session = sessions.get(request.paymentSessionId);
    if (!session || SESSION_FIELDS.some((field) => session[field] !== request[field]))
      return refuse('session');
    if (session.state === 'expired' || session.state === 'superseded') return refuse('expired');
    if (session.state === 'paid' || paidOrders.has(session.orderNumber)) return refuse('paid');
    if (request.stcpayPaymentOTP === TEST_OTPS.expire) {
      session.state = 'expired';
      return refuse('expired');
    }
    if (
      request.stcpayPaymentOTP !== TEST_OTPS.success &&
      request.stcpayPaymentOTP !== TEST_OTPS.slow
    )
      return refuse('wrong');
    session.state = 'paid';
    put(paidOrders, session.orderNumber, session.paymentSessionId, MAX_SESSIONS);
    put(paidAt, session.orderNumber, Date.now(), MAX_SESSIONS);
    const invoice = invoices.get(session.orderNumber); // orderNumber is the invoice's transactionNo
    if (invoice) {
      invoice.orderStatus = 'paid';
      if (webhook) sendWebhook(invoice, 0);
    }
    return [200, paymentDone(session.orderNumber, session.total)];
  }

  /**
   * Paylink's payment webhook (version 1) for a paid invoice: POSTed to `webhook.url` with the
   * header set in the portal, and sent again on anything but 200, up to ten more times,
   * `webhook.retryMs` apart (1 s by default).
   */
  function sendWebhook(invoice, attempt) {
    const { url, header, value, retryMs = 1000 } = webhook;
    const target = typeof url === 'function' ? url(invoice) : url;
    if (!target) return;
    const entry = { transactionNo: invoice.transactionNo, attempt, status: null };
    webhooks.push(entry);
    if (webhooks.length > MAX_SESSIONS) webhooks.shift();
    fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [header]: value },
      body: JSON.stringify({
        amount: invoice.amount,
        merchantEmail: 'merchant@example.com',
        transactionNo: invoice.transactionNo,
        merchantOrderNumber: invoice.gatewayOrderRequest?.orderNumber ?? '',
        orderStatus: 'Paid',
      }),
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (response) => {
        await response.arrayBuffer().catch(() => {});
        return response.status;
      })
      .catch(() => null)
      .then((status) => {
        entry.status = status;
        if (status !== 200 && attempt < 10)
          setTimeout(() => sendWebhook(invoice, attempt + 1), retryMs).unref?.();
      });
  }

  /** /api/auth, /api/addInvoice and /api/getInvoice/<transactionNo>. */
  function answerApi(req, res, name, transactionNo) {
    const method = name === 'getInvoice' ? 'GET' : 'POST';
    if (req.method !== method)
      return sendJson(res, 405, problemBody(405, 'Method Not Allowed', `Use ${method}`));
    // Like Spring Security, the token is checked before the request itself.
    if (name !== 'auth' && !tokens.accepts(req))
      return sendJson(
        res,
        401,
        problemBody(401, 'Unauthorized', 'A valid Bearer id_token from /api/auth is required'),
      );
    if (name === 'getInvoice') return sendJson(res, ...getInvoice(transactionNo));
    readBody(req).then((body) => {
      if (!isJson(req))
        return sendJson(
          res,
          415,
          problemBody(415, 'Unsupported Media Type', 'Content-Type must be application/json'),
        );
      const request = parseObject(body);
      if (!request)
        return sendJson(res, 400, problemBody(400, 'Bad Request', 'The body is not a JSON object'));
      const origin = `${req.socket.encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
      sendJson(res, ...(name === 'auth' ? auth(request) : addInvoice(request, origin)));
    });
  }

  function auth({ apiId, secretKey, persistToken }) {
    if (apiId !== MOCK_CREDENTIALS.apiId || secretKey !== MOCK_CREDENTIALS.secretKey)
      return [401, problemBody(401, 'Unauthorized', 'Invalid apiId or secretKey')];
    return [200, { id_token: tokens.issue(persistToken === true, apiId) }];
  }

  /**
   * Creates an invoice the way /api/addInvoice does: [status, body]. Server-side demo code may
   * call it directly. `origin` is where the invoice's (non-working) payment pages point.
   */
  function addInvoice(request, origin = '') {
    const field =
      invalidField(request, INVOICE_FIELDS) ??
      request.products
        .map((product, i) => invalidField(product, PRODUCT_FIELDS, `products[${i}].`))
        .find(Boolean);
    if (field) return [400, problemBody(400, 'Bad Request', `Missing or invalid field: ${field}`)];
    if (request.amount < MIN_INVOICE_AMOUNT)
      return [400, problemBody(400, 'Bad Request', 'amount must be at least 5.00')];
    const transactionNo = String(++lastTransactionNo);
    const page = `${origin}/mock/invoice/${transactionNo}`;
    const invoice = {
      gatewayOrderRequest: request,
      amount: request.amount,
      transactionNo,
      orderStatus: 'pending', // 'paid' once processPayment succeeds with orderNumber = transactionNo
      paymentErrors: null,
      url: page,
      qrUrl: `${page}/qr`,
      mobileUrl: `${page}/frame`,
      checkUrl: `${origin}/api/getInvoice/${transactionNo}`,
      success: true,
      digitalOrder: false,
      foreignCurrencyRate: null,
      paymentReceipt: null,
      metadata: null,
    };
    put(invoices, transactionNo, invoice, MAX_INVOICES);
    return [200, invoice];
  }

  /** The invoice as /api/getInvoice/<transactionNo> answers it: [status, body]. */
  function getInvoice(transactionNo) {
    const invoice = invoices.get(transactionNo);
    if (!invoice)
      return [404, problemBody(404, 'Not Found', `No invoice with transactionNo ${transactionNo}`)];
    return [200, invoice];
  }

  return {
    handle,
    log,
    record,
    sessions,
    invoices,
    paidAt,
    webhooks,
    addInvoice,
    getInvoice,
    revokeTokens: tokens.revokeAll,
  };
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
  if (typeof orderNumber !== 'string' || orderNumber.trim() === '')
    return { problem: 'orderNumber' };
  if (typeof total !== 'number' || !(total > 0)) return { problem: 'total' };
  return { request };
}

/** The documented processPayment request: every field required, all strings except total. */
const PAYMENT_FIELDS = {
  stcpayMobileCountryCode: 'text',
  stcpayMobile: 'text',
  orderNumber: 'text',
  total: 'number',
  stcpayPaymentOTP: 'text',
  paymentSessionId: 'text',
  signature: 'text',
  signedBase64Data: 'text',
};

export function parseProcessPayment(body) {
  const request = parseObject(body);
  if (!request) return { problem: 'body is not a JSON object' };
  const field = invalidField(request, PAYMENT_FIELDS);
  if (field) return { problem: field };
  if (!/^\d+$/.test(request.stcpayPaymentOTP)) return { problem: 'stcpayPaymentOTP' };
  return { request };
}

/** The addInvoice request; a `?` marks an optional field. */
const INVOICE_FIELDS = {
  orderNumber: 'text',
  amount: 'number',
  callBackUrl: 'text',
  clientName: 'text',
  clientMobile: 'text',
  products: 'list',
  currency: 'text?',
  note: 'text?',
  cancelUrl: 'text?',
  clientEmail: 'text?',
};
const PRODUCT_FIELDS = {
  title: 'text',
  price: 'number',
  qty: 'number',
  description: 'text?',
  imageSrc: 'text?',
};

const CHECKS = {
  text: (value) => typeof value === 'string' && value.trim() !== '',
  'text?': (value) => value == null || typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  list: (value) => Array.isArray(value) && value.length > 0,
};

/** The name of the first field of `object` that fails its check, if any. */
function invalidField(object, fields, prefix = '') {
  const name = Object.keys(fields).find((key) => !CHECKS[fields[key]](object?.[key]));
  return name === undefined ? undefined : prefix + name;
}

/** A success body in the documented shape; the values are built the way the example's are. */
function successFor({ stcpayMobile = '551234567', orderNumber = '' }) {
  const paymentSessionId = randomBytes(12).toString('hex');
  const digest = createHash('sha256').update(`${orderNumber}:${paymentSessionId}`).digest('hex');
  return {
    stcMobile: stcpayMobile,
    paymentSessionId,
    signature: Buffer.from(digest).toString('base64'),
    stcpayMobile,
    signedBase64Data: Buffer.from(stcpayMobile + paymentSessionId).toString('base64'),
  };
}

/** processPayment's documented success body. */
function paymentDone(orderNumber, total) {
  return {
    orderNumber,
    orderAmount: total,
    msg: `Payment of order ${orderNumber} has been processed.`,
  };
}

/** A 307 (method and body kept): a client that follows it sends the request again to `location`. */
export function sendRedirect(res, location) {
  res.writeHead(307, { Location: location, 'Content-Length': '0' });
  res.end();
}

/** The failure body of the STC Pay endpoints (Spring's default). */
function springError(status, error, path) {
  return { timestamp: Date.now(), status, error, path };
}

/** The failure body of Paylink's REST API and of processPayment's refusals. */
export function problemBody(status, title, detail) {
  return { title, status, detail };
}

/**
 * A repeatable stream of numbers in [0, 1) for a seed string: FNV-1a hashes the string, and
 * mulberry32 runs from there.
 */
export function seededRandom(seed) {
  let state = 0x811c9dc5;
  for (const char of String(seed)) state = Math.imul(state ^ char.codePointAt(0), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The id_tokens an auth endpoint issued, as Paylink's last: 30 minutes, or 30 hours with
 * persistToken (or `lifetimeMs`, when a test shortens them). Each is a JWT, as Paylink's are:
 * its payload says who (`sub`) and until when (`exp`, seconds since the epoch); the signature
 * here is random bytes. `accepts` checks a request's `Authorization: Bearer` header;
 * `revokeAll` forgets every token, as a restarted Paylink would.
 */
export function createTokens({ lifetimeMs } = {}) {
  /** @type {Map<string, number>} id_token → when it expires (ms since the epoch) */
  const expiries = new Map();
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    issue(persist, subject = '') {
      const expires = Date.now() + (lifetimeMs ?? (persist ? PERSISTENT_TOKEN_MS : TOKEN_MS));
      const idToken = [
        part({ alg: 'HS512' }),
        part({ sub: subject, exp: Math.floor(expires / 1000) }),
        randomBytes(32).toString('base64url'),
      ].join('.');
      put(expiries, idToken, expires, MAX_TOKENS);
      return idToken;
    },
    accepts(req) {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      return token !== undefined && (expiries.get(token) ?? 0) > Date.now();
    },
    revokeAll() {
      expiries.clear();
    },
  };
}

/** Adds to a Map, dropping its oldest entry when full, so a long-running server stays small. */
export function put(map, key, value, max) {
  if (map.size >= max && !map.has(key)) map.delete(map.keys().next().value);
  map.set(key, value);
}

export function isJson(req) {
  return /^application\/json\b/.test(req.headers['content-type'] ?? '');
}

export function parseObject(body) {
  try {
    const value = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function sendJson(res, status, value, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

export function sendTruncated(res, value, status = 200) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(text.slice(0, text.length / 2));
}

/**
 * Sends the headers and the start of a body, then drops the connection. Unlike a drop before
 * any byte (the reset scenario), this one the browser cannot quietly retry: Chromium re-sends a
 * request by itself, even a POST, when a reused keep-alive connection closes before any byte of
 * the answer, so one fetch can reach the server twice.
 */
export function dropMidAnswer(res) {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '200' });
  res.write('{"stcMobile":"55', () => res.destroy());
}

function sendBadGateway(res) {
  res.writeHead(502, { 'Content-Type': 'text/html' });
  res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
}

export function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(body));
  });
}
