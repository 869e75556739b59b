// The npm entries' modules (dist/lib/) ship their `html` and `css` templates minified, as the
// script-tag builds do, and their source maps still lead from the minified markup back to the
// line of src/ it is written on. `npm test` builds them first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { parse } from 'acorn';

const LIB = 'dist/lib';
const modules = readdirSync(LIB, { recursive: true })
  .filter((path) => path.endsWith('.js'))
  .map((path) => join(LIB, path));

/** The `html` and `css` tagged templates of `code`: their tag and the text between `${}`s. */
function templates(code) {
  const found = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && ['html', 'css'].includes(node.tag.name))
      found.push({ tag: node.tag.name, pieces: node.quasi.quasis.map((q) => q.value.raw) });
    for (const key in node) if (node[key] && typeof node[key] === 'object') walk(node[key]);
  };
  walk(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

test('dist/lib/ has the element modules and their templates', () => {
  const tags = modules.flatMap((file) => templates(readFileSync(file, 'utf8')));
  assert.ok(tags.filter((t) => t.tag === 'html').length >= 10, 'html templates found');
  assert.ok(tags.filter((t) => t.tag === 'css').length >= 2, 'css templates found');
});

test('no template of dist/lib/ keeps the line breaks and indentation of its source', () => {
  const unminified = [];
  for (const file of modules)
    for (const { tag, pieces } of templates(readFileSync(file, 'utf8'))) {
      // Markup keeps no line break followed by indentation; styles keep no line break at all.
      const left = pieces.find((piece) => (tag === 'css' ? /\n/ : /\n[ \t]/).test(piece));
      if (left !== undefined) unminified.push(`${file}: ${tag}\`${left.slice(0, 60)}…\``);
    }
  assert.deepEqual(unminified, []);
});

test('dist/lib/core/styles.js holds its styles as Lightning CSS minifies them', () => {
  const code = readFileSync(`${LIB}/core/styles.js`, 'utf8');
  assert.match(code, /:host\{--_accent:var\(--stcpay-otp-accent,#4f008c\);/);
  assert.doesNotMatch(code, /display: block;/);
});

/** Where in its source the first `needle` of the dist/lib module `file` comes from. */
function sourceOf(file, needle) {
  const code = readFileSync(file, 'utf8');
  const at = code.indexOf(needle);
  assert.notEqual(at, -1, `${needle} is in ${file}`);
  const before = code.slice(0, at).split('\n');
  const map = new TraceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const { source, line, column } = originalPositionFor(map, {
    line: before.length,
    column: before.at(-1).length,
  });
  assert.ok(line, `${needle} in ${file} maps somewhere`);
  return { source, line, column, written: map.sourcesContent[0].split('\n')[line - 1] };
}

/** The 1-based line of src/`path` where `needle` first stands. */
function lineIn(path, needle) {
  const lines = readFileSync(`src/${path}`, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes(needle));
  assert.notEqual(at, -1, `${needle} is in src/${path}`);
  return at + 1;
}

test("a minified template's markup maps back to its line of src/*.ts", () => {
  for (const needle of ['part="submit"', 'enterkeyhint="send"', 'part="messages"']) {
    const found = sourceOf(`${LIB}/checkout/send-step.js`, needle);
    assert.match(found.source, /(^|\/)src\/checkout\/send-step\.ts$/);
    assert.equal(found.line, lineIn('checkout/send-step.ts', needle), needle);
    assert.ok(found.written.includes(needle), `${needle}: ${found.written}`);
  }
});

test("a minified css template's pieces map back to where they start in src/core/styles.ts", () => {
  // The styles open on the line of `css\``; the piece after each `${dark}` starts on its line.
  const opening = sourceOf(`${LIB}/core/styles.js`, ':host{--_accent');
  assert.match(opening.source, /(^|\/)src\/core\/styles\.ts$/);
  assert.equal(opening.line, lineIn('core/styles.ts', 'export const styles = css`'));
  const afterDark = sourceOf(`${LIB}/core/styles.js`, ':host([hidden])');
  assert.match(afterDark.written, /\$\{dark\}/);
});

test('the code around the templates still maps where tsc mapped it', () => {
  const found = sourceOf(`${LIB}/checkout/send-step.js`, 'function sameRequest');
  assert.equal(found.line, lineIn('checkout/send-step.ts', 'function sameRequest('));
  assert.equal(found.column, 0);
  const element = sourceOf(`${LIB}/core/styles.js`, 'export const styles');
  assert.equal(element.line, lineIn('core/styles.ts', 'export const styles'));
});
