// How a merchant's or partner's backend calls Paylink's REST API: sign in once with its
// credentials, keep the id_token, send it as a Bearer token, and sign in again once when
// Paylink answers 401 (the token expired). Used by the demo store and the demo partner.

/**
 * @param {string} authPath where to sign in (`/api/auth`, `/api/partner/auth`)
 * @param {object} credentials what that endpoint takes, less persistToken
 */
export function createBearerClient(authPath, credentials) {
  let token;

  async function signIn(origin) {
    const response = await fetch(origin + authPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...credentials, persistToken: false }),
    });
    if (!response.ok) throw new Error(`sign-in at ${authPath} failed: ${response.status}`);
    return (await response.json()).id_token;
  }

  /** GETs `path`, or POSTs `body` (JSON text) to it, with the token; resolves with the Response. */
  async function request(origin, path, body) {
    for (let attempt = 0; ; attempt++) {
      token ??= await signIn(origin);
      const response = await fetch(origin + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body,
      });
      if (response.status !== 401 || attempt > 0) return response;
      token = undefined; // expired: sign in again, once
    }
  }

  return { request };
}
