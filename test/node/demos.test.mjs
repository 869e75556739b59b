// The three demo apps in headless Chromium, as a customer meets them: demo/react and demo/vue
// as built (npm run build:demos), demo/plain as it is, each using the built package. For each:
// props and attributes reach the element, the app's own handler gets otp-sent with the detail
// the element dispatched, the payment goes through, and unmounting the checkout aborts the
// request in flight and leaves no listener (nor anything else) holding on to the element.
// Then every demo page, those `npm start` serves from source included, on a 360 px phone: no
// sideways scroll, nothing sticking out of its card; and the store's checkout button leaves
// focus in the element's number input.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { serve } from './serve.mjs';

const DEMOS = [
  { name: 'demo/react', path: '/demo/react/dist/index.html', framework: true },
  { name: 'demo/vue', path: '/demo/vue/dist/index.html', framework: true },
  { name: 'demo/plain', path: '/demo/plain/index.html', framework: false },
];

let server;
let browser;
/** `npm start`'s server: the gallery, the store and the partner pages run from src/. */
let vite;
before(async () => {
  server = await serve();
  vite = await createServer({ server: { port: 0 }, logLevel: 'warn' });
  await vite.listen();
  browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
  await vite?.close();
  await server?.close();
});

/** A fresh tenant of the mock Paylink: its own request log, any scenario. */
function mockTenant() {
  const tenant = randomUUID();
  return {
    baseUrl: (scenario) => `/mock/${tenant}/${scenario}`,
    requests: async () => (await fetch(`${server.origin}/mock/${tenant}/requests`)).json(),
  };
}

/** Polls `check` until it returns something truthy. */
async function until(check, what, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Opens the demo with the mock answering as `scenario`, and shows the checkout: the React and
 * Vue apps mount it when "Pay with STC Pay" is clicked; the plain page has it from the start.
 */
async function open(demo, { scenario = 'ok', beforeMount } = {}) {
  const mock = mockTenant();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const query = new URLSearchParams({ 'base-url': mock.baseUrl(scenario) });
  // The plain page's invoice is static; each run pays another one.
  if (!demo.framework) query.set('transaction-no', String(Date.now()));
  await page.goto(`${server.origin}${demo.path}?${query}`);
  await page.waitForFunction(() => customElements.get('stcpay-otp'));
  await beforeMount?.(page);
  if (demo.framework) await page.click('#pay');
  await page.locator('stcpay-otp [part="mobile"]').waitFor();
  return { page, mock, errors };
}

/** The app's log of what its handlers received, oldest first. */
async function handled(page) {
  const items = await page.locator('#events li').evaluateAll((lis) =>
    lis.map((li) => ({
      type: li.dataset.type,
      detail: JSON.parse(li.querySelector('pre').textContent),
    })),
  );
  return items.reverse();
}

async function send(page, mobile = '055 123 4567') {
  await page.locator('stcpay-otp [part="mobile"]').fill(mobile);
  await page.locator('stcpay-otp [part="submit"]').click();
}

/**
 * Every listener on window, document and every node under it, shadow roots included, by event
 * type and the code that listens (not by node: an app may re-render its own buttons).
 */
async function listeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const found = [];
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
      depth: -1,
      pierce: true,
    });
    for (const l of listeners)
      found.push(
        `${target} ${l.backendNodeId ? 'node' : ''} ${l.type} at script ${l.scriptId}:${l.lineNumber}:${l.columnNumber}`,
      );
  }
  await cdp.detach();
  return found.sort();
}

for (const demo of DEMOS) {
  describe(demo.name, { timeout: 30_000 }, () => {
    test('passes its props or attributes to <stcpay-otp>', async () => {
      const { page, mock, errors } = await open(demo);
      const invoice = demo.framework
        ? /Invoice (\d+): SAR\s*([\d.]+)/.exec(await page.textContent('#invoice'))
        : null;
      const props = await page.locator('stcpay-otp').evaluate((el) => ({
        transactionNo: el.transactionNo,
        total: el.total,
        environment: el.environment,
        baseUrl: el.baseUrl,
        statusUrl: el.statusUrl,
        processPayment: el.processPayment,
        collectOtp: el.collectOtp,
        state: el.getAttribute('state'),
        upgraded: el.shadowRoot?.querySelector('[part="submit"]') !== null,
      }));
      assert.deepEqual(props, {
        transactionNo: invoice
          ? invoice[1]
          : new URL(page.url()).searchParams.get('transaction-no'),
        total: invoice ? Number(invoice[2]) : 10,
        environment: 'testing',
        baseUrl: mock.baseUrl('ok'),
        statusUrl: '/payment-status',
        processPayment: true,
        collectOtp: false,
        state: 'idle',
        upgraded: true,
      });
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("the app's handlers get otp-sent with the element's detail, then the payment", async () => {
      const { page, mock, errors } = await open(demo, {
        // What the element itself dispatches, seen from the document.
        beforeMount: (p) =>
          p.evaluate(() => {
            window.dispatched = [];
            document.addEventListener('otp-sent', (event) => window.dispatched.push(event.detail));
          }),
      });
      const transactionNo = await page.locator('stcpay-otp').evaluate((el) => el.transactionNo);
      const total = await page.locator('stcpay-otp').evaluate((el) => el.total);

      await send(page);
      await page.locator('#events li[data-type="otp-sent"]').waitFor();
      const [sent] = await handled(page);
      assert.equal(sent.type, 'otp-sent');
      assert.deepEqual(sent.detail, (await page.evaluate(() => window.dispatched))[0]);
      const [sendOtp] = await mock.requests();
      assert.deepEqual(JSON.parse(sendOtp.body), {
        stcpayMobile: '551234567',
        stcpayMobileCountryCode: '966',
        orderNumber: transactionNo,
        total,
      });
      assert.deepEqual(Object.keys(sent.detail).sort(), [
        'orderNumber',
        'paymentSessionId',
        'signature',
        'signedBase64Data',
        'stcMobile',
        'stcpayMobile',
        'stcpayMobileCountryCode',
        'total',
      ]);
      assert.equal(sent.detail.orderNumber, transactionNo);
      assert.equal(sent.detail.total, total);
      assert.equal(sent.detail.stcpayMobile, '551234567');

      // A wrong code, then the right one: each handler hears its event.
      await page.locator('stcpay-otp [part="otp"]').fill('11111');
      await page.locator('stcpay-otp [part="confirm"]').click();
      await page.locator('#events li[data-type="otp-error"]').waitFor();
      await page.locator('stcpay-otp [part="otp"]').fill('12345');
      await page.locator('stcpay-otp [part="confirm"]').click();
      await page.locator('#events li[data-type="payment-processed"]').waitFor();

      const log = await handled(page);
      assert.deepEqual(
        log.map((e) => e.type),
        ['otp-sent', 'otp-complete', 'otp-error', 'otp-complete', 'payment-processed'],
      );
      // Paylink's documented refusal says only "Bad Request": a refused code, in the detail.
      assert.deepEqual(log[2].detail, {
        code: 'http',
        status: 400,
        retryable: false,
        message: log[2].detail.message,
        serverText: 'Bad Request',
        refusal: 'code-rejected',
      });
      const { stcMobile: _, ...session } = sent.detail;
      assert.deepEqual(log[3].detail, { ...session, stcpayPaymentOTP: '12345' });
      assert.deepEqual(log[4].detail, {
        orderNumber: transactionNo,
        orderAmount: total,
        msg: `Payment of order ${transactionNo} has been processed.`,
      });
      if (demo.framework) await page.locator('#order-status', { hasText: 'paid' }).waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('unmounting aborts the request in flight and leaves no listener behind', async () => {
      let before;
      const { page, mock, errors } = await open(demo, {
        scenario: 'hang',
        beforeMount: async (p) => (before = await listeners(p)),
      });
      await send(page);
      await until(async () => (await mock.requests()).length === 1, 'the sendOtp request');
      assert.equal(await page.getAttribute('stcpay-otp', 'state'), 'sending');
      assert.equal((await mock.requests())[0].abandoned, false);

      await page.evaluate(
        () => (window.checkout = new WeakRef(document.querySelector('stcpay-otp'))),
      );
      await page.click('#cancel');
      await until(async () => (await page.locator('stcpay-otp').count()) === 0, 'the unmount');
      await until(async () => (await mock.requests())[0].abandoned, 'the request to be aborted');

      // No listener was added anywhere that outlives the checkout...
      const added = await listeners(page);
      for (const listener of before) {
        const i = added.indexOf(listener);
        if (i >= 0) added.splice(i, 1);
      }
      assert.deepEqual(added, []);
      // ...and nothing else holds the element: once collected, it is gone.
      const cdp = await page.context().newCDPSession(page);
      await until(async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return page.evaluate(
          () => new Promise((resolve) => setTimeout(() => resolve(!window.checkout.deref()))),
        );
      }, 'the unmounted element to be garbage-collected');
      await cdp.detach();

      // Aborting is not a failure: no otp-error reached the app.
      assert.deepEqual(await handled(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

/** The deepest focused element, through shadow roots: `tag[part]` for each level. */
function focused(page) {
  return page.evaluate(() => {
    const path = [];
    for (let node = document.activeElement; node; node = node.shadowRoot?.activeElement) {
      const part = node.getAttribute('part');
      path.push(node.localName + (part ? `[part="${part}"]` : ''));
    }
    return path.join(' > ');
  });
}

/**
 * What does not fit the page's width: the page scrolling sideways, and any element reaching
 * past the edges of the card (<section>) it is in. Empty when everything fits.
 */
function overflow(page) {
  return page.evaluate(() => {
    const name = (el) =>
      el.localName + (el.id ? `#${el.id}` : '') + (el.className ? `.${el.className}` : '');
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    for (const card of document.querySelectorAll('section')) {
      const edge = card.getBoundingClientRect();
      for (const el of card.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width && (box.right > edge.right + 0.5 || box.left < edge.left - 0.5))
          found.push(
            `${name(el)} spans ${Math.round(box.left)} to ${Math.round(box.right)} px, ` +
              `outside ${name(card)} (${Math.round(edge.left)} to ${Math.round(edge.right)} px)`,
          );
      }
    }
    return found;
  });
}

/**
 * Every demo page, brought to where its element shows: `origin` is `npm start`'s server or the
 * static one for the built apps; `arabic` switches the page to Arabic where it offers that.
 */
const PAGES = [
  {
    name: 'the gallery (index.html)',
    origin: () => vite.resolvedUrls.local[0],
    path: '/',
    show: async (page) => {
      // Every example in its state, the code step in Arabic last to get there.
      await page.locator('#code-arabic stcpay-otp[state="error"]').waitFor();
      await page.locator('#sent stcpay-otp[state="sent"]').waitFor();
    },
  },
  {
    name: 'the demo store (demo/store.html)',
    origin: () => vite.resolvedUrls.local[0],
    path: '/demo/store.html',
    show: async (page) => {
      await page.locator('#cart-items li').first().waitFor();
      await page.click('#checkout');
      await page.locator('#order-status', { hasText: /pending/i }).waitFor();
      await page.locator('stcpay-otp [part="mobile"]').waitFor();
    },
  },
  {
    name: 'the demo partner (demo/partner.html)',
    origin: () => vite.resolvedUrls.local[0],
    path: '/demo/partner.html',
    arabic: (page) => page.click('#lang-toggle'),
    show: async (page) => {
      await page.click('#step1 button[type=submit]');
      await page.locator('paylink-validate-mobile [part~="otp"]').waitFor();
    },
  },
  {
    name: 'the plain page (demo/plain/)',
    origin: () => vite.resolvedUrls.local[0],
    path: '/demo/plain/',
    show: (page) => page.locator('stcpay-otp [part="mobile"]').waitFor(),
  },
  ...DEMOS.filter((demo) => demo.framework).map((demo) => ({
    name: `the ${demo.name} app`,
    origin: () => server.origin,
    path: demo.path,
    show: async (page) => {
      await page.click('#pay');
      await page.locator('stcpay-otp [part="mobile"]').waitFor();
    },
  })),
];

describe('on a 360 px phone', { timeout: 120_000 }, () => {
  for (const demo of PAGES)
    for (const lang of demo.arabic ? ['English', 'Arabic'] : ['English']) {
      test(`${demo.name} in ${lang} fits without scrolling sideways`, async () => {
        const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
        const errors = [];
        page.on('pageerror', (error) => errors.push(error));
        await page.goto(new URL(demo.path, demo.origin()).href);
        if (lang === 'Arabic') await demo.arabic(page);
        await demo.show(page);
        assert.deepEqual(await overflow(page), []);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
});

test("the store's checkout button leaves focus in the element's number input", async () => {
  const page = await browser.newPage();
  await page.goto(new URL('/demo/store.html', vite.resolvedUrls.local[0]).href);
  await page.locator('#cart-items li').first().waitFor();
  await page.focus('#checkout');
  await page.keyboard.press('Enter');
  await page.locator('stcpay-otp [part="mobile"]').waitFor();
  // The click handler's work ends with the order status on the page; focus is set by then.
  await page.locator('#order-status', { hasText: /pending/i }).waitFor();
  const input = 'stcpay-otp > input[part="mobile"]';
  await until(async () => (await focused(page)) === input, 'focus to move').catch(() => {});
  assert.equal(await focused(page), input);
  // And the customer can type the number straight away.
  await page.keyboard.type('0551234567');
  assert.equal(await page.locator('stcpay-otp').evaluate((el) => el.mobile), '0551234567');
  await page.close();
});
