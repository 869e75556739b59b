// Builds the JavaScript the package ships, all minified, into dist/:
//
//   dist/lib/                 npm: one ES module per source module, importing Lit (and React)
//                             as dependencies; index.js has no side effects, define.js and
//                             react.js register <stcpay-otp>, define-partner.js and
//                             react-partner.js <paylink-validate-mobile>
//   dist/stcpay-otp.js        script tag: one ES module with Lit inside, registers
//   dist/stcpay-otp.iife.js   script tag: the same as a classic script, no globals
//   dist/paylink-validate-mobile.js  script tag for partners: <paylink-validate-mobile>, Lit inside
//
// `npm run build` then adds the type declarations to dist/lib/ (tsc) and custom-elements.json
// (cem).
import { readFile, rm } from 'node:fs/promises';
import { build } from 'vite';
import { minifyTemplates } from './minify-templates.mjs';

const OUT = 'dist';
/**
 * The oldest browsers with what the element calls at run time (AbortSignal.throwIfAborted,
 * Object.hasOwn); newer syntax, such as class static blocks (Safari 16.4), is lowered to them.
 */
const BROWSERS = ['chrome100', 'edge100', 'firefox97', 'safari15.4'];

/** One build of Vite's library mode; `lib`, `external` and the output vary. */
function library({ lib, outDir = OUT, external = [], output = {} }) {
  return build({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      outDir,
      emptyOutDir: false,
      target: BROWSERS,
      lib,
      rolldownOptions: {
        external,
        // Vite leaves whitespace in ES library output; minify it all.
        output: { minify: true, ...output },
      },
    },
  });
}

await rm(OUT, { recursive: true, force: true });

// One module per source module, so an app's bundler keeps only what the app imports.
await library({
  lib: {
    entry: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'define-partner': 'src/define-partner.ts',
      react: 'src/react.ts',
      'react-partner': 'src/react-partner.ts',
    },
    formats: ['es'],
  },
  outDir: `${OUT}/lib`,
  external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
  output: {
    preserveModules: true,
    preserveModulesRoot: 'src',
    // The compiler's decorator helper comes from node_modules: give it a plain name.
    entryFileNames: ({ name }) =>
      name.includes('node_modules') || name.startsWith('_virtual')
        ? `_helpers/${name.split('/').pop()}.js`
        : '[name].js',
  },
});

// The script-tag builds carry Lit inside, so they carry its notice too (BSD-3-Clause).
const { version } = JSON.parse(await readFile('package.json', 'utf8'));
const banner = `/*! stcpay-otp ${version} (MIT) | includes Lit, Copyright 2017 Google LLC (BSD-3-Clause) */`;

await library({
  lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'stcpay-otp.js' },
  output: { postBanner: banner },
});

// Partners' registration pages get their element as a module of its own; storefronts never load it.
await library({
  lib: { entry: 'src/define-partner.ts', formats: ['es'], fileName: () => 'paylink-validate-mobile.js' },
  output: { postBanner: banner },
});

// The classic script's entry exports nothing, so it sets no global: it only registers the element.
await library({
  lib: {
    entry: 'scripts/iife-entry.js',
    formats: ['iife'],
    name: 'unused',
    fileName: () => 'stcpay-otp.iife.js',
  },
  output: { postBanner: banner },
});
