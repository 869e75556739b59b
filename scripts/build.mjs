// Builds the JavaScript the package ships, all minified, into dist/:
//
//   dist/index.js, define.js, react.js   npm: ES modules that import Lit (and React) as
//                                         dependencies; index has no side effects, define and
//                                         react register <stcpay-otp>
//   dist/stcpay-otp.js                    script tag: one ES module with Lit inside, registers
//   dist/stcpay-otp.iife.js               script tag: the same as a classic script, no globals
//
// `npm run build` then adds the type declarations (tsc) and custom-elements.json (cem).
import { readFile, rm } from 'node:fs/promises';
import { build } from 'vite';
import { minifyTemplates } from './minify-templates.mjs';

const OUT = 'dist';
/**
 * The oldest browsers with what the element calls at run time (AbortSignal.throwIfAborted,
 * Object.hasOwn); newer syntax, such as class static blocks (Safari 16.4), is lowered to them.
 */
const BROWSERS = ['chrome100', 'edge100', 'firefox97', 'safari15.4'];

/** One build of Vite's library mode; `lib` and `external` vary. */
function library({ lib, external = [], banner }) {
  return build({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: BROWSERS,
      lib,
      rolldownOptions: {
        external,
        // Vite leaves whitespace in ES library output; minify it all.
        output: { minify: true, chunkFileNames: 'chunks/[name].js', postBanner: banner },
      },
    },
  });
}

await rm(OUT, { recursive: true, force: true });

await library({
  lib: {
    entry: { index: 'src/index.ts', define: 'src/define.ts', react: 'src/react.ts' },
    formats: ['es'],
  },
  external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
});

// The script-tag builds carry Lit inside, so they carry its notice too (BSD-3-Clause).
const { version } = JSON.parse(await readFile('package.json', 'utf8'));
const banner = `/*! stcpay-otp ${version} (MIT) | includes Lit, Copyright 2017 Google LLC (BSD-3-Clause) */`;

await library({
  lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'stcpay-otp.js' },
  banner,
});

// The classic script's entry exports nothing, so it sets no global: it only registers the element.
await library({
  lib: {
    entry: 'scripts/iife-entry.js',
    formats: ['iife'],
    name: 'unused',
    fileName: () => 'stcpay-otp.iife.js',
  },
  banner,
});
