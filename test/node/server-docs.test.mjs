// docs/server.md shows the examples the tests check: each code block after a
// `<!-- from <file> -->` line is that whole file, which test/types/server/tsconfig.json
// type-checks (npm run typecheck:consumers). The Express one also runs here, against the local
// mock Paylink, from checkout to a verified payment.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import ts from 'typescript';
import { MOCK_CREDENTIALS } from '../../demo/mock-paylink.js';
import { close, otpRequest, pay, postJson, startMock } from './mock-server.mjs';

const docs = await readFile('docs/server.md', 'utf8');
const snippets = [...docs.matchAll(/<!-- from (\S+) -->\n+```\w*\n([\s\S]*?)\n```/g)].map(
  ([, file, code]) => ({
    file,
    code,
  }),
);

test('shows the Express, Next.js and Hono examples', () => {
  assert.deepEqual(
    snippets.map((s) => s.file),
    [
      'test/types/server/express.ts',
      'test/types/server/app/paylink/[...path]/route.ts',
      'test/types/server/hono.ts',
    ],
  );
});

for (const { file, code } of snippets)
  test(`the example from ${file} is that file, whole`, async () => {
    assert.equal(code.trim(), (await readFile(file, 'utf8')).trim());
  });

let mock, dir, server, origin;
before(async () => {
  mock = await startMock();
  Object.assign(process.env, {
    PAYLINK_API_ID: MOCK_CREDENTIALS.apiId,
    PAYLINK_SECRET_KEY: MOCK_CREDENTIALS.secretKey,
    PAYLINK_REST_URL: mock.origin,
    PAYLINK_STCPAY_URL: mock.origin,
    PAYLINK_WEBHOOK_AUTHORIZATION: 'Bearer docs-example-webhook-42',
  });
  // Beside the dependencies, so that `express` resolves as in a store; `stcpay-otp/server` is
  // the built entry package.json exports under that name.
  dir = await mkdtemp(join(process.cwd(), 'node_modules', '.server-docs-'));
  const source = await readFile('test/types/server/express.ts', 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  const entry = pathToFileURL(resolve('dist/lib/server.js')).href;
  await writeFile(
    join(dir, 'express.mjs'),
    outputText.replace(/(['"])stcpay-otp\/server\1/, JSON.stringify(entry)),
  );
  const { app } = await import(join(dir, 'express.mjs'));
  server = app.listen(0, '127.0.0.1');
  origin = await new Promise((resolve) =>
    server.once('listening', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
});
after(async () => {
  if (server) await close(server);
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the Express example takes a payment through its proxy, ships it once, and verifies it', async () => {
  const { transactionNo, total } = await (await postJson(`${origin}/checkout`)).json();
  assert.match(transactionNo, /^\d{13,14}$/);
  assert.equal(total, 65);
  assert.deepEqual(await (await fetch(`${origin}/orders/${transactionNo}`)).json(), {
    paid: false,
    shipped: false,
  });

  await pay(`${origin}/paylink`, transactionNo, total);
  // onPaid ships once Paylink's getInvoice has the payment.
  for (let i = 0; i < 100; i++) {
    if ((await (await fetch(`${origin}/orders/${transactionNo}`)).json()).shipped) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.deepEqual(await (await fetch(`${origin}/orders/${transactionNo}`)).json(), {
    paid: true,
    shipped: true,
  });
  // Paylink's webhook, with the header set in its portal; without it, nothing is read.
  const webhook = (headers) =>
    postJson(`${origin}/paylink/webhook`, { transactionNo, orderStatus: 'Paid' }, headers);
  assert.equal((await webhook({})).status, 401);
  assert.equal(
    (await webhook({ Authorization: process.env.PAYLINK_WEBHOOK_AUTHORIZATION })).status,
    200,
  );
  assert.deepEqual(
    await (await fetch(`${origin}/paylink/payment-status?transactionNo=${transactionNo}`)).json(),
    {
      status: 'paid',
    },
  );
  // The proxy relays nothing for an order that is not this store's.
  const foreign = await postJson(
    `${origin}/paylink/rest/pay/stcpay/sendOtp`,
    otpRequest('1000000000003', total),
  );
  assert.equal(foreign.status, 400);
});
