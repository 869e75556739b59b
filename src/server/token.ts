/**
 * The Bearer token of Paylink's REST API, as a merchant's or partner's server keeps it: signed
 * in once with `persistToken` (a token of 30 hours), kept until shortly before it expires,
 * fetched by one request however many calls wait for it, and dropped when Paylink answers 401.
 */
import { PaylinkServerError } from './errors.js';
import { asObject, reasonOf, send, type Fetch } from './http.js';

/** A token with persistToken lasts 30 hours, Paylink says; used when the token does not say. */
const PERSISTENT_TOKEN_MS = 30 * 60 * 60_000;
/** Renew this long before expiry, or a tenth of the token's life if that is shorter. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface TokenSourceOptions {
  /** The auth endpoint's URL. */
  url: string;
  /** `/api/auth` or `/api/partner/auth`, for messages. */
  label: string;
  /** What the endpoint takes, less persistToken. */
  credentials: Record<string, string>;
  fetch: Fetch;
  timeout: number;
}

export interface TokenSource {
  /** A token that is good for now: the cached one, or a new one. */
  get(): Promise<string>;
  /** Forgets `token` (Paylink refused it), unless a newer one has replaced it already. */
  drop(token: string): void;
  /** The token held now, if any: to keep it out of messages. */
  held(): string | undefined;
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const secrets = Object.values(options.credentials);
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function signIn(): Promise<string> {
    const answer = await send(options.fetch, options.url, {
      method: 'POST',
      body: { ...options.credentials, persistToken: true },
      timeout: options.timeout,
      label: options.label,
    });
    if (answer.status === 401 || answer.status === 403)
      throw new PaylinkServerError({
        code: 'auth',
        status: answer.status,
        message: `${options.label}: Paylink refused the credentials (${answer.status})`,
      });
    if (answer.status < 200 || answer.status > 299)
      throw new PaylinkServerError({
        code: 'http',
        status: answer.status,
        message: `${options.label}: Paylink answered ${answer.status}${reasonOf(answer, secrets)}`,
      });
    const token = asObject(answer.json)?.id_token;
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token))
      throw new PaylinkServerError({
        code: 'bad-response',
        status: answer.status,
        message: `${options.label}: the answer has no id_token`,
      });
    const now = Date.now();
    const expiresAt = expiryOf(token) ?? now + PERSISTENT_TOKEN_MS;
    // At least a second even for a token already past its time by this clock (a clock skew):
    // Paylink's 401 then says when it is really over.
    const renewAt = expiresAt - Math.min(RENEW_BEFORE_MS, (expiresAt - now) / 10);
    cached = { token, renewAt: Math.max(renewAt, now + 1000) };
    return token;
  }

  return {
    get() {
      if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= signIn().finally(() => (pending = undefined));
      return pending;
    },
    drop(token) {
      if (cached?.token === token) cached = undefined;
    },
    held: () => cached?.token,
  };
}

/**
 * When a JWT says it expires (its `exp` claim, in ms since the epoch); undefined for a token
 * that is not a JWT or has no `exp`. Paylink's id_token is a JWT; nothing relies on it.
 */
export function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const exp = asObject(JSON.parse(atob(base64)))?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
