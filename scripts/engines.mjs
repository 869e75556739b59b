// The three browser engines the tests and screenshots run in, found the way a developer's
// machine has them: Chromium (Chrome or Chromium), Firefox (Firefox or Firefox ESR, driven over
// WebDriver BiDi) and WebKit (WebKitGTK's MiniBrowser, driven by WebKitWebDriver).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The engines to run in: the comma list in `variable` (BROWSERS for the tests, BROWSER for the
 * screenshots), or every engine. An unknown name is an error, not a silent skip.
 */
export function selectedEngines(variable = 'BROWSERS', fallback = ENGINES) {
  const value = process.env[variable]?.trim();
  if (!value) return fallback;
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0)
    throw new Error(`${variable} names ${unknown.join(', ')}: pick from ${ENGINES.join(', ')}.`);
  return [...new Set(names)];
}

function fromEnvOr(variable, candidates, missing) {
  const fromEnv = process.env[variable];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${variable} is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(missing);
}

const INSTALL_HINT = 'or run fewer engines, e.g. `BROWSERS=chromium npm test`';

export function findFirefox() {
  return fromEnvOr(
    'FIREFOX_PATH',
    [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/snap/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
    ],
    `No Firefox found: install one (on Debian: \`sudo apt-get install firefox-esr\`), set FIREFOX_PATH to its executable, ${INSTALL_HINT}.`,
  );
}

/** WebKitGTK's MiniBrowser lives in the library's own directory, which differs per machine. */
function miniBrowserCandidates() {
  const found = [];
  for (const lib of ['/usr/lib', '/usr/lib64', '/usr/libexec']) {
    if (!existsSync(lib)) continue;
    const dirs = [lib, ...readdirSync(lib).map((name) => `${lib}/${name}`)];
    for (const dir of dirs)
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0'])
        found.push(`${dir}/${api}/MiniBrowser`);
  }
  return found;
}

/** WebKitWebDriver, the MiniBrowser it drives, and whether it needs a virtual display. */
export function findWebKit() {
  const missing = `install WebKitGTK's (on Debian: \`sudo apt-get install webkit2gtk-driver xvfb\`), ${INSTALL_HINT}.`;
  const driver = fromEnvOr(
    'WEBKIT_WEBDRIVER',
    ['/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver'],
    `No WebKitWebDriver found: ${missing}`,
  );
  const browser = fromEnvOr(
    'MINIBROWSER_PATH',
    miniBrowserCandidates(),
    `No WebKit MiniBrowser found: ${missing}`,
  );
  // MiniBrowser has no headless mode: without a display, run it on a virtual one.
  const xvfb = process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? null : '/usr/bin/xvfb-run';
  if (xvfb && !existsSync(xvfb))
    throw new Error(
      `WebKit's MiniBrowser needs a display and there is none, nor xvfb-run: ${missing}`,
    );
  return { driver, browser, xvfb };
}

/** The version an executable reports, e.g. "Mozilla Firefox 153.8.0esr", or null. */
export function versionOf(executable) {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      timeout: 10000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}
