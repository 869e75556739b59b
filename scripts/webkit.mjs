// A WebKit browser to drive: WebKitWebDriver on a free port (under xvfb-run when there is no
// display), one W3C WebDriver session in WebKitGTK's MiniBrowser, and the few commands the tests
// and screenshots need, over plain HTTP.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { findWebKit } from './engines.mjs';

/** WebDriver's codes for the keys a test presses by name (W3C WebDriver, "Keyboard actions"). */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts WebKitWebDriver and a MiniBrowser session with a `width` × `height` viewport.
 * `close()` ends both, with the whole process group the driver started (xvfb-run leaves Xvfb
 * and the driver behind otherwise).
 */
export async function startWebKit({ width = 800, height = 600, screen } = {}) {
  const { driver, browser, xvfb } = findWebKit();
  const port = await freePort();
  // By default Xvfb's own screen (1280 × 1024), whose pointer rests at its centre, inside the
  // browser's window: with no window manager, that is what gives the window the keyboard focus
  // (and so :focus and :focus-visible to the page). A taller `screen` ("1280x8192") lets a
  // screenshot take in a long page, where the window does not reach the pointer.
  const virtual = screen ? ['-s', `-screen 0 ${screen}x24`] : [];
  const command = xvfb
    ? [xvfb, '-a', ...virtual, driver, `--port=${port}`]
    : [driver, `--port=${port}`];
  // In a process group of its own, with a watchdog that ends the group once this process is
  // gone, even killed outright (no exit handler runs then), or once the driver has exited.
  const watchdog = `"$@" & while kill -0 ${process.pid} 2>/dev/null && kill -0 $! 2>/dev/null; do sleep 1; done; kill -TERM 0`;
  const child = spawn('sh', ['-c', watchdog, 'webkit', ...command], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // Should the test runner end without closing the browser, leave no driver or Xvfb behind.
  process.once('exit', killGroup);

  const base = `http://127.0.0.1:${port}`;
  async function request(method, path, body, signal) {
    const response = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const { value } = await response.json();
    if (!response.ok || value?.error)
      throw new Error(`WebKitWebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`WebKitWebDriver exited with code ${child.exitCode}: ${stderr.trim()}`);
    const ready = await request('GET', '/status').then(
      (value) => value?.ready !== false,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      killGroup();
      throw new Error(
        `WebKitWebDriver did not answer on port ${port} within 30 s: ${stderr.trim()}`,
      );
    }
    await sleep(100);
  }

  // A browser that cannot start leaves the driver waiting for it: give up after 20 s (inside the
  // test runner's own 30 s to start a browser), with the driver and Xvfb.
  let created;
  try {
    created = await request(
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
          },
        },
      },
      AbortSignal.timeout(20000),
    );
  } catch (error) {
    killGroup();
    if (error.name !== 'TimeoutError') throw error;
    throw new Error(
      `WebKit's MiniBrowser (${browser}) did not start within 20 s: ${stderr.trim()}`,
      { cause: error },
    );
  }
  const session = `/session/${created.sessionId}`;
  const { browserName, browserVersion } = created.capabilities;

  const webkit = {
    name: browserName,
    version: browserVersion,
    /** Any WebDriver command of this session, e.g. ('GET', '/window'). */
    command: (method, path, body) => request(method, session + path, body),
    navigate: (url) => request('POST', `${session}/url`, { url }),
    url: () => request('GET', `${session}/url`),
    /** Runs `script` (a function body; `arguments` are `args`) in the page; returns its value. */
    execute: (script, args = []) => request('POST', `${session}/execute/sync`, { script, args }),
    /** Like execute, for a body that ends by calling `arguments[arguments.length - 1](value)`. */
    executeAsync: (script, args = []) =>
      request('POST', `${session}/execute/async`, { script, args }),
    /** W3C input actions, then releases every key and button they left pressed. */
    async performActions(actions) {
      await request('POST', `${session}/actions`, { actions });
      await request('DELETE', `${session}/actions`);
    },
    /** Types each of `keys` in turn: single characters, or key names like "Enter". */
    async sendKeys(keys) {
      const actions = [];
      for (const key of keys)
        for (const char of [...(KEYS[key] ?? key)])
          actions.push({ type: 'keyDown', value: char }, { type: 'keyUp', value: char });
      await webkit.performActions([{ type: 'key', id: 'keyboard', actions }]);
    },
    /** A PNG of the viewport, or of the first element matching `selector`. */
    async screenshot(selector) {
      if (!selector) return Buffer.from(await request('GET', `${session}/screenshot`), 'base64');
      const element = await request('POST', `${session}/element`, {
        using: 'css selector',
        value: selector,
      });
      const id = Object.values(element)[0];
      return Buffer.from(await request('GET', `${session}/element/${id}/screenshot`), 'base64');
    },
    /** Sizes the window so that its viewport is `width` × `height` CSS px. */
    async setViewport(viewportWidth, viewportHeight) {
      const rect = await request('GET', `${session}/window/rect`);
      const inner = await webkit.execute('return [window.innerWidth, window.innerHeight]');
      await request('POST', `${session}/window/rect`, {
        width: rect.width - inner[0] + viewportWidth,
        height: rect.height - inner[1] + viewportHeight,
      });
    },
    async close() {
      await request('DELETE', session).catch(() => {});
      killGroup();
      await Promise.race([exited, sleep(5000)]);
      process.removeListener('exit', killGroup);
    },
  };
  await webkit.setViewport(width, height);
  return webkit;
}
