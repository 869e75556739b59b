// `npm run size`: the size of every build in dist/ (run `npm run build` first), minified as
// shipped, then gzip and brotli compressed at their highest levels. Exits with an error when a
// self-contained script-tag build is over the budget in size-budget.json, so CI catches growth.
// `npm run size -- --markdown` prints the table's rows for README's Size section.
//
// An npm entry is counted with the chunks it imports from dist/: what it adds to an app's
// bundle next to Lit (and React), which the app has anyway.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_FILE = 'size-budget.json';
const { selfContainedGzipBytes } = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));

const BUILDS = [
  { file: 'dist/stcpay-otp.js', what: 'script tag, ES module, Lit inside', selfContained: true },
  {
    file: 'dist/stcpay-otp.iife.js',
    what: 'script tag, classic script, Lit inside',
    selfContained: true,
  },
  { file: 'dist/index.js', what: 'npm `stcpay-otp`, Lit external' },
  { file: 'dist/define.js', what: 'npm `stcpay-otp/define`, Lit external' },
  { file: 'dist/react.js', what: 'npm `stcpay-otp/react`, Lit, React, @lit/react external' },
];

/** The file and, recursively, the files of dist/ it imports, each once. */
function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g))
    withImports(join(dirname(file), specifier), seen);
  return seen;
}

const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = BUILDS.map((build) => {
  const files = [...withImports(build.file)];
  return { ...build, files, ...sizes(Buffer.concat(files.map((f) => readFileSync(f)))) };
});

const table = [
  ['build', 'minified', 'gzip', 'brotli', ''],
  ...rows.map((r) => [r.file, kb(r.raw), kb(r.gzip), kb(r.brotli), r.what]),
];
if (process.argv.includes('--markdown')) {
  for (const r of rows)
    console.log(`| \`${r.file}\` (${r.what}) | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
  process.exit(0);
}

const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table)
  console.log(
    row
      .map((cell, i) => (i > 0 && i < 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );

console.log(
  `\nBudget for a self-contained build: ${kb(selfContainedGzipBytes)} gzip (${BUDGET_FILE}).`,
);
const over = rows.filter((r) => r.selfContained && r.gzip > selfContainedGzipBytes);
for (const r of over)
  console.error(
    `${r.file} is ${r.gzip - selfContainedGzipBytes} bytes over the budget: ${r.gzip} > ${selfContainedGzipBytes} bytes gzip.`,
  );
if (over.length) process.exitCode = 1;
