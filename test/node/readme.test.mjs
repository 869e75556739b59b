// The snippets in README.md and docs/*.md are the code the demo apps run: each code block after
// a `<!-- from <file> -->` line must appear in that file, line for line (indentation aside).
// And every relative link in them leads to a file that exists, and to a heading in it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = Object.fromEntries(PAGES.map((page) => [page, readFileSync(page, 'utf8')]));

const snippets = PAGES.flatMap((page) =>
  [...text[page].matchAll(/<!-- from (\S+) -->\n+```\w*\n([\s\S]*?)\n```/g)].map(
    ([, file, code]) => ({ page, file, lines: code.split('\n') }),
  ),
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
    'demo/vue/src/env.d.ts',
  ])
    assert.ok(files.has(file), `README or docs/ has a snippet from ${file}`);
});

for (const { page, file, lines } of snippets)
  test(`${page}: the snippet from ${file} that starts "${lines[0].trim()}" is in that file`, () => {
    assert.ok(contains(file, lines), `${page}'s snippet differs from ${file}`);
  });

/** GitHub's anchors for a page's headings: lower case, punctuation gone, spaces to dashes. */
function anchors(markdown) {
  const seen = new Map();
  const found = new Set();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    found.add(n ? `${slug}-${n}` : slug);
  }
  return found;
}

test('every relative link in README and docs/ leads to a file, and to a heading in it', () => {
  const broken = [];
  for (const page of PAGES) {
    const prose = text[page].replace(/```[\s\S]*?```/g, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path, hash] = target.split('#');
      const file = path ? normalize(join(dirname(page), path)) : page;
      if (!existsSync(file)) broken.push(`${page}: ${target} (no ${file})`);
      else if (hash && !(file.endsWith('.md') && anchors(readFileSync(file, 'utf8')).has(hash)))
        broken.push(`${page}: ${target} (no heading #${hash} in ${file})`);
    }
  }
  assert.deepEqual(broken, []);
});
