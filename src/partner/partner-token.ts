import { PaylinkError } from '../core/errors.js';
import { withTimeLimit, type RequestOptions } from '../core/transport.js';
import { englishError } from '../i18n/describe-error.js';
import type { PartnerRequestOptions } from './partner-client.js';

/** Where the partner element takes its token from: a `token`, or `getToken` for a fresh one. */
export interface TokenSource {
  token?: string;
  getToken?: () => string | Promise<string>;
}

/**
 * One request with the token; with `getToken`, one more with a fresh token after a 401. The
 * element's `timeout` bounds all of it, a `getToken` that never answers included.
 */
export function withToken<T>(
  source: TokenSource,
  { timeout, ...requestOptions }: RequestOptions,
  signal: AbortSignal,
  send: (options: PartnerRequestOptions) => Promise<T>,
): Promise<T> {
  return withTimeLimit(timeout, signal, async (limited) => {
    const options = { ...requestOptions, timeout, signal: limited };
    try {
      return await send({ ...options, token: await currentToken(source) });
    } catch (error) {
      const expired = error instanceof PaylinkError && error.status === 401 && source.getToken;
      if (!expired || limited.aborted) throw error;
      return send({ ...options, token: await currentToken(source) });
    }
  });
}

async function currentToken({ token, getToken }: TokenSource): Promise<string | undefined> {
  if (!getToken) return token;
  try {
    return (await getToken()) || undefined;
  } catch {
    throw englishError({ code: 'validation', field: 'token', missing: true });
  }
}
