// A web-test-runner browser launcher for WebKit: WebKitGTK's MiniBrowser, the engine Safari
// shares, driven over W3C WebDriver by WebKitWebDriver (scripts/webkit.mjs). One window runs
// one test file at a time. `sendKeys` is what @web/test-runner-commands calls for a browser of
// type "webdriver".
import { startWebKit } from '../../scripts/webkit.mjs';

/** WebKitWebDriver's answer once it dropped the session: the page crashed or hung. */
const lostSession = (error) => /invalid session id/.test(String(error));

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
      try {
        await webkit.navigate(url);
      } catch (error) {
        // WebKit drops its session when a page crashes or hangs: the file that was running
        // failed; a new WebKit runs the files after it, rather than each failing in turn.
        if (!lostSession(error)) throw error;
        console.warn(`WebKit lost its session (${error.message}); starting it again.`);
        await webkit.close();
        starting = undefined;
        webkit = await browser();
        await webkit.navigate(url);
      }
    },
    isActive: (id) => sessions.has(id),
    getBrowserUrl: (id) => sessions.get(id),
    async startDebugSession() {
      throw new Error('WebKit has no debug session here: use Chromium or Firefox with --manual.');
    },
    async stopSession(id) {
      sessions.delete(id);
      try {
        const { coverage } = await webkit.execute('return { coverage: window.__coverage__ }');
        // An empty page stops the test page's timers and any reload loop.
        await webkit.navigate('about:blank');
        return { testCoverage: coverage ?? undefined };
      } catch (error) {
        // A lost session (see startSession) has nothing to stop; the next file starts anew.
        if (!lostSession(error)) throw error;
        return { testCoverage: undefined };
      }
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
