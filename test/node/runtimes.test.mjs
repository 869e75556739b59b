// The server kit on every runtime docs/server.md names besides Node: Deno, Bun, and Cloudflare
// Workers (the kit bundled by esbuild for the Workers platform, run by workerd on loopback). Each
// runs its example from docs/server.md, whole (test/types/runtimes/), against the local mock
// Paylink over real HTTP: an invoice from the store's checkout, a payment through the proxy,
// payment-status, Paylink's webhook ten times, and onPaid once. The runtimes come as npm
// packages with their binaries.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { createPaylink } from 'stcpay-otp/server';
import { MOCK_CREDENTIALS } from '../../demo/mock-paylink.js';
import { pay, postJson, startMock } from './mock-server.mjs';

const WEBHOOK_AUTHORIZATION = 'Bearer runtimes-webhook-9d0c6f1e2a';
const bin = (name) => resolve('node_modules/.bin', name);

let mock, paylink, dir;
before(async () => {
  mock = await startMock();
  // A kit in Node, to read back the invoices the runtimes make.
  paylink = createPaylink({
    ...MOCK_CREDENTIALS,
    environment: 'testing',
    restBaseUrl: mock.origin,
    stcpayBaseUrl: mock.origin,
  });
  dir = await mkdtemp(join(tmpdir(), 'stcpay-otp-runtimes-'));
});
after(async () => {
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const settings = () => ({
  PAYLINK_API_ID: MOCK_CREDENTIALS.apiId,
  PAYLINK_SECRET_KEY: MOCK_CREDENTIALS.secretKey,
  PAYLINK_REST_URL: mock.origin,
  PAYLINK_STCPAY_URL: mock.origin,
  PAYLINK_WEBHOOK_AUTHORIZATION: WEBHOOK_AUTHORIZATION,
});

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command` (its output kept), and resolves once it answers on `port`; `stop()` ends it.
 */
async function start(command, args, port, env = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env, PORT: String(port), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) assert.fail(`${command} exited: ${output}`);
    try {
      await fetch(`${origin}/paylink/payment-status?transactionNo=1`);
      break;
    } catch {
      if (Date.now() > end) assert.fail(`${command} did not answer in 30 s: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    output: () => output,
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** Starts `command` on `port` (a free one by default), checks its example pays, and stops it. */
async function takesAPaymentOn(command, args, env, port) {
  const server = await start(command, args, port ?? (await freePort()), env);
  try {
    await takesAPayment(server);
  } finally {
    server.stop();
  }
}

/** What every runtime must do with its example: the checks a store would make. */
async function takesAPayment(server) {
  const base = `${server.origin}/paylink`;
  // The store's checkout, on the runtime: addInvoice.
  const created = await postJson(`${server.origin}/checkout`, {});
  assert.equal(created.status, 200);
  const { transactionNo, total } = await created.json();
  assert.equal(total, 65);
  const orderNumber = (await paylink.getInvoice(transactionNo)).gatewayOrderRequest.orderNumber;
  assert.match(orderNumber, /^ORDER-\d+$/);
  const status = async () =>
    (await (await fetch(`${base}/payment-status?transactionNo=${transactionNo}`)).json()).status;
  assert.equal(await status(), 'unpaid');
  await pay(base, transactionNo, 65);
  assert.equal(await status(), 'paid');
  // Paylink's webhook, ten times at once, and once without its header.
  const webhook = (headers) =>
    postJson(`${base}/webhook`, { transactionNo, orderStatus: 'Paid', amount: 65 }, headers);
  assert.equal((await webhook({})).status, 401);
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => webhook({ Authorization: WEBHOOK_AUTHORIZATION })),
  );
  assert.deepEqual(
    answers.map((a) => a.status),
    Array(10).fill(200),
  );
  // onPaid logged the order once.
  const shipped = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.includes(`shipped ${orderNumber}`)).length;
  const end = Date.now() + 5000;
  while (shipped() < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(shipped(), 1, server.output());
  // The proxy still refuses what is not this store's.
  const foreign = await postJson(`${base}/rest/pay/stcpay/sendOtp`, {
    stcpayMobile: '551234567',
    stcpayMobileCountryCode: '966',
    orderNumber: '1000000000003',
    total: 65,
  });
  assert.equal(foreign.status, 400);
}

describe('the server kit on other runtimes', () => {
  test('Deno: its example in docs/server.md takes a payment', () =>
    takesAPaymentOn(
      bin('deno'),
      ['run', '--allow-net', '--allow-env', '--allow-read', 'test/types/runtimes/deno.ts'],
      settings(),
    ));

  test('Bun: its example in docs/server.md takes a payment', () =>
    takesAPaymentOn(bin('bun'), ['run', 'test/types/runtimes/bun.ts'], settings()));

  test('Cloudflare Workers (workerd): its example in docs/server.md takes a payment', async () => {
    // The Worker as wrangler would bundle it: ES modules, for the Workers platform, no Node.
    const built = await build({
      entryPoints: ['test/types/runtimes/worker.ts'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0].text;
    assert.doesNotMatch(code, /from\s*["']node:/, 'no Node built-in in the Worker');
    await writeFile(join(dir, 'worker.js'), code);
    const port = await freePort();
    const bindings = Object.entries(settings())
      .map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`)
      .join(',\n    ');
    await writeFile(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-01",
  bindings = [
    ${bindings}
  ],
  globalOutbound = "internet",
);
`,
    );
    await takesAPaymentOn(
      bin('workerd'),
      ['serve', join(dir, 'config.capnp'), '--verbose'],
      {},
      port,
    );
  });

  test('each example is the file docs/server.md shows', async () => {
    const docs = await readFile('docs/server.md', 'utf8');
    for (const file of ['deno.ts', 'bun.ts', 'worker.ts']) {
      const path = `test/types/runtimes/${file}`;
      const shown = new RegExp(`<!-- runs: ${path} -->\\n+\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(
        docs,
      );
      assert.ok(shown, `docs/server.md shows ${path}`);
      assert.equal(shown[1].trim(), (await readFile(path, 'utf8')).trim(), path);
    }
  });
});
