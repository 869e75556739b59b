/**
 * Leak check: mount, use and remove 1000 elements of the built bundles, both of the package's
 * elements (some mid-request, some on the code step, some mid-payment, some mid-validation),
 * then collect garbage and count what is left: the
 * elements themselves (a FinalizationRegistry), the JS heap, pending timers, event listeners
 * and mutation observers.
 *
 * Runs in its own browser (the `memory` group of web-test-runner.config.mjs), started with
 * `--js-flags=--expose-gc` for `gc()` and `--enable-precise-memory-info` for exact heap sizes.
 * Both are V8's, so this check runs in Chromium only, while every other test file runs in
 * Chromium, Firefox and WebKit.
 * The counters wrap the browser's functions before the bundle loads, so they see every timer,
 * listener and observer its code (the element and Lit) creates.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  mockPaylink,
  PARTNER_EXAMPLE_SESSION,
  PARTNER_OTPS,
  partnerToken,
  pause,
  TEST_OTPS,
  until,
  type PartnerScenario,
  type Scenario,
} from '../helpers/mock.js';
import { part } from '../helpers/dom.js';

const ELEMENTS = 1000;
const BATCH = 25;
/**
 * As many elements again before the measured run, so that the engine's caches have grown and
 * its hot code is compiled: after 200, the measured run still grew the heap by 250 KB, nearly
 * all of it V8's number-to-string cache and optimised code (heap snapshots compared).
 */
const WARM_UP = 1000;
/**
 * How much the JS heap may grow over the measured run: 0.16 KB an element. Runs here grow it
 * by 84 to 104 KB, nearly all of it code V8 compiles as it goes; keeping every request body
 * the elements send (1286) adds about 145 KB more.
 */
const HEAP_MARGIN_BYTES = 160 * 1024;

/** V8's gc() (`--expose-gc`); with these options, a full collection in a task of its own. */
declare const gc: (options: { type: 'major'; execution: 'async' }) => Promise<void>;

interface Counted {
  seq: number;
  /** The stack at creation, for the failure message. */
  stack: string;
}

/** Wraps timers, listeners and observers; each thing counted gets a rising sequence number. */
function installCounters() {
  let seq = 0;
  const next = () => ++seq;
  /** The stack of the wrapper that counts, and its callers; `skip` frames in between. */
  const stack = (skip = 0) =>
    new Error()
      .stack!.split('\n')
      .slice(2 + skip, 7 + skip)
      .join('\n');

  const timers = new Map<number, Counted & { kind: 'timeout' | 'interval' }>();
  const { setTimeout: st, setInterval: si, clearTimeout: ct, clearInterval: ci } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(
      (...a: unknown[]) => {
        timers.delete(id);
        (handler as (...a: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timers.set(id, { kind: 'timeout', seq: next(), stack: stack() });
    return id;
  }) as typeof setTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(handler, ms, ...args);
    timers.set(id, { kind: 'interval', seq: next(), stack: stack() });
    return id;
  }) as typeof setInterval;
  // Either clear function clears either kind of timer.
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ct(id);
  }) as typeof clearTimeout;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ci(id);
  }) as typeof clearInterval;

  // Listeners, held weakly (a listener holds its element; holding it here would be the leak).
  interface Listener extends Counted {
    target: WeakRef<EventTarget>;
    type: string;
    listener: WeakRef<object>;
    capture: boolean;
  }
  let listeners = new Set<Listener>();
  const byTarget = new WeakMap<EventTarget, Listener[]>();
  const { addEventListener: add } = EventTarget.prototype;
  const captureOf = (options?: boolean | EventListenerOptions) =>
    typeof options === 'boolean' ? options : Boolean(options?.capture);
  const find = (target: EventTarget, type: string, listener: object, capture: boolean) =>
    (byTarget.get(target) ?? []).find(
      (each) =>
        each.type === type && each.listener.deref() === listener && each.capture === capture,
    );
  function forget(target: EventTarget, record: Listener) {
    listeners.delete(record);
    const list = byTarget.get(target)!;
    list.splice(list.indexOf(record), 1);
  }
  type ListenerCall = [
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ];
  /** Has the browser's `method` run as always, then `count` with its target and arguments. */
  function countAfter(
    method: 'addEventListener' | 'removeEventListener',
    count: (target: EventTarget, ...call: ListenerCall) => void,
  ) {
    const own = EventTarget.prototype[method];
    EventTarget.prototype[method] = function (this: EventTarget, ...call: ListenerCall) {
      own.apply(this, call);
      count(this, ...call);
    };
  }
  countAfter('addEventListener', (target, type, listener, options) => {
    const capture = captureOf(options);
    if (!listener || find(target, type, listener, capture)) return; // the browser keeps one too
    const record: Listener = {
      target: new WeakRef(target),
      type,
      listener: new WeakRef(listener),
      capture,
      seq: next(),
      stack: stack(1),
    };
    listeners.add(record);
    if (!byTarget.has(target)) byTarget.set(target, []);
    byTarget.get(target)!.push(record);
    const signal = typeof options === 'object' ? options.signal : undefined;
    if (signal) add.call(signal, 'abort', () => forget(target, record), { once: true });
  });
  countAfter('removeEventListener', (target, type, listener, options) => {
    const record = listener && find(target, type, listener, captureOf(options));
    if (record) forget(target, record);
  });

  // Mutation observers observing (Lit's elements watch `lang` through one).
  const observing = new Map<WeakRef<MutationObserver>, Counted>();
  const { observe, disconnect } = MutationObserver.prototype;
  const refOf = (observer: MutationObserver) =>
    [...observing.keys()].find((ref) => ref.deref() === observer);
  MutationObserver.prototype.observe = function (this: MutationObserver, ...args) {
    observe.apply(this, args);
    if (!refOf(this)) observing.set(new WeakRef(this), { seq: next(), stack: stack() });
  };
  MutationObserver.prototype.disconnect = function (this: MutationObserver) {
    disconnect.call(this);
    const ref = refOf(this);
    if (ref) observing.delete(ref);
  };

  /**
   * Drops the records of listeners whose target is gone (after a collection), into a new set:
   * a set keeps the room it grew to, thousands of records' worth, that would count as growth.
   */
  const prune = () => {
    listeners = new Set([...listeners].filter((record) => record.target.deref()));
  };

  return {
    now: () => seq,
    prune,
    /** What was created after `since` and is still there, and whose owner is still alive. */
    since(since: number) {
      prune();
      const after = <T extends Counted>(list: Iterable<T>) =>
        [...list].filter((each) => each.seq > since);
      return {
        timers: after(timers.values()),
        listeners: after(listeners).map(({ type, stack, seq }) => ({ type, stack, seq })),
        observers: after(
          [...observing].filter(([ref]) => ref.deref()).map(([, counted]) => counted),
        ),
      };
    },
  };
}

const counters = installCounters();

/** Resolves on the element's next `type` event; rejects on otp-error instead. */
function next(el: Element, type: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (event: Event) => {
      el.removeEventListener(type, done);
      el.removeEventListener('otp-error', done);
      if (event.type === type) resolve();
      else
        reject(new Error(`otp-error instead of ${type}: ${(event as CustomEvent).detail.message}`));
    };
    el.addEventListener(type, done);
    el.addEventListener('otp-error', done);
  });
}

interface Checkout extends HTMLElement {
  updateComplete: Promise<boolean>;
  state: string;
  token?: string;
}

/** The partner's id_token, fetched once before the run. */
let token = '';

/**
 * What an element goes through before it is removed: its tag, its attributes (given a mock
 * Paylink and a number unique to it), and what happens once it is connected. The elements of
 * the run take these lives in turn; another element of the package adds its own.
 */
interface Life {
  name: string;
  tag: string;
  attributes(mock: ReturnType<typeof mockPaylink>, n: number): Record<string, string>;
  live(el: Checkout, n: number): Promise<void>;
}

/** <stcpay-otp>: types nothing (the number is prefilled), sends, maybe pays. */
function checkout(scenario: Scenario, extra: Record<string, string> = {}) {
  return (mock: ReturnType<typeof mockPaylink>, n: number) => ({
    'transaction-no': String(1_800_000_000_000 + n),
    total: '10',
    mobile: '0551234567',
    'base-url': mock.baseUrl(scenario),
    ...extra,
  });
}

async function send(el: Checkout) {
  const sent = next(el, 'otp-sent');
  part(el, 'submit').click();
  await sent;
  await el.updateComplete;
}

function typeCode(el: Checkout) {
  const otp = part<HTMLInputElement>(el, 'otp');
  otp.value = TEST_OTPS.success;
  otp.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** <paylink-validate-mobile>: the mock's answers (the session is given in validateCode). */
function registration(scenario: PartnerScenario) {
  return (mock: ReturnType<typeof mockPaylink>) => ({
    'base-url': mock.baseUrl(scenario as never),
  });
}

/** Gives the documentation's example session and the token, types the code and clicks verify. */
function validateCode(el: Checkout) {
  Object.assign(el, PARTNER_EXAMPLE_SESSION, { token });
  const otp = part<HTMLInputElement>(el, 'otp');
  otp.value = PARTNER_OTPS.success;
  otp.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  part(el, 'submit').click();
}

const LIVES: Life[] = [
  { name: 'sent', tag: 'stcpay-otp', attributes: checkout('ok'), live: send },
  {
    name: 'removed-mid-send',
    tag: 'stcpay-otp',
    // No spacing: a send removed mid-flight may have texted the number, so from the third in a
    // row to one number the next would wait resend-after (test/stcpay-otp-retry.test.ts).
    attributes: checkout('hang', { 'resend-after': '0' }),
    async live(el, n) {
      part(el, 'submit').click();
      await pause(n % 10);
      expect(el.state, 'removed while sending').to.equal('sending');
    },
  },
  {
    name: 'code-step',
    tag: 'stcpay-otp',
    attributes: checkout('ok', { 'collect-otp': '' }),
    live: send,
  },
  {
    name: 'paid',
    tag: 'stcpay-otp',
    attributes: checkout('ok', { 'process-payment': '' }),
    async live(el) {
      await send(el);
      typeCode(el);
      const paid = next(el, 'payment-processed');
      part(el, 'confirm').click();
      await paid;
    },
  },
  {
    name: 'removed-mid-payment',
    tag: 'stcpay-otp',
    attributes: checkout('pay-hang', { 'process-payment': '' }),
    async live(el, n) {
      await send(el);
      typeCode(el);
      part(el, 'confirm').click();
      await pause(n % 10);
      expect(el.state, 'removed while paying').to.equal('verifying');
    },
  },
  {
    name: 'validated',
    tag: 'paylink-validate-mobile',
    attributes: registration('ok'),
    async live(el) {
      const validated = next(el, 'mobile-validated');
      validateCode(el);
      await validated;
      await el.updateComplete;
    },
  },
  {
    name: 'removed-mid-validation',
    tag: 'paylink-validate-mobile',
    attributes: registration('hang'),
    async live(el, n) {
      validateCode(el);
      await pause(n % 10);
      expect(el.state, 'removed while validating').to.equal('validating');
    },
  },
];

/** Mounts the element in `container`, takes it through `life`, and removes it. */
async function live(
  el: Checkout,
  life: Life,
  container: HTMLElement,
  mock: ReturnType<typeof mockPaylink>,
  n: number,
) {
  for (const [name, value] of Object.entries(life.attributes(mock, n)))
    el.setAttribute(name, value);
  container.append(el);
  await el.updateComplete;
  await life.live(el, n);
  el.remove();
}

/**
 * Chromium holds on to the form a script or a user last used (its autofill watches it for
 * a submission), and can hold the place focus last was, until another form is used and
 * focused, as the page would soon do. Without this, the last element used can stay alive.
 */
function useAnotherForm() {
  const form = document.createElement('form');
  const input = document.createElement('input');
  const button = document.createElement('button');
  form.append(input, button);
  form.addEventListener('submit', (event) => event.preventDefault());
  document.body.append(form);
  input.focus();
  input.value = 'x';
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  button.click();
  input.blur();
  form.remove();
}

/**
 * Full collections, each run by V8 in a task of its own. A collection called synchronously
 * scans the native stack of the call conservatively, and anything a stale word there seems to
 * point to survives it: elements long gone could stay "alive" for a whole run that way.
 */
async function collectGarbage() {
  for (let i = 0; i < 3; i++) {
    await gc({ type: 'major', execution: 'async' });
    await pause(10);
  }
}

describe('1000 elements mounted, used and removed', () => {
  it('leave nothing behind: all collected, the heap back, no timer, listener or observer left', async function () {
    this.timeout(120_000);
    expect(typeof gc, 'gc() (Chromium with --js-flags=--expose-gc)').to.equal('function');
    expect(gc({ type: 'major', execution: 'async' }), 'gc() taking options').to.be.instanceOf(
      Promise,
    );
    expect(performance, 'performance.memory').to.have.nested.property('memory.usedJSHeapSize');
    const heap = () =>
      (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

    // The storefront's script and the partner's, each as a page loads it.
    for (const bundle of ['/dist/stcpay-otp.js', '/dist/paylink-validate-mobile.js'])
      await import(bundle);
    token = await partnerToken();
    const container = document.createElement('div');
    document.body.append(container);
    const created = { warmUp: 0, measured: 0 };
    const collected = { warmUp: 0, measured: 0 };
    /** The elements not collected yet, as `life #n`, for the failure message. */
    const alive = new Set<string>();
    const registry = new FinalizationRegistry(([phase, name]: [keyof typeof collected, string]) => {
      collected[phase]++;
      alive.delete(name);
    });

    async function run(phase: keyof typeof collected, count: number, offset: number) {
      for (let start = 0; start < count; start += BATCH) {
        const mock = mockPaylink();
        const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => {
          const n = offset + start + i;
          const life = LIVES[n % LIVES.length];
          const el = document.createElement(life.tag) as Checkout;
          const name = `${life.tag} ${life.name} #${n}`;
          registry.register(el, [phase, name]);
          alive.add(name);
          created[phase]++;
          return live(el, life, container, mock, n);
        });
        await Promise.all(batch);
      }
      expect(container.children.length).to.equal(0);
      // Let the aborted requests finish aborting, then collect until every element is gone.
      await pause(300);
      await until(async () => {
        useAnotherForm();
        await collectGarbage();
        return collected[phase] === created[phase];
      }, 10_000).catch(() => {});
    }

    /** Fails naming the elements still alive, with a heap snapshot to find what holds them. */
    async function expectAllCollected(which: string) {
      if (alive.size === 0) return;
      // Named before the snapshot: taking one collects garbage too, and would hide the failure.
      const left = [...alive];
      const { path } = (await executeServerCommand('heap-snapshot')) as { path: string };
      expect(left, `${which} not collected (heap snapshot: ${path})`).to.deep.equal([]);
    }

    // Warm up: Lit prepares each template once, the engine compiles and optimises, the mock
    // opens sockets. Then the starting point.
    await run('warmUp', WARM_UP, 0);
    await expectAllCollected('warm-up elements');
    counters.prune(); // the counters' own records weigh on the heap too
    await collectGarbage();
    const startSeq = counters.now();
    const startHeap = heap();

    const started = performance.now();
    await run('measured', ELEMENTS, WARM_UP);
    const ran = performance.now() - started;
    const left = counters.since(startSeq);
    await collectGarbage();
    const grown = heap() - startHeap;
    console.log(
      `leak check: ${ELEMENTS} elements in ${Math.round(ran)} ms; ${collected.measured} collected; ` +
        `heap ${startHeap} -> ${startHeap + grown} bytes (${grown >= 0 ? '+' : ''}${grown}); ` +
        `left: ${left.timers.length} timers, ${left.listeners.length} listeners, ${left.observers.length} observers`,
    );

    await expectAllCollected('elements');
    expect(collected.measured, 'elements collected').to.equal(ELEMENTS);
    expect(left.timers, 'timers still pending').to.deep.equal([]);
    expect(left.listeners, 'listeners on objects still alive').to.deep.equal([]);
    expect(left.observers, 'mutation observers still observing').to.deep.equal([]);
    expect(grown, 'JS heap growth in bytes').to.be.below(HEAP_MARGIN_BYTES);
    container.remove();
  });
});
