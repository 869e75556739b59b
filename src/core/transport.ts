/**
 * How every request of the package reaches a server: where it goes (an API's hosts, or the
 * host page's base URL, checked), how it is sent (JSON, a time limit, abortable), and how a
 * status or a body maps to a result or to a PaylinkError. It knows no API and no default host:
 * each client (STC Pay, partner) names its own. No DOM apart from `fetch`.
 */
import { PaylinkError, type ErrorReason } from './errors.js';
import { englishError } from '../i18n/describe-error.js';

export type Environment = 'production' | 'testing';

/** How one of Paylink's APIs is reached: its hosts, and headers beyond the JSON ones. */
export interface Endpoint {
  origins: Readonly<Record<Environment, string>>;
  headers?: Readonly<Record<string, string>>;
}

export const DEFAULT_TIMEOUT = 15_000;

export interface RequestOptions {
  /** Picks the API's production or testing host. Default `production`. */
  environment?: Environment;
  /** Replaces the environment's origin: the host's own proxy, or a local mock. */
  baseUrl?: string;
  /** Milliseconds before the request is given up (`code: 'timeout'`). Default 15000. */
  timeout?: number;
  /** Aborting it aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The URL of an API path for the given environment or base URL. A relative base URL is
 * resolved against the page. Throws a validation PaylinkError for an unknown environment or a
 * base URL that is not safe to send a customer's data to (see `checkBaseUrl`).
 */
export function endpointUrl(
  path: string,
  { environment = 'production', baseUrl }: RequestOptions,
  origins: Endpoint['origins'],
  pageUrl?: string,
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

/** How one API call reads its answer: where it goes, how a refusal is read, what success is. */
export interface Call<T> {
  endpoint: Endpoint;
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

/**
 * POSTs `body` as JSON to `path` at `endpoint` (or the base URL) and resolves with the parsed
 * JSON of a 2xx answer. Rejects with a PaylinkError: `http` for any other status,
 * `bad-response` for a 2xx body that is not JSON, `network` when no answer arrives, `timeout`
 * after `options.timeout` ms. If `options.signal` aborts, rejects with its reason instead.
 */
export async function postJson(
  path: string,
  body: unknown,
  options: RequestOptions,
  endpoint: Endpoint,
): Promise<unknown> {
  const url = endpointUrl(path, options, endpoint.origins, globalThis.document?.baseURI);
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
 * Maps a non-2xx answer to an error reason. Reads the server's explanation from either failure
 * shape Paylink uses, `{timestamp, status, error, path}` or `{title, status, detail}`; a body
 * that is not JSON (an HTML error page, say) contributes nothing.
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
