/**
 * Calls to Paylink's REST API with the Bearer token: sent with the token at hand, and on a 401
 * (the token expired or was revoked) signed in again and sent once more.
 */
import type { Answer, Fetch } from './http.js';
import { send } from './http.js';
import type { TokenSource } from './token.js';

export interface RestClient {
  /** GETs `path`, or POSTs `body` to it, with the token; resolves with Paylink's answer. */
  call(path: string, body?: unknown, signal?: AbortSignal): Promise<Answer>;
}

export function createRestClient(
  base: string,
  tokens: TokenSource,
  fetchFn: Fetch,
  timeout: number,
): RestClient {
  return {
    async call(path, body, signal) {
      for (let attempt = 0; ; attempt++) {
        const token = await tokens.get();
        const answer = await send(fetchFn, base + path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body,
          timeout,
          signal,
          label: path,
        });
        if (answer.status !== 401 || attempt > 0) return answer;
        tokens.drop(token);
      }
    },
  };
}
