// Renders the demo pages and saves PNGs: each card of the gallery (index.html), in English and
// again with the page in Arabic, the default one under a dark system preference (Chromium), the
// store's checkout step by step, and the partner's registration in Arabic.
//
// In Chromium by default, to demo/screenshots/ (the README's pictures); `BROWSER=firefox` or
// `BROWSER=webkit` (or a comma list) shoots those engines to demo/screenshots/<engine>/.
import { mkdir, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { findFirefox, selectedEngines } from './engines.mjs';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { startWebKit } from './webkit.mjs';

const WIDTH = 1100;
const HEIGHT = 900;
const CARDS = [
  'default',
  'dark',
  'themed',
  'arabic',
  'disabled',
  'error',
  'unreachable',
  'sent',
  'code',
  'code-arabic',
  'unconfirmed',
  'unconfirmed-waiting',
  'unpaid',
  'expired',
  'waiting',
  'refused',
  'partner-resend',
  'partner-expired',
];

/** The same few steps in every engine: puppeteer for Chromium and Firefox, WebDriver for WebKit. */
async function open(engine) {
  if (engine === 'webkit') {
    const webkit = await startWebKit({ width: WIDTH, height: HEIGHT, screen: '1280x8192' });
    /** A snapshot once the (resized) window has painted what the page now shows. */
    const painted = async () => {
      await webkit.executeAsync(
        'requestAnimationFrame(() => requestAnimationFrame(arguments[arguments.length - 1]));',
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      return webkit.screenshot();
    };
    return {
      goto: (url) => webkit.navigate(url),
      run: (body, ...args) => webkit.execute(body, args),
      // WebKitGTK's element snapshots come out partly black here: size the viewport to the
      // element, scrolled to the top, and take the viewport instead.
      async shoot(selector) {
        const [right, height] = await webkit.execute(
          `const element = document.querySelector(arguments[0]);
           element.scrollIntoView({ block: 'start' });
           const rect = element.getBoundingClientRect();
           return [Math.ceil(rect.right), Math.ceil(rect.bottom)];`,
          [selector],
        );
        await webkit.setViewport(Math.max(right, 200), Math.max(height, 100));
        await webkit.execute(
          `document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });`,
          [selector],
        );
        const png = await painted();
        await webkit.setViewport(WIDTH, HEIGHT);
        return png;
      },
      async shootPage() {
        const height = await webkit.execute('return document.documentElement.scrollHeight');
        await webkit.setViewport(WIDTH, height);
        const png = await painted();
        await webkit.setViewport(WIDTH, HEIGHT);
        return png;
      },
      darkScheme: null,
      close: () => webkit.close(),
    };
  }
  const browser = await puppeteer.launch(
    engine === 'firefox'
      ? { browser: 'firefox', executablePath: findFirefox(), headless: true }
      : { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
  );
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: 1 });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('page:', message.text());
  });
  return {
    goto: (url) => page.goto(url),
    // A function body, as WebDriver takes it, with its arguments.
    run: (body, ...args) => page.evaluate(new Function(body), ...args),
    shoot: async (selector) => {
      const element = await page.$(selector);
      await element.scrollIntoView();
      return element.screenshot();
    },
    shootPage: () => page.screenshot({ fullPage: true }),
    darkScheme:
      engine === 'chromium'
        ? (dark) =>
            page.emulateMediaFeatures([
              { name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' },
            ])
        : null,
    close: () => browser.close(),
  };
}

/** Waits until `body` (a function body run in the page) returns something truthy. */
async function until(page, body, what) {
  const end = Date.now() + 15000;
  while (!(await page.run(body))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// In the page: a part of the first element matching `host`, typed into and clicked as a user.
const PART = `const part = (host, name) => document.querySelector(host).shadowRoot.querySelector('[part~="' + name + '"]');`;
const fill = (host, name, value) =>
  `${PART} const input = part(${JSON.stringify(host)}, ${JSON.stringify(name)}); input.focus();
   input.value = ${JSON.stringify(value)}; input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));`;
const click = (host, name) =>
  `${PART} part(${JSON.stringify(host)}, ${JSON.stringify(name)}).click();`;
const has = (selector) => `return document.querySelector(${JSON.stringify(selector)}) !== null;`;
const hasPart = (host, name) =>
  `${PART} return document.querySelector(${JSON.stringify(host)})?.shadowRoot?.querySelector('[part~="${name}"]') != null;`;

async function shoot(engine, url) {
  const out = engine === 'chromium' ? 'demo/screenshots' : `demo/screenshots/${engine}`;
  await mkdir(out, { recursive: true });
  const page = await open(engine);
  const save = async (name, png) => writeFile(`${out}/${name}.png`, await png);
  try {
    await page.goto(url);
    await until(page, "return customElements.get('stcpay-otp') !== undefined", 'the element');

    // The gallery, card by card, once each example has reached its state.
    await until(page, has('section#error stcpay-otp[state="error"]'), 'the error card');
    await until(page, has('#sent stcpay-otp[state="sent"]'), 'the sent card');
    await until(page, hasPart('#code stcpay-otp', 'otp'), 'the code card');
    await until(page, has('#code-arabic stcpay-otp[state="error"]'), 'the Arabic code card');
    // The outcomes, English and Arabic in each card: both elements there.
    const both = (card, check) =>
      `return [...document.querySelectorAll('#${card} stcpay-otp')].filter((el) => ${check}).length === 2;`;
    const inside = (selector) =>
      `el.shadowRoot.querySelector(${JSON.stringify(selector)}) !== null`;
    await until(page, both('unconfirmed', "el.state === 'unconfirmed'"), 'the unconfirmed card');
    await until(page, both('unpaid', inside('[part~="resend"].primary')), 'the unpaid card');
    await until(page, both('expired', inside('[part~="resend"].primary')), 'the expired card');
    await until(page, both('refused', "el.state === 'error'"), 'the refused card');
    await until(page, both('unreachable', "el.state === 'error'"), 'the could-not-reach card');
    await until(page, both('waiting', inside('[part~="cancel"]')), 'the waiting card');
    await until(
      page,
      both('unconfirmed-waiting', inside('[part~="unconfirmed"][aria-busy="false"]')),
      'the unconfirmed card whose store does not answer',
    );
    await until(
      page,
      has('#partner-expired paylink-validate-mobile[state="error"]'),
      'the expired partner card',
    );
    await until(
      page,
      "return document.querySelector('#partner-resend paylink-validate-mobile')?.shadowRoot" +
        '?.querySelector(\'[part~="resend"]:not([disabled])\') != null;',
      'the partner card ready to resend',
    );
    for (const id of CARDS) await save(`gallery-${id}`, page.shoot(`section#${id}`));
    if (page.darkScheme) {
      await page.darkScheme(true);
      await save('gallery-default-system-dark', page.shoot('section#default'));
      await page.darkScheme(false);
    }
    await save('gallery', page.shootPage());
    // The same cards with the page in Arabic: elements without a lang of their own follow it.
    await page.run("document.documentElement.lang = 'ar'; document.documentElement.dir = 'rtl';");
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const id of CARDS) await save(`gallery-${id}-page-ar`, page.shoot(`section#${id}`));

    // The store: number → code → wrong code → paid, with the invoice status from getInvoice.
    await page.goto(new URL('/demo/store.html', url).href);
    await until(page, has('#cart-items li'), 'the cart');
    await save('store-cart', page.shootPage());
    await page.run("document.querySelector('#checkout').click();");
    await until(page, hasPart('section.payment stcpay-otp', 'mobile'), 'the payment step');
    await page.run(fill('stcpay-otp', 'mobile', '055 123 4567'));
    await page.run(click('stcpay-otp', 'submit'));
    await until(page, hasPart('stcpay-otp', 'otp'), 'the code step');
    await save('store-code', page.shoot('section.payment'));
    await page.run(fill('stcpay-otp', 'otp', '11111'));
    await page.run(click('stcpay-otp', 'confirm'));
    await until(page, has('stcpay-otp[state="error"]'), 'the wrong code');
    await save('store-wrong-code', page.shoot('section.payment'));
    await page.run(fill('stcpay-otp', 'otp', '12345'));
    await page.run(click('stcpay-otp', 'confirm'));
    await until(
      page,
      "return /paid/.test(document.querySelector('#order-status')?.textContent ?? '');",
      'paid',
    );
    await save('store-paid', page.shootPage());

    // The partner: step 1, step 2 with a wrong code, then validated, in Arabic.
    await page.goto(new URL('/demo/partner.html', url).href);
    await until(
      page,
      "return customElements.get('paylink-validate-mobile') !== undefined",
      'the partner element',
    );
    await page.run("document.querySelector('#lang-toggle').click();");
    await page.run("document.querySelector('#step1 button[type=submit]').click();");
    await until(page, hasPart('paylink-validate-mobile', 'otp'), 'the partner code step');
    await page.run(fill('paylink-validate-mobile', 'otp', '1111'));
    await page.run(click('paylink-validate-mobile', 'submit'));
    await until(page, has('paylink-validate-mobile[state="error"]'), 'the wrong partner code');
    await save('partner-wrong-code', page.shootPage());
    await page.run(fill('paylink-validate-mobile', 'otp', '7615'));
    await page.run(click('paylink-validate-mobile', 'submit'));
    await until(page, has('#sales-volume:not([disabled])'), 'validation');
    await save('partner-validated', page.shootPage());
    console.log(`Saved ${engine}'s screenshots to ${out}/`);
  } finally {
    await page.close();
  }
}

const server = await createServer({ server: { port: 0 }, logLevel: 'warn' });
await server.listen();
try {
  for (const engine of selectedEngines('BROWSER', ['chromium']))
    await shoot(engine, server.resolvedUrls.local[0]);
} finally {
  await server.close();
}
