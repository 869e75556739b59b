// `npm run bench`: measures the built bundles of both elements in headless Chromium against
// the Lit floor (scripts/lit-floor.mjs: a Lit hello-world bundled as the element is) and
// hand-written plain DOM, and prints medians with quartiles, min and max over repeated runs,
// then the bytes of what a storefront downloads, and of the Lit floor.
//
//   bundle parse + evaluate   import() of the element's script from memory (a Blob), so the
//                             network is left out: parsing, compiling, running the module
//   first render, N           from creating N elements (with the attributes a page gives) and
//                             appending them to paint-ready: every updateComplete resolved,
//                             then style and layout done (a forced layout read). Waiting for
//                             the next frame would add the same 0 to 16.7 ms of vsync to both.
//   Lit floor, N              the same for N of the Lit floor's element (<p>Hello</p>, one
//                             CSS rule), its bundle loaded over HTTP as the element's is
//   plain DOM, N              the same for N <form>s with a <label>, an <input> and a
//                             <button>, built with document.createElement
//   by hand, N                <stcpay-otp>'s first render (shadow root, stylesheet, nodes,
//                             attributes, text) built by hand: the same work without Lit
//   first Intl.NumberFormat   a page's first use of Intl, which the elements avoid
//   click -> fetch()          from button.click() to the call of fetch()
//   click -> request start    to the request's startTime in Resource Timing
//
// Every run of every measure gets a new browser context (empty caches, nothing compiled),
// on a cross-origin-isolated page, for 5 µs timers; each run takes every measure in turn, so
// the element, the Lit floor and the plain form are interleaved. Ratios are taken run by run.
// BENCH_RUNS sets the runs (default 21).
//
// Bytes are gzip -9 (Node's zlib, as `npm run size` counts them): the first step is
// dist/stcpay-otp.js with the files it imports statically, the code step its chunk
// dist/stcpay-otp-code.js, which it imports after the first render.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { createDemoServer } from '../demo/demo-server.js';
import { MOCK_PARTNER, PARTNER_EXAMPLE } from '../demo/mock-partner.js';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { compressed, filesBytes, reached } from './dist-files.mjs';
import { buildLitFloor, LIT_FLOOR_TAG } from './lit-floor.mjs';

const RUNS = Number(process.env.BENCH_RUNS) || 21;
const DIST = 'dist';
/** The ratio of the element's first render to the Lit floor's that we aim at, at most. */
const FLOOR_TARGET = 1.1;

/** The elements measured: each one's script-tag bundle, and what a page gives it. */
const ELEMENTS = {
  checkout: {
    bundle: 'stcpay-otp.js',
    tag: 'stcpay-otp',
    attributes: { 'transaction-no': '1679123751896', total: '10' },
  },
  partner: {
    bundle: 'paylink-validate-mobile.js',
    tag: 'paylink-validate-mobile',
    // The partner API documentation's example session, which the mock takes.
    attributes: {
      signature: PARTNER_EXAMPLE.request.signature,
      'session-uuid': PARTNER_EXAMPLE.request.sessionUuid,
      mobile: PARTNER_EXAMPLE.request.mobile,
      'partner-profile-no': PARTNER_EXAMPLE.request.partnerProfileNo,
    },
  },
  floor: { bundle: 'lit-floor.js', tag: LIT_FLOOR_TAG, attributes: {} },
};
/** The code step the element imports by its relative name, so from the same server. */
const CODE_STEP = 'stcpay-otp-code.js';
const BUNDLES = new Set(
  [ELEMENTS.checkout.bundle, ELEMENTS.partner.bundle, CODE_STEP].map((name) => `/${DIST}/${name}`),
);
const litFloor = await buildLitFloor();

// An empty page; cross-origin isolation gives performance.now() 5 µs resolution.
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><body></body></html>';

const handleDemo = createDemoServer();
const server = createServer((req, res) => {
  if (handleDemo(req, res)) return;
  const path = new URL(req.url ?? '/', 'http://bench').pathname;
  // The Lit floor is served from memory beside the bundles, so it loads as they do.
  if (BUNDLES.has(path) || path === `/${DIST}/${ELEMENTS.floor.bundle}`) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', ...ISOLATED });
    res.end(BUNDLES.has(path) ? readFileSync(`.${path}`) : litFloor);
  } else if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...ISOLATED });
    res.end(PAGE);
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });

/** In the page: loads an element's script the way a page does, and waits for a quiet frame. */
async function loadBundle(page, { bundle } = ELEMENTS.checkout) {
  await page.evaluate(async (src) => {
    await import(src);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  }, `/${DIST}/${bundle}`);
}

/** In a fresh page: the element's script parsed and evaluated, from memory. */
function parse(page, { bundle }) {
  return page.evaluate(async (src) => {
    const text = await (await fetch(src)).text();
    const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    const start = performance.now();
    await import(url);
    return performance.now() - start;
  }, `/${DIST}/${bundle}`);
}

/** In a fresh page: `count` of the element rendered. */
async function render(page, element, count) {
  await loadBundle(page, element);
  return page.evaluate(renderElements, { ...element, count });
}

/** Each measure: in a fresh context and page, returns milliseconds (or an object of them). */
const MEASURES = {
  parse: (page) => parse(page, ELEMENTS.checkout),
  /** What the elements no longer pay on a page that has not used Intl yet. */
  async intl(page) {
    return page.evaluate(() => {
      const start = performance.now();
      new Intl.NumberFormat('en', { style: 'currency', currency: 'SAR' }).format(10);
      return performance.now() - start;
    });
  },
  element1: (page) => render(page, ELEMENTS.checkout, 1),
  element100: (page) => render(page, ELEMENTS.checkout, 100),
  partnerParse: (page) => parse(page, ELEMENTS.partner),
  partner1: (page) => render(page, ELEMENTS.partner, 1),
  partner100: (page) => render(page, ELEMENTS.partner, 100),
  floorParse: (page) => parse(page, ELEMENTS.floor),
  floor1: (page) => render(page, ELEMENTS.floor, 1),
  floor100: (page) => render(page, ELEMENTS.floor, 100),
  async plain1(page) {
    return page.evaluate(renderPlain, 1);
  },
  async plain100(page) {
    return page.evaluate(renderPlain, 100);
  },
  async byHand1(page) {
    await loadBundle(page);
    return page.evaluate(renderByHand, 1);
  },
  async byHand100(page) {
    await loadBundle(page);
    return page.evaluate(renderByHand, 100);
  },

  clickElement: (page) =>
    timeClick(page, ELEMENTS.checkout, {
      attributes: { mobile: '0551234567' },
      event: 'otp-sent',
      path: '/sendOtp',
    }),
  async clickPartner(page) {
    // The partner's backend signs in; the page hands the element the token.
    const auth = await fetch(`${origin}/api/partner/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...MOCK_PARTNER, persistToken: false }),
    });
    const { id_token: token } = await auth.json();
    return timeClick(page, ELEMENTS.partner, {
      properties: { token },
      code: PARTNER_EXAMPLE.request.otp,
      event: 'mobile-validated',
      path: '/validate-otp',
    });
  },
  async clickPlain(page) {
    return page.evaluate(async (url) => {
      const form = document.createElement('form');
      const input = document.createElement('input');
      const button = document.createElement('button');
      input.value = '0551234567';
      form.append(input, button);
      document.body.append(form);
      let called = 0;
      const done = new Promise((resolve) =>
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          called = performance.now();
          const body = {
            stcpayMobile: input.value.slice(1),
            stcpayMobileCountryCode: '966',
            orderNumber: '1',
            total: 10,
          };
          const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
          fetch(url, { method: 'POST', headers, body: JSON.stringify(body) })
            .then((r) => r.json())
            .then(resolve);
        }),
      );
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const start = performance.now();
      button.click();
      await done;
      const [entry] = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/sendOtp'));
      return { fetch: called - start, request: entry.startTime - start };
    }, `${origin}/mock/bench/ok/rest/pay/stcpay/sendOtp`);
  },
};

/**
 * In a fresh page: one element, set up as a page would (plus `attributes` and `properties`,
 * and `code` typed when it takes one), ready to send; then from the click on its submit button
 * to the call of fetch() and to the start of the request to `path`, which ends in `event`.
 */
async function timeClick(page, element, { attributes = {}, properties = {}, code, event, path }) {
  await loadBundle(page, element);
  const baseUrl = `${origin}/mock/bench/ok`;
  return page.evaluate(
    async ({ tag, attributes, properties, code, event, path }) => {
      const calls = [];
      const { fetch } = window;
      window.fetch = (...args) => (calls.push(performance.now()), fetch(...args));
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      Object.assign(el, properties);
      document.body.append(el);
      await el.updateComplete;
      if (code) {
        const otp = el.shadowRoot.querySelector('[part~="otp"]');
        otp.value = code;
        otp.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const done = new Promise((resolve, reject) => {
        el.addEventListener(event, resolve, { once: true });
        el.addEventListener('otp-error', (error) => reject(new Error(error.detail.message)), {
          once: true,
        });
      });
      const start = performance.now();
      el.shadowRoot.querySelector('[part~="submit"]').click();
      await done;
      const [entry] = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(path));
      return { fetch: calls[0] - start, request: entry.startTime - start };
    },
    {
      tag: element.tag,
      attributes: { ...element.attributes, ...attributes, 'base-url': baseUrl },
      properties,
      code,
      event,
      path,
    },
  );
}

/** In the page: `count` elements from creation to paint-ready. */
async function renderElements({ tag, attributes, count }) {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  const elements = [];
  for (let i = 0; i < count; i++) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    host.appendChild(el);
    elements.push(el);
  }
  await Promise.all(elements.map((el) => el.updateComplete));
  void host.offsetHeight; // style and layout
  const time = performance.now() - start;
  // A tag that was never defined would take no time at all: check each rendered something.
  if (!elements.every((el) => el.shadowRoot?.childElementCount))
    throw new Error(`<${tag}> did not render`);
  return time;
}

/** In the page: N plain forms (label, input, button) from creation to paint-ready. */
async function renderPlain(count) {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const form = document.createElement('form');
    const label = document.createElement('label');
    const input = document.createElement('input');
    const button = document.createElement('button');
    label.htmlFor = input.id = `mobile-${i}`;
    label.textContent = 'STC Pay mobile number';
    input.type = 'tel';
    input.inputMode = 'numeric';
    input.autocomplete = 'tel-national';
    button.type = 'submit';
    button.textContent = 'Pay SAR 10.00';
    form.append(label, input, button);
    host.appendChild(form);
  }
  await Promise.resolve(); // as the element's updateComplete does, once
  void host.offsetHeight;
  return performance.now() - start;
}

/**
 * In the page: N copies of what <stcpay-otp> renders first (its shadow root, stylesheet and
 * nodes, with the same attributes and text), built by hand: the same work without Lit or
 * our code.
 */
async function renderByHand(count) {
  const cssText = customElements.get('stcpay-otp').styles.cssText;
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  const make = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  for (let i = 0; i < count; i++) {
    const el = document.createElement('div');
    const root = el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.append(
      make(
        'form',
        { part: 'form', novalidate: '', lang: 'en', dir: 'ltr', 'aria-busy': 'false' },
        make('label', { part: 'label', for: 'mobile' }, 'STC Pay mobile number'),
        make(
          'div',
          { part: 'field', class: 'field ', dir: 'ltr' },
          make('span', { part: 'country-code', id: 'country-code' }, '+966'),
          make('input', {
            part: 'mobile',
            id: 'mobile',
            name: 'mobile',
            type: 'tel',
            inputmode: 'numeric',
            autocomplete: 'tel-national',
            dir: 'ltr',
            'aria-invalid': 'false',
            'aria-describedby': 'country-code',
          }),
        ),
        make(
          'button',
          { part: 'submit', type: 'submit', 'aria-disabled': 'false' },
          make('span', { part: 'spinner', 'aria-hidden': 'true', hidden: '' }),
          'Pay SAR\u00a010.00',
        ),
        make(
          'div',
          { part: 'messages', class: 'messages' },
          make('p', { part: 'status', id: 'status', role: 'status' }),
          make('p', { part: 'error', id: 'error', role: 'alert' }),
        ),
      ),
    );
    el.setAttribute('state', 'idle');
    host.appendChild(el);
  }
  await Promise.resolve();
  void host.offsetHeight;
  return performance.now() - start;
}

async function measureOnce(name) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`${origin}/`);
    if (!(await page.evaluate(() => crossOriginIsolated)))
      throw new Error('the bench page is not cross-origin isolated');
    const result = await MEASURES[name](page);
    if (errors.length) throw errors[0];
    return result;
  } finally {
    await context.close();
  }
}

const samples = Object.fromEntries(Object.keys(MEASURES).map((name) => [name, []]));
process.stdout.write(`Measuring ${RUNS} runs of each`);
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(MEASURES)) samples[name].push(await measureOnce(name));
  process.stdout.write('.');
}
process.stdout.write('\n\n');
await browser.close();
server.close();

/** The p-quantile of `values`, interpolated between closest ranks (p = 0.5: the median). */
const quantile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
};
const median = (values) => quantile(values, 0.5);
const ms = (value) => `${value.toFixed(2)} ms`;
const times = (value) => `${value.toFixed(2)}×`;
/** Median, first and third quartiles, min and max. */
const stats = (values, format = ms) =>
  [
    median(values),
    quantile(values, 0.25),
    quantile(values, 0.75),
    Math.min(...values),
    Math.max(...values),
  ].map(format);
/** Per-run ratios of two measures, run i against run i. */
const ratios = (a, b) => a.map((value, i) => value / b[i]);
const field = (list, key) => list.map((each) => each[key]);

const toFloor1 = ratios(samples.element1, samples.floor1);
const toFloor100 = ratios(samples.element100, samples.floor100);
const rows = [
  ['bundle parse + evaluate, `<stcpay-otp>`', ...stats(samples.parse)],
  ['bundle parse + evaluate, Lit floor', ...stats(samples.floorParse)],
  [
    'ratio to the Lit floor, parse + evaluate',
    ...stats(ratios(samples.parse, samples.floorParse), times),
  ],
  ['first render, 1 `<stcpay-otp>`', ...stats(samples.element1)],
  ['first render, 1 Lit floor', ...stats(samples.floor1)],
  ['first render, 1 plain DOM form', ...stats(samples.plain1)],
  ['**ratio to the Lit floor, 1**', ...stats(toFloor1, times)],
  ['**ratio to plain DOM, 1**', ...stats(ratios(samples.element1, samples.plain1), times)],
  ['Lit floor to plain DOM, 1', ...stats(ratios(samples.floor1, samples.plain1), times)],
  ['first render, 100 `<stcpay-otp>`', ...stats(samples.element100)],
  ['first render, 100 Lit floor', ...stats(samples.floor100)],
  ['first render, 100 plain DOM forms', ...stats(samples.plain100)],
  ['**ratio to the Lit floor, 100**', ...stats(toFloor100, times)],
  ['**ratio to plain DOM, 100**', ...stats(ratios(samples.element100, samples.plain100), times)],
  ['Lit floor to plain DOM, 100', ...stats(ratios(samples.floor100, samples.plain100), times)],
  ["1 copy of the element's DOM and styles by hand", ...stats(samples.byHand1)],
  ["100 copies of the element's DOM and styles by hand", ...stats(samples.byHand100)],
  ['ratio to by hand, 1', ...stats(ratios(samples.element1, samples.byHand1), times)],
  ['ratio to by hand, 100', ...stats(ratios(samples.element100, samples.byHand100), times)],
  ["a page's first `Intl.NumberFormat` (not the elements')", ...stats(samples.intl)],
  ['click → `fetch()` called, `<stcpay-otp>`', ...stats(field(samples.clickElement, 'fetch'))],
  ['click → request start, `<stcpay-otp>`', ...stats(field(samples.clickElement, 'request'))],
  ['bundle parse + evaluate, `<paylink-validate-mobile>`', ...stats(samples.partnerParse)],
  ['first render, 1 `<paylink-validate-mobile>`', ...stats(samples.partner1)],
  ['ratio to the Lit floor, 1', ...stats(ratios(samples.partner1, samples.floor1), times)],
  ['ratio to plain DOM, 1', ...stats(ratios(samples.partner1, samples.plain1), times)],
  ['first render, 100 `<paylink-validate-mobile>`', ...stats(samples.partner100)],
  ['ratio to the Lit floor, 100', ...stats(ratios(samples.partner100, samples.floor100), times)],
  ['ratio to plain DOM, 100', ...stats(ratios(samples.partner100, samples.plain100), times)],
  [
    'click → `fetch()` called, `<paylink-validate-mobile>`',
    ...stats(field(samples.clickPartner, 'fetch')),
  ],
  [
    'click → request start, `<paylink-validate-mobile>`',
    ...stats(field(samples.clickPartner, 'request')),
  ],
  ['click → `fetch()` called, plain DOM form', ...stats(field(samples.clickPlain, 'fetch'))],
  ['click → request start, plain DOM form', ...stats(field(samples.clickPlain, 'request'))],
];
const version = browser.version();
console.log(
  `Chromium ${version}, headless; ${RUNS} runs, each in a new browser context; ratios are per run; q1 and q3 are the first and third quartiles.\n`,
);
printTable(['measure', 'median', 'q1', 'q3', 'min', 'max'], rows);

console.log(
  `\nTarget: the first render of \`<stcpay-otp>\` at most ${FLOOR_TARGET}× the Lit floor's (median of the per-run ratios):`,
);
for (const [count, values] of [
  [1, toFloor1],
  [100, toFloor100],
]) {
  const ratio = median(values);
  const verdict = ratio <= FLOOR_TARGET ? 'met' : 'not met';
  console.log(`- ${count} element${count > 1 ? 's' : ''}: ${times(ratio)}, ${verdict}`);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const listed = (files) => files.map((name) => `\`${DIST}/${name}\``).join(' + ');

// Names in dist/, as the tables show them.
const inDist = (name) => join(DIST, name);
const named = (paths) => paths.map((path) => relative(DIST, path));
const firstStep = named(reached(inDist(ELEMENTS.checkout.bundle)));
const codeStep = named(reached(inDist(CODE_STEP))).filter((name) => !firstStep.includes(name));
const floorBytes = compressed(Buffer.from(litFloor));
const byteRows = [
  [
    `first step: ${listed(firstStep)}${firstStep.length > 1 ? '' : ' (no static imports)'}`,
    filesBytes(firstStep.map(inDist)),
  ],
  [`code step: ${listed(codeStep)}`, filesBytes(codeStep.map(inDist))],
  ['first step + code step', filesBytes([...firstStep, ...codeStep].map(inDist))],
  ['classic script: `dist/stcpay-otp.iife.js`', filesBytes([inDist('stcpay-otp.iife.js')])],
  [`partner: ${listed([ELEMENTS.partner.bundle])}`, filesBytes([inDist(ELEMENTS.partner.bundle)])],
  ['Lit floor (built in memory)', floorBytes],
];
const size = (bytes) => `${kb(bytes)} (${bytes} B)`;
console.log('');
printTable(
  ['bundle', 'raw', 'gzip -9', 'brotli -q 11', 'gzip ÷ Lit floor'],
  byteRows.map(([name, { raw, gzip, brotli }]) => [
    name,
    size(raw),
    size(gzip),
    size(brotli),
    times(gzip / floorBytes.gzip),
  ]),
);
function printTable(head, body) {
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(head));
  console.log(
    `|${widths.map((width, i) => (i ? '-'.repeat(width + 1) + ':' : '-'.repeat(width + 2))).join('|')}|`,
  );
  body.forEach((row) => console.log(line(row)));
}
