/**
 * The proxies' side of HTTP: reading a request body within a size limit, answering in JSON with
 * no caching, and the CORS headers, only for the origins a store allows. Answers never repeat
 * what the request sent.
 */

import { PaylinkServerError } from '../errors.js';
import { unreadable, type Answer } from '../http.js';
import type { Limiter } from '../rate-limit.js';

/** Paylink's failure shape {title, status, detail}, which the elements read. */
export function problem(
  status: number,
  title: string,
  detail?: string,
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    detail === undefined ? { title, status } : { title, status, detail },
    headers,
  );
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return text(status, JSON.stringify(body), headers);
}

/** A JSON answer whose body is already text (Paylink's, passed on). */
export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

export const notFound = () => problem(404, 'Not Found');
export const methodNotAllowed = (allow: string) =>
  problem(405, 'Method Not Allowed', undefined, { Allow: allow });

export function isJson(request: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '');
}

/** How long a request body may take to arrive whole, unless configured. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

export type Body = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * The request's body parsed as JSON, read no further than `maxBytes`: 413 past it, 400 for a
 * body that is not UTF-8 JSON, 408 when it has not arrived whole within `timeout` ms (a body that
 * stalls would hold its connection for minutes).
 */
export async function readJson(
  request: Request,
  maxBytes: number,
  timeout = DEFAULT_BODY_TIMEOUT_MS,
): Promise<Body> {
  const refuse = (response: Response) => ({ ok: false as const, response });
  const tooLarge = () =>
    refuse(problem(413, 'Payload Too Large', `The body may be at most ${maxBytes} bytes.`));
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return tooLarge();
  const bytes = new Uint8Array(maxBytes);
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reader.cancel().catch(() => {});
    }, timeout);
    try {
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch {
          chunk = { done: true, value: undefined };
          if (!late) return refuse(problem(400, 'Bad Request', 'The body could not be read.'));
        }
        if (late)
          return refuse(
            problem(408, 'Request Timeout', `The body did not arrive within ${timeout} ms.`),
          );
        if (chunk.done) break;
        if (size + chunk.value.byteLength > maxBytes) {
          await reader.cancel().catch(() => {});
          return tooLarge();
        }
        bytes.set(chunk.value, size);
        size += chunk.value.byteLength;
      }
    } finally {
      clearTimeout(timer);
    }
  }
  try {
    return {
      ok: true,
      value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, size))),
    };
  } catch {
    return refuse(problem(400, 'Bad Request', 'The body is not JSON.'));
  }
}

/**
 * The body of a POST to a proxy route: a CORS preflight answered, any other method refused, and
 * the body read as JSON within `maxBytes` and `timeout` ms.
 */
export async function readPost(
  request: Request,
  allowedOrigins: readonly string[],
  maxBytes: number,
  timeout = DEFAULT_BODY_TIMEOUT_MS,
): Promise<Body> {
  if (request.method === 'OPTIONS')
    return { ok: false, response: preflight(request, allowedOrigins) };
  if (request.method !== 'POST') return { ok: false, response: methodNotAllowed('POST') };
  if (!isJson(request))
    return {
      ok: false,
      response: problem(415, 'Unsupported Media Type', 'The body must be application/json.'),
    };
  return readJson(request, maxBytes, timeout);
}

/**
 * Paylink's answer to a forwarded call, passed back by `pass` (as it came, by default), or a clean
 * error when none came or it was not JSON.
 */
export async function relay(
  forward: () => Promise<Answer>,
  pass?: (answer: Answer) => Response,
): Promise<Response> {
  let answer: Answer;
  try {
    answer = await forward();
  } catch (error) {
    return upstreamFailure(error);
  }
  return relayed({ answer }, pass);
}

/** What relay() answers for a call that already ended: with `answer`, or failed with `error`. */
export function relayed(
  { answer, error }: { answer?: Answer; error?: unknown },
  pass: (answer: Answer) => Response = (answer) => text(answer.status, answer.text),
): Response {
  if (!answer) return upstreamFailure(error);
  if (unreadable(answer))
    return problem(502, 'Bad Gateway', 'Paylink answered with something other than JSON.');
  return pass(answer);
}

/** The CORS headers for the request's Origin, when the store allows it; none otherwise. */
export function corsHeaders(
  request: Request,
  allowedOrigins: readonly string[],
): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin || !allowedOrigins.includes(origin)) return {};
  // A 429's Retry-After is what the element waits by: a page on another origin must read it.
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  };
}

/** The answer to a CORS preflight for a POST route. */
export function preflight(request: Request, allowedOrigins: readonly string[]): Response {
  const cors = corsHeaders(request, allowedOrigins);
  if (!cors['Access-Control-Allow-Origin']) return methodNotAllowed('POST');
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    },
  });
}

/** Adds `headers` to a response the handler built. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** A field of the request that failed its check, named; its value is never echoed. */
export function invalidField(field: string): Response {
  return problem(
    400,
    'Bad Request',
    field === 'body' ? 'The body has missing or unexpected fields.' : `Invalid field: ${field}.`,
  );
}

/** A rate limit was reached; `what` says which ("this order or from this address"). */
export function tooMany(retryAfter: number, what: string): Response {
  return problem(429, 'Too Many Requests', `Too many requests for ${what}. Try again later.`, {
    'Retry-After': String(retryAfter),
  });
}

/**
 * Counts a request for `key` against `limiter`, as `points`: a 429 once over the limit (`what`
 * says which), undefined while within it.
 */
export async function overLimit(
  limiter: Limiter,
  key: string,
  what: string,
  points = 1,
): Promise<Response | undefined> {
  const allowed = await limiter.consume(key, points);
  return allowed.ok ? undefined : tooMany(allowed.retryAfter, what);
}

/** Paylink could not be asked, or did not answer in time; anything else is rethrown. */
export function upstreamFailure(error: unknown): Response {
  if (error instanceof PaylinkServerError && error.code === 'timeout')
    return problem(504, 'Gateway Timeout', 'Paylink did not answer in time.');
  if (error instanceof PaylinkServerError)
    return problem(502, 'Bad Gateway', 'Paylink could not be asked.');
  throw error;
}

/** The ledger's store cannot be reached: nothing was relayed; try again shortly. */
export function unavailable(): Response {
  return problem(
    503,
    'Service Unavailable',
    'The payment ledger cannot be reached; nothing was sent to Paylink.',
    { 'Retry-After': '5' },
  );
}

/**
 * Runs `route`, turning any failure into a bare 500 (nothing of it goes out: it may name
 * internals), and adds the CORS headers of the allowed origins to every answer but a preflight.
 */
export async function guarded(
  request: Request,
  allowedOrigins: readonly string[],
  route: () => Promise<Response>,
): Promise<Response> {
  let response: Response;
  try {
    response = await route();
  } catch {
    response = problem(500, 'Internal Server Error');
  }
  return request.method === 'OPTIONS'
    ? response
    : withHeaders(response, corsHeaders(request, allowedOrigins));
}
