// How the package's builds are configured, shared by scripts/build.mjs and the tests that
// rebuild a bundle in memory to check what it holds.
import { readFileSync } from 'node:fs';
import { minifyTemplates } from './minify-templates.mjs';

export const OUT = 'dist';
/**
 * The oldest browsers with what the element calls at run time (AbortSignal.throwIfAborted,
 * Object.hasOwn); newer syntax, such as class static blocks (Safari 16.4), is lowered to them.
 */
const BROWSERS = ['chrome100', 'edge100', 'firefox97', 'safari15.4'];

/** The script-tag builds carry Lit inside, so they carry its notice too (BSD-3-Clause). */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
export const BANNER = `/*! stcpay-otp ${version} (MIT) | includes Lit, Copyright 2017 Google LLC (BSD-3-Clause) */`;

/** The Vite config of one library build; `lib`, `external` and the output vary. */
export function libraryConfig({ lib, outDir = OUT, external = [], output = {}, write = true }) {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      outDir,
      write,
      emptyOutDir: false,
      // Each build ships its map, so a stack trace from a minified build can be read.
      sourcemap: true,
      target: BROWSERS,
      lib,
      rolldownOptions: {
        external,
        // Vite leaves whitespace in ES library output; minify it all.
        output: { minify: true, ...output },
      },
    },
  };
}

/** The storefront's script tag, dist/stcpay-otp.js: one ES module with Lit inside. */
export const SCRIPT_TAG = {
  lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'stcpay-otp.js' },
  output: { postBanner: BANNER },
};
