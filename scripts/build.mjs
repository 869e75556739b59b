// Builds the minified, self-contained script-tag builds into dist/, each with its source map:
//
//   dist/stcpay-otp.js        script tag: one ES module with Lit inside, registers
//   dist/stcpay-otp.iife.js   script tag: the same as a classic script, no globals but Lit's
//   dist/paylink-validate-mobile.js  script tag for partners: <paylink-validate-mobile>, Lit inside
//
// `npm run build` then compiles dist/lib/ with tsc (tsconfig.build.json), for npm: one
// readable ES module per source module with its .d.ts and source map, importing Lit (and
// React) as dependencies; index.js has no side effects, define.js and react.js register
// <stcpay-otp>, define-partner.js and react-partner.js <paylink-validate-mobile>; server.js
// and server/ are the server half (no DOM, no Lit), for Node and edge runtimes, importing
// rate-limiter-flexible. scripts/minify-lib.mjs then minifies the modules' html and css
// templates as the script-tag builds have them. Last comes custom-elements.json (cem).
import { rm } from 'node:fs/promises';
import { build } from 'vite';
import { BANNER, CLASSIC_SCRIPT, libraryConfig, OUT, SCRIPT_TAG } from './build-config.mjs';

const library = (options) => build(libraryConfig(options));

await rm(OUT, { recursive: true, force: true });

await library(SCRIPT_TAG);

// Partners' registration pages get their element as a module of its own; storefronts never load it.
await library({
  lib: {
    entry: 'src/define-partner.ts',
    formats: ['es'],
    fileName: () => 'paylink-validate-mobile.js',
  },
  output: { postBanner: BANNER },
});

// The classic script's entry exports nothing, so it sets no global of its own (Lit inside sets its
// four: litHtmlVersions, litElementVersions, reactiveElementVersions, litPropertyMetadata).
await library(CLASSIC_SCRIPT);
