/**
 * One HTTP exchange with Paylink through the platform's `fetch`: a time limit, an optional
 * abort signal, and the answer read whole (up to a cap) so callers can pass it on or parse it.
 */
import { PaylinkServerError } from './errors.js';
import { redact } from './redact.js';

/** The `fetch` the kit calls: the platform's, or one the caller passes (a test's, a tracer's). */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** How long a call to Paylink may take before it is given up, unless configured. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Paylink's answers are small; anything past this is cut and read as not JSON. */
const MAX_ANSWER_BYTES = 256 * 1024;

export interface Answer {
  status: number;
  /** The body as text, at most MAX_ANSWER_BYTES of it. */
  text: string;
  /** The body parsed, when it is JSON; undefined otherwise. */
  json: unknown;
}

/** Whether an answer cannot be read: not JSON, or empty (a proxy's error page, a cut body). */
export const unreadable = (answer: Answer): boolean =>
  answer.json === undefined || answer.text.trim() === '';

export interface SendOptions {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A JSON value, sent as the request body. */
  body?: unknown;
  timeout: number;
  signal?: AbortSignal;
  /** Names the call in an error message: a path, never a URL with anything secret in it. */
  label: string;
}

/** Sends one request and reads the answer; rejects with `network` or `timeout` when none comes. */
export async function send(fetchFn: Fetch, url: string, options: SendOptions): Promise<Answer> {
  const { method, headers = {}, body, timeout, signal, label } = options;
  const timer = AbortSignal.timeout(timeout);
  const signals = signal ? [timer, signal] : [timer];
  let response: Response;
  try {
    response = await fetchFn(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any(signals),
      // Paylink's API does not redirect; a redirect is answered as the failure it is (Workers
      // know no 'error' mode).
      redirect: 'manual',
    });
  } catch {
    // The caller's own abort is theirs to recognise, as fetch does it.
    if (signal?.aborted) throw signal.reason;
    // The cause is left out: it can carry the request, headers and all.
    if (timer.aborted)
      throw new PaylinkServerError({
        code: 'timeout',
        message: `${label}: no answer within ${timeout} ms`,
      });
    throw new PaylinkServerError({
      code: 'network',
      message: `${label}: Paylink could not be reached`,
    });
  }
  const text = await readText(response).catch(() => {
    if (signal?.aborted) throw signal.reason;
    if (timer.aborted)
      throw new PaylinkServerError({
        code: 'timeout',
        message: `${label}: no answer within ${timeout} ms`,
      });
    throw new PaylinkServerError({ code: 'network', message: `${label}: the answer broke off` });
  });
  return { status: response.status, text, json: parseJson(text) };
}

async function readText(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.subarray(0, MAX_ANSWER_BYTES));
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `value` as a plain object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * What Paylink said about a refusal, for an error message: the `detail` or `title` of its
 * {title, status, detail} body, the `error` of the Spring one, with no secret in it, cut short
 * (after redacting: a secret cut short is still a secret). Empty if none.
 */
export function reasonOf(answer: Answer, secrets: Iterable<string | undefined>): string {
  const body = asObject(answer.json);
  const said = [body?.detail, body?.title, body?.error, body?.message].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return said ? `: ${redact(said.trim(), secrets).slice(0, 200)}` : '';
}

/** The error for an answer that is not a success: Paylink's words, with no secret in them. */
export function failure(
  label: string,
  answer: Answer,
  secrets: Iterable<string | undefined>,
): PaylinkServerError {
  return new PaylinkServerError({
    code: answer.status === 404 ? 'not-found' : 'http',
    status: answer.status,
    message: `${label}: Paylink answered ${answer.status}${reasonOf(answer, secrets)}`,
  });
}
