/**
 * The Paylink STC Pay API client: where requests go, how they are sent (JSON, a time limit,
 * abortable), and how every answer maps to a result or to a PaylinkError.
 * No DOM apart from `fetch`.
 */
import { PaylinkError, type ErrorReason } from './errors.js';
import { englishError } from '../i18n/describe-error.js';

export type Environment = 'production' | 'testing';

/** Paylink's STC Pay hosts. */
export const STCPAY_ORIGINS: Readonly<Record<Environment, string>> = {
  production: 'https://order.paylink.sa',
  testing: 'https://orderpilot.paylink.sa',
};

/** How one of Paylink's APIs is reached: its hosts, and headers beyond the JSON ones. */
export interface Endpoint {
  origins: Readonly<Record<Environment, string>>;
  headers?: Readonly<Record<string, string>>;
}

const STCPAY: Endpoint = { origins: STCPAY_ORIGINS };

export const SEND_OTP_PATH = '/rest/pay/stcpay/sendOtp';
export const PROCESS_PAYMENT_PATH = '/rest/pay/stcpay/processPayment';
export const DEFAULT_TIMEOUT = 15_000;

export interface RequestOptions {
  /** Picks Paylink's production or testing host. Default `production`. */
  environment?: Environment;
  /** Replaces the environment's origin: the host's own proxy, or a local mock. */
  baseUrl?: string;
  /** Milliseconds before the request is given up (`code: 'timeout'`). Default 15000. */
  timeout?: number;
  /** Aborting it aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The sendOtp request body, exactly as Paylink documents it. */
export interface SendOtpBody {
  stcpayMobile: string;
  stcpayMobileCountryCode: string;
  orderNumber: string;
  total: number;
}

/** The sendOtp success body. `stcMobile` is documented but not needed later, so optional. */
export interface SendOtpResponse {
  stcMobile?: string;
  paymentSessionId: string;
  signature: string;
  stcpayMobile: string;
  signedBase64Data: string;
}

/**
 * The processPayment request body, exactly as Paylink documents it: the sendOtp request and
 * session fields, unchanged, plus the code from the SMS.
 */
export interface ProcessPaymentBody {
  stcpayMobileCountryCode: string;
  stcpayMobile: string;
  orderNumber: string;
  total: number;
  stcpayPaymentOTP: string;
  paymentSessionId: string;
  signature: string;
  signedBase64Data: string;
}

/**
 * The processPayment success body. The browser's word only: the server confirms with
 * getInvoice.
 */
export interface ProcessPaymentResponse {
  orderNumber: string;
  orderAmount: number;
  msg: string;
}

/**
 * The URL of an API path for the given environment or base URL. A relative base URL is
 * resolved against the page. Throws a validation PaylinkError for an unknown environment or a
 * base URL that is not safe to send a customer's data to (see `checkBaseUrl`).
 */
export function endpointUrl(
  path: string,
  { environment = 'production', baseUrl }: RequestOptions,
  pageUrl?: string,
  origins: Endpoint['origins'] = STCPAY_ORIGINS,
): string {
  let base: string;
  if (baseUrl) {
    const url = checkBaseUrl(baseUrl, pageUrl);
    if (!url) throw englishError({ code: 'validation', field: 'baseUrl' });
    base = url.origin + url.pathname;
  } else {
    if (!Object.hasOwn(origins, environment))
      throw englishError({ code: 'validation', field: 'environment' });
    base = origins[environment];
  }
  return base.replace(/\/+$/, '') + path;
}

const LOOPBACK = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The base URL, parsed, if the mobile number, code and session may be sent there: `https:`, or
 * `http:` to this machine (localhost, 127.x.x.x, [::1]) for development. Refused: other
 * schemes, user names or passwords in the URL, `..` segments (plain or percent-encoded) that
 * would climb out of the path, and a query or fragment, which would be silently dropped.
 */
export function checkBaseUrl(baseUrl: string, pageUrl?: string): URL | null {
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i.test(baseUrl)) return null;
  let url: URL;
  try {
    url = new URL(baseUrl, pageUrl);
  } catch {
    return null;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure || url.username || url.password || url.search || url.hash) return null;
  return url;
}

/** POSTs Paylink's sendOtp and resolves with its (checked) success body. */
export function sendOtp(body: SendOtpBody, options: RequestOptions = {}): Promise<SendOtpResponse> {
  return call(SEND_OTP_PATH, body, options, { parse: parseSendOtpResponse });
}

/** How one API call reads its answer: where it goes, how a refusal is read, what success is. */
export interface Call<T> {
  endpoint?: Endpoint;
  /** Reads what a non-2xx answer meant, beyond its status. */
  refusal?: (reason: Extract<ErrorReason, { code: 'http' }>) => ErrorReason;
  /** The checked success body, or null for an answer missing what is needed (`bad-response`). */
  parse: (value: unknown) => T | null;
}

/** POSTs `body` with postJson, then reads a refusal with `refusal` and a success with `parse`. */
export async function call<T>(
  path: string,
  body: unknown,
  options: RequestOptions,
  { endpoint, refusal, parse }: Call<T>,
): Promise<T> {
  let answer: unknown;
  try {
    answer = await postJson(path, body, options, endpoint);
  } catch (error) {
    if (refusal && error instanceof PaylinkError && error.reason.code === 'http')
      throw englishError(refusal(error.reason));
    throw error;
  }
  const response = parse(answer);
  if (!response) throw englishError({ code: 'bad-response' });
  return response;
}

/** The sendOtp success body if `value` has every field processPayment needs, as strings. */
export function parseSendOtpResponse(value: unknown): SendOtpResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const { stcMobile, paymentSessionId, signature, stcpayMobile, signedBase64Data } =
    value as Record<string, unknown>;
  if (
    !isFilled(paymentSessionId) ||
    !isFilled(signature) ||
    !isFilled(signedBase64Data) ||
    !isFilled(stcpayMobile)
  )
    return null;
  const response: SendOtpResponse = { paymentSessionId, signature, stcpayMobile, signedBase64Data };
  if (typeof stcMobile === 'string') response.stcMobile = stcMobile;
  return response;
}

/**
 * POSTs Paylink's processPayment and resolves with its (checked) success body. A refusal whose
 * reason says the code or session expired is marked `otp: 'expired'`; any other 4xx refusal is
 * taken to be a wrong code (`otp: 'wrong'`), except one that says the order is already paid.
 */
export function processPayment(
  body: ProcessPaymentBody,
  options: RequestOptions = {},
): Promise<ProcessPaymentResponse> {
  return call(PROCESS_PAYMENT_PATH, body, options, {
    refusal: paymentRefusal,
    parse: parseProcessPaymentResponse,
  });
}

/** Reads what a refused processPayment meant from its status and Paylink's reason text. */
export function paymentRefusal(reason: Extract<ErrorReason, { code: 'http' }>): ErrorReason {
  if (reason.status < 400 || reason.status >= 500) return reason;
  const text = reason.serverText ?? '';
  if (/expire|session/i.test(text)) return { ...reason, otp: 'expired' };
  if (/already paid|paid already/i.test(text)) return reason;
  return { ...reason, otp: 'wrong' };
}

export function parseProcessPaymentResponse(value: unknown): ProcessPaymentResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const { orderNumber, orderAmount, msg } = value as Record<string, unknown>;
  if (!isFilled(orderNumber) || typeof orderAmount !== 'number' || !Number.isFinite(orderAmount))
    return null;
  return { orderNumber, orderAmount, msg: typeof msg === 'string' ? msg : '' };
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * POSTs `body` as JSON to `path` and resolves with the parsed JSON of a 2xx answer.
 * Rejects with a PaylinkError: `http` for any other status, `bad-response` for a 2xx body that
 * is not JSON, `network` when no answer arrives, `timeout` after `options.timeout` ms. If
 * `options.signal` aborts, rejects with its reason instead.
 */
export async function postJson(
  path: string,
  body: unknown,
  options: RequestOptions = {},
  endpoint: Endpoint = STCPAY,
): Promise<unknown> {
  const url = endpointUrl(path, options, globalThis.document?.baseURI, endpoint.origins);
  const timeout = options.timeout && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT;
  const { signal } = options;
  signal?.throwIfAborted();

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...endpoint.headers,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    if (!response.ok) throw englishError(httpErrorReason(response.status, text));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw englishError({ code: 'bad-response' });
    }
  } catch (error) {
    if (error instanceof PaylinkError) throw error;
    if (timedOut) throw englishError({ code: 'timeout', timeout });
    if (signal?.aborted) throw signal.reason;
    throw englishError({ code: 'network' });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * Maps a non-2xx answer to an error reason. Reads Paylink's explanation from either failure
 * shape it uses, `{timestamp, status, error, path}` or `{title, status, detail}`; a body that is
 * not JSON (an HTML error page, say) contributes nothing.
 */
export function httpErrorReason(status: number, bodyText: string): ErrorReason {
  const reason: ErrorReason = { code: 'http', status };
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return reason;
  }
  if (typeof body !== 'object' || body === null) return reason;
  const { detail, error, title, message } = body as Record<string, unknown>;
  const text = [detail, message, error, title].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (text) reason.serverText = text.trim().slice(0, 200);
  return reason;
}
