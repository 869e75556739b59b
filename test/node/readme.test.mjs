// README's Usage snippets are the code the demo apps run: each code block after a
// `<!-- from <file> -->` line must appear in that file, line for line (indentation aside).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const snippets = [...readme.matchAll(/<!-- from (\S+) -->\n+```\w*\n([\s\S]*?)\n```/g)].map(
  ([, file, code]) => ({ file, lines: code.split('\n') }),
);

/** `lines` without the indentation they all share (blank lines aside). */
function dedent(lines) {
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length);
  const common = Math.min(...indents);
  return lines.map((l) => l.slice(common));
}

/** Whether `lines` appear together in `file`, indented by any amount. */
function contains(file, lines) {
  const fileLines = readFileSync(file, 'utf8').split('\n');
  const wanted = dedent(lines).join('\n');
  for (let i = 0; i + lines.length <= fileLines.length; i++)
    if (dedent(fileLines.slice(i, i + lines.length)).join('\n') === wanted) return true;
  return false;
}

test('shows the code of each demo app: plain page, React, Vue', () => {
  const files = new Set(snippets.map((s) => s.file));
  for (const file of [
    'demo/plain/index.html',
    'demo/react/src/Checkout.tsx',
    'demo/vue/src/Checkout.vue',
    'demo/vue/vite.config.ts',
    'demo/vue/src/main.ts',
  ])
    assert.ok(files.has(file), `README has a snippet from ${file}`);
});

for (const { file, lines } of snippets)
  test(`the snippet from ${file} that starts "${lines[0].trim()}" is in that file`, () => {
    assert.ok(contains(file, lines), `README's snippet differs from ${file}`);
  });
