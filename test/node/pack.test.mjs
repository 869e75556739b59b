// What `npm publish` would upload: `npm pack --dry-run` lists the tarball. `npm test` builds
// dist/ and custom-elements.json first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [tarball] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
const files = new Map(tarball.files.map((f) => [f.path, f.size]));

/**
 * Everything the tarball may hold: the builds and their source maps, their types, the
 * manifest, README, LICENSE.
 */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^custom-elements\.json$/,
  /^dist\/stcpay-otp(\.iife|-code)?\.js(\.map)?$/,
  /^dist\/paylink-validate-mobile\.js(\.map)?$/,
  /^dist\/lib\/((checkout|core|i18n|input|partner|server|server\/ledger|server\/proxy)\/)?[\w-]+\.(js|js\.map|d\.ts)$/,
];
const isMap = (path) => path.endsWith('.map');

test('holds the builds, the types of every entry, the manifest, README and LICENSE', () => {
  for (const path of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'dist/lib/index.js',
    'dist/lib/define.js',
    'dist/lib/react.js',
    'dist/stcpay-otp.js',
    'dist/stcpay-otp-code.js',
    'dist/stcpay-otp.iife.js',
    'dist/lib/index.d.ts',
    'dist/lib/define.d.ts',
    'dist/lib/react.d.ts',
    'dist/lib/vue.d.ts',
    'dist/lib/svelte.d.ts',
    'dist/lib/server.js',
    'dist/lib/server.d.ts',
    'dist/lib/server/paylink.js',
    'dist/lib/server/proxy/handler.js',
  ])
    assert.ok(files.has(path), `${path} is in the tarball`);
});

test('holds nothing else: no sources, tests, demos or configs', () => {
  const unexpected = [...files.keys()].filter(
    (path) => !ALLOWED.some((pattern) => pattern.test(path)),
  );
  assert.deepEqual(unexpected, []);
  // The sum of what is allowed: a regression here means something big slipped into dist/.
  // dist/lib/ is readable (unminified) modules with their .d.ts, the server half's among them
  // (dist/lib/server*); the maps are counted apart. Some 445 KB and 760 KB when this was written,
  // then some 565 KB and 925 KB with the checkout's outcomes (unconfirmed payments, store
  // checks, refusals read in two languages, the page's record of transactions), and 1,002 KB
  // of maps once the elements' shared markup moved into their base class and core/slow.ts
  // (a module and a map of its own) left the checkout element; some 620 KB with the server kit's
  // ledger (dist/lib/server/ledger/, 32 KB of it, and the webhook), none of which reaches a page.
  // The maps passed 1.1 MB with the ledger's, the client keys' and the redaction's modules, and
  // the code 650 KB with the Svelte types and the retried sends' words (some 660 KB).
  const sum = (paths) => paths.reduce((total, path) => total + files.get(path), 0);
  const code = sum([...files.keys()].filter((path) => !isMap(path)));
  const maps = sum([...files.keys()].filter(isMap));
  assert.ok(code < 700_000, `${code} bytes unpacked without the maps`);
  // The script-tag builds' maps carry Lit's sources too: most of the maps' bytes.
  assert.ok(maps < 1_200_000, `${maps} bytes of source maps`);
});

test('ships each JavaScript file with a source map that carries its sources', () => {
  const scripts = [...files.keys()].filter((path) => path.endsWith('.js'));
  assert.ok(scripts.length > 20, `${scripts.length} scripts`);
  for (const path of scripts) {
    assert.ok(files.has(`${path}.map`), `${path}.map is in the tarball`);
    const name = path.split('/').pop();
    assert.ok(
      readFileSync(path, 'utf8').trimEnd().endsWith(`//# sourceMappingURL=${name}.map`),
      `${path} names its map`,
    );
    // The sources are not shipped, so a map is only of use with their text inside it.
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
    assert.ok(map.sources.length > 0, `${path}.map has sources`);
    assert.equal(map.sourcesContent?.filter(Boolean).length, map.sources.length, path);
  }
});

test('holds every file package.json points to', () => {
  const targets = (value) =>
    typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets);
  const named = [
    ...targets(pkg.exports),
    pkg.main,
    pkg.types,
    pkg.unpkg,
    pkg.jsdelivr,
    pkg.customElements,
    ...pkg.sideEffects,
  ].map((path) => path.replace(/^\.\//, ''));
  for (const path of named) assert.ok(files.has(path), `${path} is in the tarball`);
});

/** The package a bare import names: `lit/decorators.js` is `lit`, `@lit/react` is itself. */
const packageOf = (specifier) => specifier.match(/^(@[^/]+\/)?[^/]+/)[0];

test('an install for the element alone brings Lit and nothing else', () => {
  // React's wrapper and the server kit's limiter are optional peers: a React app adds
  // @lit/react, a server rate-limiter-flexible (README, docs/server.md).
  assert.deepEqual(Object.keys(pkg.dependencies), ['lit']);
  for (const name of Object.keys(pkg.peerDependencies))
    assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, `${name} is an optional peer`);
  const importers = new Map();
  for (const path of files.keys()) {
    if (!path.startsWith('dist/lib/') || !path.endsWith('.js')) continue;
    const code = readFileSync(path, 'utf8');
    for (const [, ...specifiers] of code.matchAll(
      /from\s*["']([^"'.][^"']*)["']|import\s*["']([^"'.][^"']*)["']/g,
    )) {
      const name = packageOf(specifiers.find(Boolean));
      importers.set(name, [...(importers.get(name) ?? []), path]);
    }
  }
  assert.deepEqual([...importers.keys()].sort(), [
    '@lit/react',
    'lit',
    'rate-limiter-flexible',
    'react',
  ]);
  for (const [name, paths] of importers) {
    assert.ok(name in pkg.dependencies || name in pkg.peerDependencies, `${name} is declared`);
    if (name === 'lit') continue;
    const only =
      name === 'rate-limiter-flexible'
        ? /^dist\/lib\/server\//
        : /^dist\/lib\/react(-partner)?\.js$/;
    assert.deepEqual(
      paths.filter((p) => !only.test(p)),
      [],
      `only ${only} imports ${name}`,
    );
  }
});
