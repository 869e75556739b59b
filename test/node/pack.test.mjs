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

/** Everything the tarball may hold: the builds, their types, the manifest, README, LICENSE. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^custom-elements\.json$/,
  /^dist\/stcpay-otp(\.iife)?\.js$/,
  /^dist\/paylink-validate-mobile\.js$/,
  /^dist\/lib\/((checkout|core|i18n|input|partner|server|server\/proxy)\/)?[\w-]+\.(js|d\.ts)$/,
  /^dist\/lib\/_helpers\/[\w-]+\.js$/,
];

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
    'dist/stcpay-otp.iife.js',
    'dist/lib/index.d.ts',
    'dist/lib/define.d.ts',
    'dist/lib/react.d.ts',
    'dist/lib/vue.d.ts',
    'dist/lib/server.js',
    'dist/lib/server.d.ts',
    'dist/lib/server/paylink.js',
    'dist/lib/server/proxy/handler.js',
  ])
    assert.ok(files.has(path), `${path} is in the tarball`);
});

test('holds nothing else: no sources, tests, demos, source maps or configs', () => {
  const unexpected = [...files.keys()].filter(
    (path) => !ALLOWED.some((pattern) => pattern.test(path)),
  );
  assert.deepEqual(unexpected, []);
  // The sum of what is allowed: a regression here means something big slipped into dist/.
  // The server half (dist/lib/server*) is some 57 KB of it.
  assert.ok(tarball.unpackedSize < 410_000, `unpacked ${tarball.unpackedSize} bytes`);
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
