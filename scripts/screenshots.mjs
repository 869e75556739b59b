// Renders the demo page in headless Chromium and saves PNGs of the element's states to
// demo/screenshots/: idle, error (bad input) and sent.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const OUT = 'demo/screenshots';

const server = await createServer({ server: { port: 0 }, logLevel: 'warn' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });

try {
  await mkdir(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('page:', message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('stcpay-otp'));
  const checkout = page.locator('section.checkout');
  const input = page.locator('stcpay-otp [part="mobile"]');
  const submit = page.locator('stcpay-otp [part="submit"]');

  await checkout.screenshot({ path: `${OUT}/idle.png` });

  await input.fill('12345');
  await submit.click();
  await page.locator('stcpay-otp[state="error"]').waitFor();
  await checkout.screenshot({ path: `${OUT}/error.png` });

  await input.fill('055 123 4567');
  await submit.click();
  await page.locator('stcpay-otp[state="sent"]').waitFor();
  await checkout.screenshot({ path: `${OUT}/sent.png` });
  await page.screenshot({ path: `${OUT}/page.png`, fullPage: true });

  console.log(`Saved idle, error, sent and page screenshots to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
