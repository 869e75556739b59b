// A kit handler deployed as a store or partner runs it: in an Express app, behind a small
// reverse proxy that adds the client's address to X-Forwarded-For, reached by clients from
// several 127.x source addresses (the loopback network is all ours), each a shopper or a
// merchant on a line of their own.
import { createServer, request } from 'node:http';
import express from 'express';
import { toNodeHandler } from 'stcpay-otp/server';
import { close, listen } from './mock-server.mjs';

/**
 * Serves `handler` through Express and a reverse proxy in front of it, after the app's own
 * `routes(app)` if given; `post(path, body, from)` POSTs JSON to the proxy from source address
 * `from` (default 127.0.0.2), `get(path, from)` GETs, and both resolve with
 * `{status, headers, text, json}`. The kit should read the client from X-Forwarded-For
 * (`clientAddressHeader: 'x-forwarded-for'`): the app sees only the proxy's address.
 */
export async function behindProxy(handler, { routes } = {}) {
  const app = express();
  app.set('trust proxy', 'loopback');
  routes?.(app);
  app.use(toNodeHandler(handler));
  const appServer = createServer(app);
  const appOrigin = new URL(await listen(appServer));

  const proxy = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = request(
      {
        host: appOrigin.hostname,
        port: appOrigin.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const origin = new URL(await listen(proxy));

  /** @returns {Promise<{status: number, headers: object, text: string, json: unknown}>} */
  const send = (method, path, body, from = '127.0.0.2') =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const sent = request(
        {
          host: origin.hostname,
          port: origin.port,
          localAddress: from,
          method,
          path,
          headers: {
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            Accept: body === undefined ? 'text/html' : 'application/json',
            'Content-Length': Buffer.byteLength(payload),
          },
        },
        (answer) => {
          let text = '';
          answer.setEncoding('utf8');
          answer.on('data', (chunk) => (text += chunk));
          answer.on('end', () => {
            let json;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            resolve({ status: answer.statusCode, headers: answer.headers, text, json });
          });
        },
      );
      sent.on('error', reject);
      sent.end(payload);
    });

  return {
    origin: origin.origin,
    post: (path, body, from) => send('POST', path, body, from),
    get: (path, from) => send('GET', path, undefined, from),
    close: async () => {
      await close(proxy);
      await close(appServer);
    },
  };
}
