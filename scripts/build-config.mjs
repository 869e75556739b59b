// How the package's builds are configured, shared by scripts/build.mjs and the tests that
// rebuild a bundle in memory to check what it holds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
export function libraryConfig({
  lib,
  outDir = OUT,
  external = [],
  output = {},
  write = true,
  plugins = [],
}) {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates(), ...plugins],
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
        // The modules the code step shares with the element stay in the element's file (which
        // exports them to it), rather than in a third file the element would wait for.
        preserveEntrySignatures: 'allow-extension',
        // Vite leaves whitespace in ES library output; minify it all. A built file is not built
        // again, so the bundler's annotations (`@__PURE__`, `@vite-ignore`) are of no use in it.
        output: { minify: true, comments: { annotation: false }, ...output },
      },
    },
  };
}

/**
 * The storefront's script tag, dist/stcpay-otp.js: an ES module with Lit inside that renders the
 * number step, and beside it dist/stcpay-otp-code.js, the code step it loads after its first
 * render (a name without a hash: the element asks for it again by name if a load fails).
 */
export const SCRIPT_TAG = {
  lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'stcpay-otp.js' },
  output: { postBanner: BANNER, chunkFileNames: '[name].js' },
};

/**
 * The classic script, dist/stcpay-otp.iife.js: one file, so its code step is inside it. Where the
 * element loads its code step (load-code-step.ts), this build puts load-code-step-inline.ts.
 */
export const CLASSIC_SCRIPT = {
  lib: {
    entry: 'scripts/iife-entry.js',
    formats: ['iife'],
    name: 'unused',
    fileName: () => 'stcpay-otp.iife.js',
  },
  output: { postBanner: BANNER },
  plugins: [
    {
      name: 'stcpay-otp:code-step-inside',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === './load-code-step.js' && importer?.includes('/src/checkout/'))
          return fileURLToPath(
            new URL('../src/checkout/load-code-step-inline.ts', import.meta.url),
          );
      },
    },
  ],
};
