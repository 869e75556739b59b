// The three demo apps in headless Chromium, as a customer meets them: demo/react and demo/vue
// as built (npm run build:demos), demo/plain as it is, each using the built package. For each:
// props and attributes reach the element, the app's own handler gets otp-sent with the detail
// the element dispatched, the payment goes through, and unmounting the checkout aborts the
// request in flight and leaves no listener (nor anything else) holding on to the element.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { serve } from './serve.mjs';

const DEMOS = [
  { name: 'demo/react', path: '/demo/react/dist/index.html', framework: true },
  { name: 'demo/vue', path: '/demo/vue/dist/index.html', framework: true },
  { name: 'demo/plain', path: '/demo/plain/index.html', framework: false },
];

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
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
      assert.deepEqual(log[2].detail, {
        code: 'http',
        status: 400,
        retryable: false,
        message: log[2].detail.message,
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
