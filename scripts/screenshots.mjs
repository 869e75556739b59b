// Renders the demo pages in headless Chromium and saves PNGs to demo/screenshots/: each card
// of the gallery (index.html), the default one again under a dark system preference, the
// store's checkout step by step, and the partner's registration in Arabic.
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
  const page = await browser.newPage({
    viewport: { width: 1100, height: 900 },
    deviceScaleFactor: 1,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('page:', message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('stcpay-otp'));

  // The gallery, card by card, once each example has reached its state.
  await page.locator('section#error stcpay-otp[state="error"]').waitFor();
  await page.locator('#sent stcpay-otp[state="sent"]').waitFor();
  await page.locator('#code stcpay-otp [part~="otp"]').waitFor();
  await page.locator('#code-arabic stcpay-otp[state="error"]').waitFor();
  await page
    .locator('#partner-resend paylink-validate-mobile [part~="resend"]:not([disabled])')
    .waitFor({ timeout: 15_000 });
  await page.locator('#partner-expired paylink-validate-mobile[state="error"]').waitFor();
  const cards = [
    'default',
    'dark',
    'themed',
    'arabic',
    'disabled',
    'error',
    'sent',
    'code',
    'code-arabic',
    'partner-resend',
    'partner-expired',
  ];
  for (const id of cards)
    await page.locator(`section#${id}`).screenshot({ path: `${OUT}/gallery-${id}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page
    .locator('section#default')
    .screenshot({ path: `${OUT}/gallery-default-system-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${OUT}/gallery.png`, fullPage: true });

  // The store: number → code → wrong code → paid, with the invoice status from getInvoice.
  await page.goto(new URL('/demo/store.html', url).href);
  await page.waitForFunction(() => customElements.get('stcpay-otp'));
  await page.locator('#cart-items li').first().waitFor();
  await page.screenshot({ path: `${OUT}/store-cart.png`, fullPage: true });
  await page.locator('#checkout').click();
  const payment = page.locator('section.payment');
  await page.locator('stcpay-otp [part="mobile"]').fill('055 123 4567');
  await page.locator('stcpay-otp [part="submit"]').click();
  await page.locator('stcpay-otp [part="otp"]').waitFor();
  await payment.screenshot({ path: `${OUT}/store-code.png` });
  await page.locator('stcpay-otp [part="otp"]').fill('11111');
  await page.locator('stcpay-otp [part="confirm"]').click();
  await page.locator('stcpay-otp[state="error"]').waitFor();
  await payment.screenshot({ path: `${OUT}/store-wrong-code.png` });
  await page.locator('stcpay-otp [part="otp"]').fill('12345');
  await page.locator('stcpay-otp [part="confirm"]').click();
  await page.locator('#order-status', { hasText: 'paid' }).waitFor();
  await page.screenshot({ path: `${OUT}/store-paid.png`, fullPage: true });

  // The partner: step 1, step 2 with a wrong code, then validated, in Arabic.
  await page.goto(new URL('/demo/partner.html', url).href);
  await page.waitForFunction(() => customElements.get('paylink-validate-mobile'));
  await page.locator('#lang-toggle').click();
  await page.locator('#step1 button[type=submit]').click();
  const code = page.locator('paylink-validate-mobile [part~="otp"]');
  await code.fill('1111');
  await page.locator('paylink-validate-mobile [part~="submit"]').click();
  await page.locator('paylink-validate-mobile[state="error"]').waitFor();
  await page.screenshot({ path: `${OUT}/partner-wrong-code.png`, fullPage: true });
  await code.fill('7615');
  await page.locator('paylink-validate-mobile [part~="submit"]').click();
  await page.locator('#sales-volume:not([disabled])').waitFor();
  await page.screenshot({ path: `${OUT}/partner-validated.png`, fullPage: true });

  console.log(`Saved the element's and the store's screenshots to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
