// A web-test-runner browser launcher for WebKit: WebKitGTK's MiniBrowser, the engine Safari
// shares, driven over W3C WebDriver by WebKitWebDriver (scripts/webkit.mjs). One window runs
// one test file at a time. `sendKeys` is what @web/test-runner-commands calls for a browser of
// type "webdriver".
import { startWebKit } from '../../scripts/webkit.mjs';

export function webkitLauncher() {
  /** @type {Awaited<ReturnType<typeof startWebKit>> | undefined} */
  let webkit;
  let starting;
  /** @type {Map<string, string>} test session id → its page's address */
  const sessions = new Map();

  const browser = () => (starting ??= startWebKit());

  return {
    name: 'WebKit',
    type: 'webdriver',
    concurrency: 1,
    async initialize() {},
    async startSession(id, url) {
      webkit = await browser();
      sessions.set(id, url);
      await webkit.navigate(url);
    },
    isActive: (id) => sessions.has(id),
    getBrowserUrl: (id) => sessions.get(id),
    async startDebugSession() {
      throw new Error('WebKit has no debug session here: use Chromium or Firefox with --manual.');
    },
    async stopSession(id) {
      const { coverage } = await webkit.execute('return { coverage: window.__coverage__ }');
      // An empty page stops the test page's timers and any reload loop.
      await webkit.navigate('about:blank');
      sessions.delete(id);
      return { testCoverage: coverage ?? undefined };
    },
    async sendKeys(_id, keys) {
      await webkit.sendKeys(keys);
    },
    async performActions(_id, actions) {
      await webkit.performActions(actions);
    },
    /** The running WebKit, for the project's own server commands. */
    webkit: () => webkit,
    async stop() {
      if (starting) await (await starting.catch(() => undefined))?.close();
      starting = undefined;
      webkit = undefined;
    },
  };
}
