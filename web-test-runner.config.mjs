import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createPaylinkMock } from './demo/mock-paylink.js';

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
    process.exit(1);
  }
  const found = CHROME_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  console.error(
    'No Chrome or Chromium found: install one (on Debian or Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}

const mock = createPaylinkMock();

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  middleware: [
    // The local mock Paylink, answered over real HTTP on the test server's own origin.
    // Koa reads the status after the middleware settles, so settle once the mock has answered.
    (ctx, next) => {
      if (!mock.handle(ctx.req, ctx.res)) return next();
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
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
};
