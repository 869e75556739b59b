/** Test access to the local mock Paylink that the test server mounts (demo/mock-paylink.js). */

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string | null;
  accept: string | null;
  /** The request body exactly as it arrived. */
  body: string;
  abandoned: boolean;
  /** payment-status only: the query string as it arrived. */
  query?: string;
  /**
   * The random scenario only: what it drew, when the request arrived, when the answer was
   * complete, and when the exchange ended by either side (ms since the epoch; null until then,
   * and for good when it never happens).
   */
  outcome?: RandomOutcome;
  delay?: number;
  receivedAt?: number;
  answeredAt?: number | null;
  closedAt?: number | null;
}

/** What the random scenario may draw for a sendOtp. */
export type RandomOutcome =
  | 'ok'
  | 'server-error'
  | 'bad-request'
  | 'bad-gateway'
  | 'markup-error'
  | 'missing-field'
  | 'truncated'
  | 'slow'
  | 'hang'
  | 'reset'
  | 'redirect';

export type Scenario =
  | 'ok'
  | 'example'
  | 'server-error'
  | 'bad-request'
  | 'bad-gateway'
  | 'missing-field'
  | 'truncated'
  | 'slow'
  | 'hang'
  | 'reset'
  | 'markup-error'
  // 429 with Retry-After: TOO_MANY_RETRY_AFTER, as the store's proxy answers over a limit
  | 'too-many'
  | 'unauthorized'
  | 'not-found'
  | 'bad-request-ar'
  | 'odd-mobile'
  // a 307 to the offsite scenario, which stands in for another site
  | 'redirect'
  | 'offsite'
  // a random sendOtp outcome per request, repeatable for the same tenant id
  | 'random'
  // processPayment only; sendOtp answers as ok under these
  | 'pay-server-error'
  | 'pay-bad-gateway'
  | 'pay-truncated'
  | 'pay-slow'
  | 'pay-hang'
  | 'pay-reset'
  | 'pay-unauthorized'
  | 'pay-not-found'
  // processPayment decides as ok, but words its refusals as {title, status, detail}
  | 'pay-words-en'
  | 'pay-words-ar'
  | 'pay-words-stcpay'
  // processPayment pays, then its answer is lost
  | 'pay-lost-hang'
  | 'pay-lost-reset'
  | 'pay-lost-garbled'
  // the demo store's payment-status route misbehaves; the others answer as ok
  | 'status-hang'
  | 'status-error'
  | 'pay-redirect';

/**
 * A tenant of the mock: its own request log, any scenario. Fresh unless `tenant` names one
 * (the random scenario draws the same outcomes again for the same name).
 */
export function mockPaylink(tenant: string = crypto.randomUUID()) {
  return {
    baseUrl: (scenario: Scenario = 'ok') => `${location.origin}/mock/${tenant}/${scenario}`,
    /** The demo store's payment-status route (the element's `status-url`) under `scenario`. */
    statusUrl: (scenario: Scenario = 'ok') =>
      `${location.origin}/mock/${tenant}/${scenario}/payment-status`,
    async requests(): Promise<RecordedRequest[]> {
      const response = await fetch(`/mock/${tenant}/requests`);
      return (await response.json()) as RecordedRequest[];
    },
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns true, or fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await pause(20);
  }
}

/** What `promise` rejects with; fails if it fulfils instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * The examples on Paylink's sendOtp documentation page, written out here on their own so the
 * tests check the element and the mock against the page, not against each other.
 */
export const DOCS_EXAMPLE = {
  request: {
    stcpayMobile: '551234567',
    stcpayMobileCountryCode: '966',
    orderNumber: '1679123751896',
    total: 10,
  },
  response: {
    stcMobile: '551234567',
    paymentSessionId: '641c1fec04e8e7793ca21f35',
    signature:
      'NTkzMjU2MzFhYmIwNGY4YzZmZDRkMjUzNDUyZjU0YzUwOTlmMjRiNDYwNWVlZjNmNzMwYjhkNmQwMjZlNjc1Mw==',
    stcpayMobile: '551234567',
    signedBase64Data: 'NTk5OTI1NDc3NjQxYzFmZWMwNGU4ZTc3OTNjYTIxZjM1',
  },
} as const;

/**
 * The OTPs the mock's processPayment takes, the fake credentials its /api/auth accepts, and
 * the markup-error scenario's `detail` (markup to be shown as text, never run). Written out
 * again here because demo/mock-paylink.js runs in Node, not in the test browser.
 */
export const TEST_OTPS = {
  success: '12345',
  wrong: '11111',
  expire: '00000',
  slow: '22222',
} as const;
/** How long the slow code's payment takes on the test server (web-test-runner.config.mjs). */
export const SLOW_PAYMENT_MS = 5000;
export const MOCK_CREDENTIALS = { apiId: 'APP_ID_MOCK', secretKey: 'mock-secret-key' } as const;
export const MARKUP_DETAIL =
  '<img src=x onerror="window.stcpayOtpMarkupRan=true"><b>Not registered</b>';

/** The seconds of the too-many scenario's Retry-After (demo/mock-paylink.js). */
export const TOO_MANY_RETRY_AFTER = 900;

/** What the odd-mobile scenario answers as stcpayMobile (demo/mock-paylink.js). */
export const ODD_MOBILE = '+966 CALL 0900-123 TO CONFIRM <b>x</b>';

/** The failure body of the STC Pay endpoints (Spring's default). */
export interface SpringErrorBody {
  timestamp: number;
  status: number;
  error: string;
  path: string;
}

/** The failure body of Paylink's REST API and of processPayment's refusals. */
export interface ProblemBody {
  title: string;
  status: number;
  detail: string;
}

/** What /api/addInvoice and /api/getInvoice answer. */
export interface MockInvoice {
  gatewayOrderRequest: Record<string, unknown>;
  amount: number;
  transactionNo: string;
  orderStatus: 'pending' | 'paid';
  paymentErrors: null;
  url: string;
  qrUrl: string;
  mobileUrl: string;
  checkUrl: string;
  success: boolean;
  digitalOrder: boolean;
  foreignCurrencyRate: null;
  paymentReceipt: null;
  metadata: null;
}

/**
 * The time limit a test gives a request to the mock: 300 ms where Paylink never answers (a
 * scenario ending in `hang`), so the timeout comes soon; 10 s where an answer is due, since a
 * busy machine can take longer than 300 ms to give one, which would read as a timeout.
 */
export const timeLimitFor = (scenario: string): number => (/hang$/.test(scenario) ? 300 : 10_000);

/** The partner mock's fake credentials and codes (demo/mock-partner.js). */
export const MOCK_PARTNER = { profileNo: '19039481', apiKey: 'mock-partner-api-key' };
export const PARTNER_OTPS = { success: '7615', wrong: '1111', expire: '0000' };

/**
 * The session of the partner documentation's example (step 1's values, as the element's
 * properties), which the partner mock always takes with PARTNER_OTPS.success.
 */
export const PARTNER_EXAMPLE_SESSION = {
  signature: 'ae135f2506dc3c********',
  sessionUuid: '96ea8e22-edef-414b-9724-3bd2d494b710',
  mobile: '0599925477',
  partnerProfileNo: '19039481',
} as const;

export type PartnerScenario =
  | 'ok'
  | 'server-error'
  | 'markup-error'
  | 'missing-field'
  | 'truncated'
  | 'unauthorized'
  | 'hang'
  | 'reset'
  | 'redirect'
  | 'offsite'
  | 'constructor-license'
  | 'proto-license'
  | 'random';

/** Signs in to the partner API as a partner's backend does, and returns the id_token. */
export async function partnerToken(): Promise<string> {
  const response = await fetch('/api/partner/auth', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...MOCK_PARTNER, persistToken: false }),
  });
  return ((await response.json()) as { id_token: string }).id_token;
}

/** Step 1 of registration: a fresh session {signature, mobile, sessionUuid} for the mobile. */
export async function checkLicense(token: string, mobileNumber = '0551234567') {
  const response = await fetch('/api/partner/register/check-license', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify({
      registrationType: 'cr',
      licenseNumber: '1010101010',
      mobileNumber,
      hijriYear: '1446',
      hijriMonth: '05',
      hijriDay: '12',
      partnerProfileNo: MOCK_PARTNER.profileNo,
    }),
  });
  return (await response.json()) as { signature: string; mobile: string; sessionUuid: string };
}
