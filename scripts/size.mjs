// `npm run size`: the size of every build in dist/ (run `npm run build` first), minified as
// shipped, then gzip and brotli compressed at their highest levels. Exits with an error when a
// self-contained script-tag build is over the budget in size-budget.json, so CI catches growth.
// `npm run size -- --markdown` prints the rows of the size table in docs/performance.md.
//
// An npm entry is counted as an app's bundler ships it: the entry and the modules of dist/lib/
// it imports, bundled and minified by Vite, without Lit (and React), which the app has anyway.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET_FILE = 'size-budget.json';
const { selfContainedGzipBytes } = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));

const BUILDS = [
  { file: 'dist/stcpay-otp.js', what: 'script tag, ES module, Lit inside', selfContained: true },
  {
    file: 'dist/stcpay-otp.iife.js',
    what: 'script tag, classic script, Lit inside',
    selfContained: true,
  },
  {
    file: 'dist/paylink-validate-mobile.js',
    what: 'script tag for partners, ES module, Lit inside',
    selfContained: true,
  },
  { file: 'dist/lib/index.js', what: 'npm `stcpay-otp` in an app, Lit external', bundle: true },
  {
    file: 'dist/lib/define.js',
    what: 'npm `stcpay-otp/define` in an app, Lit external',
    bundle: true,
  },
  {
    file: 'dist/lib/react.js',
    what: 'npm `stcpay-otp/react` in an app, Lit, React, @lit/react external',
    bundle: true,
  },
  {
    file: 'dist/lib/define-partner.js',
    what: 'npm `stcpay-otp/define-partner` in an app, Lit external',
    bundle: true,
  },
];

/** `file` with the modules it imports from dist/lib/, as one minified module. */
async function bundled(file) {
  const [{ output }] = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: file, formats: ['es'] },
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
        output: { minify: true },
      },
    },
  });
  return Buffer.from(output[0].code);
}

const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [];
for (const b of BUILDS)
  rows.push({ ...b, ...sizes(b.bundle ? await bundled(b.file) : readFileSync(b.file)) });

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
