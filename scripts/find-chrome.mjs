// Finds a Chrome or Chromium to run tests and screenshots in: CHROME_PATH first, then the
// usual install paths. Exits with one sentence on how to get one when there is none.
import { existsSync } from 'node:fs';

const CANDIDATES = [
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

/** Flags for a headless run as root on a machine without a network or a GPU. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
    process.exit(1);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  console.error(
    'No Chrome or Chromium found: install one (on Debian or Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}
