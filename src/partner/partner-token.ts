import { PaylinkError } from '../core/errors.js';
import { withTimeLimit, type RequestOptions } from '../core/transport.js';
import { englishError } from '../i18n/describe-error.js';
import type { PartnerRequestOptions } from './partner-client.js';

/** The attribute a token must never be in; the element removes it on sight. */
export const TOKEN_ATTRIBUTE = 'token';

/** Elements that said once that they removed a `token` attribute. */
const warned = new WeakSet<Element>();

/**
 * Removes a `token` attribute (server-side rendering or a framework may write one, where any
 * script on the page or the HTML source can read it) without using it, and says so once per
 * element, without the token.
 */
export function dropTokenAttribute(el: Element): void {
  el.removeAttribute(TOKEN_ATTRIBUTE);
  if (warned.has(el)) return;
  warned.add(el);
  console.warn(
    '<paylink-validate-mobile>: removed a "token" attribute without using it. The token is a ' +
      'property only (in Vue, :token.prop); better, use base-url with your own backend.',
  );
}

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
