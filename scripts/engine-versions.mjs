// Prints the engines a test run uses (all three, or those BROWSERS names) and their versions,
// one line each; fails, as the run would, when one of them is missing or cannot start.
import { findFirefox, selectedEngines, versionOf } from './engines.mjs';
import { findChrome } from './find-chrome.mjs';
import { startWebKit } from './webkit.mjs';

for (const engine of selectedEngines()) {
  if (engine === 'chromium') console.log(`Chromium: ${versionOf(findChrome())}`);
  if (engine === 'firefox') console.log(`Firefox: ${versionOf(findFirefox())}`);
  if (engine === 'webkit') {
    const webkit = await startWebKit();
    console.log(`WebKit: WebKitGTK ${webkit.version} (${webkit.name})`);
    await webkit.close();
  }
}
