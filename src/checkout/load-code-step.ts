import type { CodeStep } from './host.js';

export type { CodeStep } from './host.js';

/** The load in flight or done, for every element on the page; cleared when it fails. */
let loading: Promise<CodeStep> | undefined;
/** Loads that failed so far: each try after one asks for the chunk again. */
let failures = 0;

/**
 * Loads the code step once for the page. After a failure, the next call tries again: first the
 * same import (browsers that do not keep a failed module load it anew), then, if that fails at
 * once, the chunk's URL with a query of its own, which no browser has seen fail.
 */
export function loadCodeStep(): Promise<CodeStep> {
  loading ??= importCodeStep().catch((error: unknown) => {
    loading = undefined;
    failures++;
    throw error;
  });
  return loading;
}

/** The chunk's file, next to this module's (built: next to dist/stcpay-otp.js). */
const CHUNK = './stcpay-otp-code.js';

function importCodeStep(): Promise<CodeStep> {
  if (!failures) return import('./stcpay-otp-code.js').then((chunk) => chunk.codeStep);
  const again = new URL(`${CHUNK}?try=${failures}`, import.meta.url).href;
  // The new URL is left to the browser: the build and Vite's dev server leave it as written.
  return import('./stcpay-otp-code.js')
    .catch((): Promise<typeof import('./stcpay-otp-code.js')> => import(/* @vite-ignore */ again))
    .then((chunk) => chunk.codeStep);
}
