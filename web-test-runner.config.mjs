import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createDemoServer } from './demo/demo-server.js';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import { projectCommands } from './test/server/commands.js';
import { handleCspPage } from './test/server/csp-page.js';

const handleDemoRequest = createDemoServer();

/** Ends the run with one plain line of counts, for logs and CI. */
const countsReporter = {
  stop({ sessions }) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const walk = (suite) => {
      for (const test of suite.tests)
        counts[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
      suite.suites.forEach(walk);
    };
    for (const session of sessions) {
      if (session.testResults) walk(session.testResults);
      counts.failed += session.errors?.length ?? 0;
    }
    // The progress display redraws the terminal until the end, so write the line on exit.
    const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`;
    process.once('exit', () => process.stdout.write(line));
  },
};

const launch = (args) =>
  chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args } });

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
  browsers: [launch(CHROME_ARGS)],
  // One browser at a time: the leak check's thousand elements would slow the shared test
  // server under the timing-sensitive tests of the other group.
  concurrentBrowsers: 1,
  groups: [
    {
      // The leak check: gc() on demand and exact heap sizes.
      name: 'memory',
      files: 'test/memory/**/*.test.ts',
      browsers: [
        launch([...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info']),
      ],
    },
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
};
