// The npm entries in an app's bundle: package.json `sideEffects` and one module per source
// module let a bundler keep only what the app imports. Bundled here with Vite, as an app is.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'vite';

/** The minified bundle of an app whose only module is `source`. */
async function bundle(source) {
  // Inside the package, so that `stcpay-otp` resolves to it as it does in an app.
  const dir = await mkdtemp(join(process.cwd(), 'node_modules', '.tree-shaking-'));
  try {
    const entry = join(dir, 'app.js');
    await writeFile(entry, source);
    const [{ output }] = await build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, lib: { entry, formats: ['es'] }, minify: true },
    });
    return output[0].code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('an app that imports only parseMobile gets neither the element nor Lit', async () => {
  const code = await bundle(
    "import { parseMobile } from 'stcpay-otp'; console.log(parseMobile('0551234567', '966'));",
  );
  assert.match(code, /551234567|966/);
  assert.doesNotMatch(code, /customElements|attachShadow|stcpay-otp-accent/);
  assert.ok(code.length < 5000, `${code.length} bytes`);
});

test('an app that imports stcpay-otp/define keeps the registration', async () => {
  const code = await bundle("import 'stcpay-otp/define';");
  assert.match(code, /customElements/);
  assert.match(code, /`stcpay-otp`|"stcpay-otp"|'stcpay-otp'/);
  assert.match(code, /\.define\(\)/);
});

test('an app that imports stcpay-otp/define carries nothing of the server half', async () => {
  const code = await bundle("import 'stcpay-otp/define';");
  assert.doesNotMatch(code, /\/api\/auth|RateLimiter|payment-status|persistToken/);
});

test('a server bundle of stcpay-otp/server carries neither Lit nor an element', async () => {
  const code = await bundle(
    "import { createPaylink } from 'stcpay-otp/server'; console.log(createPaylink);",
  );
  assert.match(code, /\/api\/auth/);
  assert.doesNotMatch(code, /customElements|attachShadow|LitElement|lit-html|stcpay-otp-accent/);
});
