/**
 * How every request of the package reaches a server: where it goes (an API's hosts, or the
 * host page's base URL, checked), how it is sent (JSON, a time limit, abortable), and how a
 * status or a body maps to a result or to a PaylinkError. It knows no API and no default host:
 * each client (STC Pay, partner) names its own. No DOM apart from `fetch`.
 */
import { PaylinkError, type ErrorReason } from './errors.js';
import { englishError } from '../i18n/describe-error.js';

import type { Environment } from './paylink-api.js';

export type { Environment } from './paylink-api.js';

/** How one of Paylink's APIs is reached: its hosts, and headers beyond the JSON ones. */
export interface Endpoint {
  origins: Readonly<Record<Environment, string>>;
  headers?: Readonly<Record<string, string>>;
}

export const DEFAULT_TIMEOUT = 15_000;
/** The longest time limit a request may be given: two minutes. */
export const MAX_TIMEOUT = 120_000;

export interface RequestOptions {
  /** Picks the API's production or testing host. Default `production`. */
  environment?: Environment;
  /**
   * Replaces the environment's origin: the host's own proxy, or a local mock. Unset (undefined
   * or null) means the environment's host; anything else must pass `checkEndpointUrl`.
   */
  baseUrl?: string | null;
  /**
   * Milliseconds before the request is given up (`code: 'timeout'`): a positive number up to
   * 120000. Default 15000. Anything else is a validation error on `timeout`, and nothing is sent.
   */
  timeout?: number;
  /** Aborting it aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The URL of an API path for the given environment or base URL. A relative base URL is
 * resolved against the page. Throws a validation PaylinkError for an unknown environment (with
 * or without a base URL) or a base URL that is empty or not safe to send a customer's data to
 * (see `checkEndpointUrl`).
 */
export function endpointUrl(
  path: string,
  { environment = 'production', baseUrl }: RequestOptions,
  origins: Endpoint['origins'],
  pageUrl?: string,
): string {
  if (!Object.hasOwn(origins, environment))
    throw englishError({ code: 'validation', field: 'environment' });
  let base = origins[environment];
  if (baseUrl != null) {
    const url = checkEndpointUrl(baseUrl, pageUrl);
    if (!url) throw englishError({ code: 'validation', field: 'baseUrl' });
    base = url.origin + url.pathname;
  }
  return base.replace(/\/+$/, '') + path;
}

const LOOPBACK = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * An endpoint URL the host page gave (a `base-url`, a `status-url`), parsed exactly as `fetch`
 * will parse it, if a customer's data may be sent there; otherwise null. Taken: `https:`, or
 * `http:` to this machine (localhost, 127.x.x.x, [::1]) for development; a relative URL is
 * resolved against `pageUrl`. Refused: an empty or missing value; other schemes; a user name or
 * password, even empty (`http://:@host`); `..` segments, plain or percent-encoded, that would
 * climb out of the path; and a query or fragment, even empty, which the request would drop.
 * The URL parser removes tabs and line feeds anywhere and trims spaces and control characters,
 * so the checks read the string as the parser does, then the parsed URL itself.
 */
export function checkEndpointUrl(value: string | null | undefined, pageUrl?: string): URL | null {
  if (typeof value !== 'string') return null;
  // What the URL parser does first (WHATWG URL, "basic URL parser", steps 1-3).
  const raw = trimControlsAndSpaces(value.replace(/[\t\n\r]/g, ''));
  if (raw === '') return null;
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i.test(raw)) return null;
  // The authority: whatever follows the scheme and its slashes, up to the path.
  const authority = raw
    .replace(/^[a-z][a-z\d+.-]*:/i, '')
    .replace(/^[/\\]*/, '')
    .split(/[/\\?#]/)[0];
  if (authority.includes('@')) return null;
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    return null;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure || url.username || url.password || /[?#]/.test(url.href)) return null;
  return url;
}

/** Without the leading and trailing C0 controls and spaces (U+0000 to U+0020), as the parser. */
function trimControlsAndSpaces(text: string): string {
  return text.replace(/^[\0- ]+|[\0- ]+$/g, '');
}

/**
 * The time limit in milliseconds: the default when unset, else a positive finite number up to
 * MAX_TIMEOUT. Anything else (0, a negative, NaN from `timeout="soon"`, Infinity, 3e9, which
 * setTimeout would wrap round to almost nothing) throws a validation PaylinkError on `timeout`.
 */
export function checkTimeout(timeout: number | null | undefined): number {
  if (timeout == null) return DEFAULT_TIMEOUT;
  if (typeof timeout !== 'number' || !(timeout > 0 && timeout <= MAX_TIMEOUT))
    throw englishError({ code: 'validation', field: 'timeout' });
  return timeout;
}

/**
 * Runs `run` under one time limit for the whole of it (several requests, a token fetched
 * first): after `timeout` ms (see `checkTimeout`) the signal given to `run` aborts and the
 * promise rejects with a `timeout` PaylinkError, even if `run` never settles. If `signal`
 * aborts first, rejects with its reason.
 */
export async function withTimeLimit<T>(
  timeout: number | undefined,
  signal: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const limit = checkTimeout(timeout);
  signal?.throwIfAborted();
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
    timer = setTimeout(
      () => controller.abort(englishError({ code: 'timeout', timeout: limit })),
      limit,
    );
  });
  try {
    return await Promise.race([run(controller.signal), stopped]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * POSTs `body` with postJson, then reads a refusal with `refusal` (what a non-2xx answer meant,
 * beyond its status) and a success with `parse` (the checked success body, or null for an answer
 * missing what is needed: `bad-response`).
 */
export async function call<T>(
  path: string,
  body: unknown,
  options: RequestOptions,
  endpoint: Endpoint,
  parse: (value: unknown) => T | null,
  refusal?: (reason: Extract<ErrorReason, { code: 'http' }>) => ErrorReason,
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
 * JSON of a 2xx answer. Never follows a redirect. Rejects with a PaylinkError: `validation`
 * for an unusable environment, base URL or timeout (nothing is sent), `http` for a 4xx or 5xx,
 * `bad-response` for a redirect or a non-empty 2xx body that is not JSON, `network` when no answer
 * arrives, `timeout` after `options.timeout` ms. If `options.signal` aborts, rejects with its
 * reason instead.
 */
export async function postJson(
  path: string,
  body: unknown,
  options: RequestOptions,
  endpoint: Endpoint,
): Promise<unknown> {
  const url = endpointUrl(path, options, endpoint.origins, globalThis.document?.baseURI);
  const timeout = checkTimeout(options.timeout);
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
      // A redirect would carry the body to wherever the server says, past every check above.
      // 'manual' answers it as an opaque response, which is an error here, never followed.
      redirect: 'manual',
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
      throw englishError({ code: 'bad-response' });
    const text = await response.text();
    if (!response.ok)
      throw englishError(
        httpErrorReason(response.status, text, response.headers.get('Retry-After')),
      );
    if (text.trim() === '') return undefined; // an empty 2xx: each API's parse says if that will do
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
 * that is not JSON (an HTML error page, say) contributes nothing. A `Retry-After` header in
 * seconds (the form rate limits send) becomes `retryAfter`; a date is ignored.
 */
export function httpErrorReason(
  status: number,
  bodyText: string,
  retryAfter?: string | null,
): ErrorReason {
  const reason: ErrorReason = { code: 'http', status };
  const wait = Number(retryAfter);
  if (wait > 0) reason.retryAfter = Math.ceil(wait);
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
