// `npm run size`: the size of every build in dist/ (run `npm run build` first), minified as
// shipped, then gzip and brotli compressed at their highest levels (Node's zlib: gzip -9,
// brotli -q 11). Exits with an error when a file, or what a page loads for a step, is over its
// budget in size-budget.json, so CI catches growth. `npm run size -- --markdown` prints the rows
// of the size table in docs/performance.md.
//
// A file's "first step" is the file and every file it imports statically, as a page must load
// them before the element renders; "everything" adds the files it loads later with import().
//
// An npm entry is counted as an app's bundler ships it: the entry and the modules of dist/lib/
// it imports, bundled and minified by Vite, without Lit (and React), which the app has anyway.
// Its code step then comes out as a file of its own, as in the app.
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { compressed, filesBytes, reached } from './dist-files.mjs';

const BUDGET_FILE = 'size-budget.json';
const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));

const BUILDS = [
  { file: 'dist/stcpay-otp.js', what: 'script tag, ES module, Lit inside' },
  { file: 'dist/stcpay-otp-code.js', what: 'its code step, loaded after the first render' },
  { file: 'dist/stcpay-otp.iife.js', what: 'script tag, classic script, Lit inside: one file' },
  {
    file: 'dist/paylink-validate-mobile.js',
    what: 'script tag for partners, ES module, Lit inside',
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

/** The script-tag modules whose first step and whole are budgeted as a page loads them. */
const PAGES = ['dist/stcpay-otp.js', 'dist/paylink-validate-mobile.js'];

/** `file` with the modules it imports from dist/lib/, as an app's bundler makes it: its files. */
async function bundled(file) {
  const [{ output }] = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: file, formats: ['es'] },
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
        // As in an app, whose entry may hand modules on to a chunk it loads.
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true },
      },
    },
  });
  return output.filter((chunk) => chunk.type === 'chunk');
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = [];
for (const b of BUILDS) {
  if (b.bundle) {
    const chunks = await bundled(b.file);
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const entry = chunks.find((chunk) => chunk.isEntry);
    // What the entry's chunk imports statically comes first; the rest is loaded later.
    const first = new Set([entry.fileName]);
    for (const name of first)
      for (const next of byName.get(name).imports) if (byName.has(next)) first.add(next);
    const gzipOf = (list) => list.reduce((sum, c) => sum + compressed(Buffer.from(c.code)).gzip, 0);
    const code = chunks.filter((chunk) => !first.has(chunk.fileName));
    rows.push({
      ...b,
      ...compressed(
        Buffer.from(
          chunks
            .filter((c) => first.has(c.fileName))
            .map((c) => c.code)
            .join(''),
        ),
      ),
      later: gzipOf(code),
    });
  } else rows.push({ ...b, ...compressed(readFileSync(b.file)) });
}

const pages = PAGES.map((file) => ({
  file,
  firstStep: filesBytes(reached(file)).gzip,
  everything: filesBytes(reached(file, { dynamic: true })).gzip,
}));

/** What a row is, with the code step an app's bundler makes of an npm entry. */
const described = (r) => (r.later ? `${r.what}; its code step ${kb(r.later)} gzip more` : r.what);

if (process.argv.includes('--markdown')) {
  for (const r of rows)
    console.log(
      `| \`${r.file}\` (${described(r)}) | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`,
    );
  process.exit(0);
}

const table = [
  ['build', 'minified', 'gzip', 'brotli', ''],
  ...rows.map((r) => [r.file, kb(r.raw), kb(r.gzip), kb(r.brotli), described(r)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table)
  console.log(
    row
      .map((cell, i) => (i > 0 && i < 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );

console.log('\ngzip bytes, against size-budget.json:');
const checks = [
  ...rows.map((r) => [r.file, r.gzip, budget.files?.[r.file]]),
  ...pages.flatMap((p) => [
    [`${p.file}, first step (with its static imports)`, p.firstStep, budget.firstStep?.[p.file]],
    [`${p.file}, everything it loads`, p.everything, budget.everything?.[p.file]],
  ]),
];
let over = 0;
for (const [what, bytes, limit] of checks) {
  if (limit === undefined) {
    console.error(`${what}: ${bytes} bytes, and no budget in ${BUDGET_FILE}.`);
    over++;
  } else if (bytes > limit) {
    console.error(`${what}: ${bytes} bytes, ${bytes - limit} over its budget of ${limit}.`);
    over++;
  } else console.log(`${what}: ${bytes} of ${limit} bytes`);
}
if (over) process.exitCode = 1;
