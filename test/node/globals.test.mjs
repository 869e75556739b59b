// What importing each npm entry adds to globalThis in Node, each in a fresh process, against what
// README says: Lit's Node build adds its six, the package none of its own, and the server kit
// nothing. `npm test` builds first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

/** The names `specifier`'s import adds to globalThis, in a fresh Node process. */
function addedBy(specifier) {
  const script = `
    const before = new Set(Reflect.ownKeys(globalThis));
    await import(${JSON.stringify(specifier)});
    const added = Reflect.ownKeys(globalThis).filter((k) => !before.has(k)).map(String);
    console.log(JSON.stringify(added.sort()));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** What Lit 3's Node build adds: its server-side registry and root, and its version lists. */
const LIT_IN_NODE = [
  'customElements',
  'litElementVersions',
  'litHtmlVersions',
  'litPropertyMetadata',
  'litServerRoot',
  'reactiveElementVersions',
];

test("Lit's Node build adds its six globals", () => {
  assert.deepEqual(addedBy('lit'), LIT_IN_NODE);
});

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => target.default)
  .map(([subpath]) => (subpath === '.' ? 'stcpay-otp' : `stcpay-otp/${subpath.slice(2)}`));

for (const specifier of entries)
  test(`importing ${specifier} in Node adds ${specifier === 'stcpay-otp/server' ? 'no global' : "only Lit's"}`, () => {
    assert.deepEqual(addedBy(specifier), specifier === 'stcpay-otp/server' ? [] : LIT_IN_NODE);
  });

test('README names each global an import adds in Node', () => {
  const readme = readFileSync('README.md', 'utf8');
  const paragraph = readme.split('\n\n').find((p) => p.includes('where there is no DOM')) ?? '';
  for (const name of LIT_IN_NODE) assert.ok(paragraph.includes(`\`${name}\``), name);
  assert.match(paragraph, /`stcpay-otp\/server`[^.]*adds no global/);
});
