// A small HTTP server for the demo tests: the repository's files as they are (the built
// package in dist/, the built demo apps, the plain page) and, on the same origin, the local
// mock Paylink and the demo store's server side.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createDemoServer } from '../../demo/demo-server.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Starts the server on a free port; resolves with its origin and a close(). */
export async function serve(root = process.cwd()) {
  const handleDemoRequest = createDemoServer();
  const server = createServer(async (req, res) => {
    if (handleDemoRequest(req, res)) return;
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const info = await stat(file).catch(() => undefined);
    if (!file.startsWith(root) || !info?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
