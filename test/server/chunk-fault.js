// The built script-tag module served from a path of a test's own, with its code step's file
// (dist/stcpay-otp-code.js) failing or held back on request: how a shopper's page sees a chunk
// that does not load. Each test uses a fresh id, so tests in other pages never see its faults.
// Mounted by web-test-runner.config.mjs.
//
//   GET  /chunk-fault/{id}/page.html   an empty page that loads ./stcpay-otp.js as a module
//   GET  /chunk-fault/{id}/{file}      dist/{file}; the code step's file as the id's mode says:
//                                      `ok` (default), `fail` (503) or `hold` (sent when the
//                                      mode changes)
//   POST /chunk-fault/{id}?mode=ok|fail|hold   sets the mode
//   GET  /chunk-fault/{id}/log         the code step's requests: [{url, at, status}], at in ms
//                                      since the epoch, status once answered
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const CODE_STEP = 'stcpay-otp-code.js';
const PAGE =
  '<!doctype html><meta charset="utf-8"><script type="module" src="./stcpay-otp.js"></script>';

/** By id: the mode, the code step's requests, and the answers held back. */
const faults = new Map();

function faultOf(id) {
  if (!faults.has(id)) faults.set(id, { mode: 'ok', log: [], held: [] });
  return faults.get(id);
}

/** Answers the request if it is one of ours; returns whether it was. */
export function handleChunkFault(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const match = /^\/chunk-fault\/([\w-]+)(?:\/([\w.-]+))?$/.exec(url.pathname);
  if (!match) return false;
  const [, id, file] = match;
  const fault = faultOf(id);
  if (req.method === 'POST' && !file) {
    fault.mode = url.searchParams.get('mode') ?? 'ok';
    for (const release of fault.held.splice(0)) release();
    res.writeHead(204).end();
    return true;
  }
  if (file === 'log') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fault.log));
    return true;
  }
  if (file === 'page.html') {
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(PAGE);
    return true;
  }
  const entry = { url: `${file}${url.search}`, at: Date.now(), status: null };
  if (file === CODE_STEP) fault.log.push(entry);
  const answer = async () => {
    if (file === CODE_STEP && fault.mode === 'fail') {
      entry.status = 503;
      return res.writeHead(503, { 'cache-control': 'no-store' }).end();
    }
    const body = await readFile(join(process.cwd(), 'dist', file)).catch(() => null);
    entry.status = body ? 200 : 404;
    if (!body) return res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
      .end(body);
  };
  if (file === CODE_STEP && fault.mode === 'hold') fault.held.push(answer);
  else void answer();
  return true;
}
