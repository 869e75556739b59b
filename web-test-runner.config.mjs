import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteerCore from 'puppeteer-core';
import { createDemoServer } from './demo/demo-server.js';
import { findFirefox, selectedEngines } from './scripts/engines.mjs';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import { projectCommands } from './test/server/commands.js';
import { handleChunkFault } from './test/server/chunk-fault.js';
import { handleCspPage } from './test/server/csp-page.js';
import { webkitLauncher } from './test/server/webkit-launcher.js';

// The slow test code's payment takes 5 s here (20 s in the demo): longer than the tests'
// `timeout`, short enough to wait for (SLOW_PAYMENT_MS in test/helpers/mock.ts).
// The three engines reach the demo store from one address: its per-client limits, at their
// defaults, would be shared by every engine's tests, so they are wide here. Its per-order
// limits stay as a store has them.
const WIDE = { points: 1000, duration: 15 * 60 };
const handleDemoRequest = createDemoServer({
  slowPaymentMs: 5000,
  storeRateLimit: {
    sendOtpPerClient: WIDE,
    processPaymentPerClient: WIDE,
    paymentStatusPerClient: WIDE,
  },
});

/**
 * Ends the run with plain lines of counts for logs and CI: one per engine, then the whole run's
 * "N passed, N failed, N skipped" as the last line.
 */
const countsReporter = {
  stop({ sessions }) {
    const byEngine = new Map();
    const countsOf = (name) => {
      if (!byEngine.has(name)) byEngine.set(name, { passed: 0, failed: 0, skipped: 0 });
      return byEngine.get(name);
    };
    const total = countsOf('');
    const walk = (suite, counts) => {
      for (const test of suite.tests) {
        const outcome = test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed';
        counts[outcome]++;
        total[outcome]++;
      }
      for (const child of suite.suites) walk(child, counts);
    };
    for (const session of sessions) {
      const counts = countsOf(session.browser.name);
      if (session.testResults) walk(session.testResults, counts);
      const errors = session.errors?.length ?? 0;
      counts.failed += errors;
      total.failed += errors;
    }
    const line = ({ passed, failed, skipped }) =>
      `${passed} passed, ${failed} failed, ${skipped} skipped`;
    const lines = [...byEngine]
      .filter(([name]) => name)
      .map(([name, counts]) => `${name}: ${line(counts)}\n`);
    // The progress display redraws the terminal until the end, so write the lines on exit.
    process.once('exit', () => process.stdout.write(lines.join('') + line(total) + '\n'));
  },
};

const launch = (args) => {
  const launcher = chromeLauncher({
    launchOptions: { executablePath: findChrome(), headless: true, args },
  });
  launcher.name = 'Chromium';
  return launcher;
};

// Every run tests in the three engines shoppers use, unless BROWSERS names fewer
// (e.g. `BROWSERS=chromium,webkit npm test`). An engine that cannot start fails the run.
const engines = selectedEngines();
const launchers = {
  chromium: () => launch(CHROME_ARGS),
  // Firefox over WebDriver BiDi, with the puppeteer-core the project already has: no download.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true },
    }),
  webkit: () => webkitLauncher(),
};

export default {
  // test/memory/ runs in its own browser, the memory group below.
  files: ['test/**/*.test.ts', '!test/memory/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), projectCommands()],
  middleware: [
    // A checkout page under a Content Security Policy the test chooses (test/csp.test.ts).
    (ctx, next) => {
      if (!handleCspPage(ctx.req, ctx.res)) return next();
      ctx.respond = false;
    },
    // The built module, with its code step failing or held back (test/stcpay-otp-chunk.test.ts).
    (ctx, next) => {
      if (!handleChunkFault(ctx.req, ctx.res)) return next();
      ctx.respond = false;
      return new Promise((resolve) => ctx.res.once('close', resolve));
    },
    // The local mock Paylink and the demo store's server side, over real HTTP on the test
    // server's own origin.
    // Koa reads the status after the middleware settles, so settle once the answer is out.
    (ctx, next) => {
      if (!handleDemoRequest(ctx.req, ctx.res)) return next();
      ctx.respond = false;
      return new Promise((resolve) =>
        ctx.res.once('close', () => {
          // No answer at all (the hang and reset scenarios) is not a missing route: not a 404.
          if (!ctx.res.headersSent) ctx.res.statusCode = 0;
          resolve();
        }),
      );
    },
  ],
  reporters: [defaultReporter(), countsReporter],
  browsers: engines.map((engine) => launchers[engine]()),
  // One browser at a time: the leak check's thousand elements would slow the shared test
  // server under the timing-sensitive tests of the other group.
  concurrentBrowsers: 1,
  groups: [
    engines.includes('chromium') && {
      // The leak check: gc() on demand and exact heap sizes, which only V8 gives: Chromium only.
      name: 'memory',
      files: 'test/memory/**/*.test.ts',
      browsers: [
        launch([...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info']),
      ],
    },
  ].filter(Boolean),
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
};
