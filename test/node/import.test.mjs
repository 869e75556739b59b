// Importing the package where there is no DOM: Node, or a server rendering a page. The npm
// entries as a server resolves them (package.json exports, Lit's Node build), and the server
// half, stcpay-otp/server; `npm test` builds them first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

/** Browser globals, each replaced by a getter that notes who reads it. */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'matchMedia',
  'requestAnimationFrame',
  'HTMLElement',
  'ShadowRoot',
  'CSSStyleSheet',
  'customElements',
  'MutationObserver',
];
const touched = [];
for (const name of DOM_GLOBALS) {
  let value = globalThis[name];
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get: () => (touched.push(name), value),
    set: (next) => {
      touched.push(`${name}=`);
      value = next;
    },
  });
}

// Lit reads some of them as it loads in Node, and puts its own server-side customElements
// registry in place; what is read after this line is the package's doing.
await import('lit');
await import('lit/decorators.js');
await import('lit/directives/live.js');
touched.length = 0;

test('importing stcpay-otp reads no browser global and registers nothing', async () => {
  const api = await import('stcpay-otp');
  assert.deepEqual(touched, []);
  assert.equal(typeof api.StcpayOtp, 'function');
  assert.equal(typeof api.processPayment, 'function');
  assert.equal(globalThis.customElements.get('stcpay-otp'), undefined);
});

test("the package's helpers work without a DOM", async () => {
  const { parseMobile } = await import('stcpay-otp');
  touched.length = 0;
  assert.deepEqual(parseMobile('٠٥٥١٢٣٤٥٦٧', '966'), parseMobile('0551234567', '966'));
  assert.equal(parseMobile('0551234567', '966').ok, true);
  assert.deepEqual(touched, []);
});

test("stcpay-otp/define registers <stcpay-otp>, here in Lit's server-side registry", async () => {
  const { StcpayOtp } = await import('stcpay-otp/define');
  assert.equal(globalThis.customElements.get('stcpay-otp'), StcpayOtp);
});

test('stcpay-otp/react imports and renders <stcpay-otp> on the server', async () => {
  const { StcpayOtp } = await import('stcpay-otp/react');
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const markup = renderToString(
    createElement(StcpayOtp, { transactionNo: '1679123751896', total: 10, onOtpSent: () => {} }),
  );
  assert.match(markup, /^<stcpay-otp\b[^>]*><\/stcpay-otp>$/);
});

/** The files of dist/lib/ that `file` imports, itself included, and the packages they import. */
function moduleGraph(file, graph = { files: new Set(), packages: new Set() }) {
  if (graph.files.has(file)) return graph;
  graph.files.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, ...specifiers] of code.matchAll(
    /from\s*["']([^"']+)["']|import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const specifier = specifiers.find(Boolean);
    if (specifier.startsWith('.')) moduleGraph(join(dirname(file), specifier), graph);
    else graph.packages.add(specifier);
  }
  return graph;
}

test('importing stcpay-otp/server reads no browser global and loads neither Lit nor an element', async () => {
  touched.length = 0;
  const server = await import('stcpay-otp/server');
  assert.deepEqual(touched, []);
  assert.equal(typeof server.createPaylink, 'function');
  assert.equal(typeof server.createPaylinkPartner, 'function');
  assert.equal(typeof server.toNodeHandler, 'function');
  const { files, packages } = moduleGraph('dist/lib/server.js');
  assert.deepEqual([...packages].sort(), [
    'rate-limiter-flexible/lib/RateLimiterMemory.js',
    'rate-limiter-flexible/lib/RateLimiterRedis.js',
  ]);
  // Beyond its own modules, only the API's plain description, which the elements share.
  const outside = [...files].filter(
    (f) => f !== 'dist/lib/server.js' && !f.startsWith('dist/lib/server/'),
  );
  assert.deepEqual(outside, ['dist/lib/core/paylink-api.js']);
  assert.equal(moduleGraph('dist/lib/core/paylink-api.js').files.size, 1, 'it imports nothing');
  assert.ok(files.size > 5, `${files.size} modules`);
});
