// The ledger as a store with several servers would run it: three kit instances sharing one real
// Redis (redis-server, started here; .ci/run installs it), and one alone in memory. A seeded
// chaos run pays at least 200 orders through them while "Paylink" is slow, loses answers and
// settles later, browsers hang up mid-payment, second tabs pay at the same time, the webhook
// arrives ten times at once across the instances, forged webhooks come for unpaid orders, and
// status polls come all along. It ends with reconcile() on every instance and prints its
// invariants as counts. Then Redis is killed mid-run and started again.
// Replay a run: CHAOS_SEED=<seed> node --test test/node/server-ledger-chaos.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createClient } from 'redis';
import { createPaylink, toNodeHandler } from 'stcpay-otp/server';
import { MOCK_CREDENTIALS, seededRandom, TEST_OTPS } from '../../demo/mock-paylink.js';
import {
  invoiceInput,
  otpRequest,
  postJson,
  PROCESS_PAYMENT,
  SEND_OTP,
  serveNode,
  startMock,
} from './mock-server.mjs';

const WEBHOOK = { header: 'Authorization', value: 'Bearer chaos-webhook-5be0c7d1a9' };
/** The kit gives up on Paylink after this long; pay-slow answers (and pays) after 1.5 s. */
const KIT_TIMEOUT_MS = 600;
const PENDING_SECONDS = 2;
/** How Paylink answers a processPayment in the run, drawn per call. */
const SCENARIOS = [
  'ok',
  'ok',
  'ok',
  'pay-slow', // the kit gives up first; Paylink pays later: a lost answer that settles later
  'pay-lost-reset', // paid, and the answer is cut
  'pay-lost-hang', // paid, and no answer comes
  'pay-hang', // no answer, and nothing paid
  'pay-server-error', // a clear refusal
];
/**
 * Every limit out of the way: all the run's shoppers share 127.0.0.1, and a limit left at its
 * default would answer 429 in the ledger's place. The run checks that no 429 came.
 */
const LIMITS = Object.fromEntries(
  [
    'sendOtpPerOrder',
    'sendOtpPerClient',
    'processPaymentPerOrder',
    'processPaymentPerClient',
    'paymentStatusPerClient',
  ].map((name) => [name, { points: 100_000, duration: 60 }]),
);

const installed = spawnSync('redis-server', ['--version']).status === 0;
if (!installed && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it');

const seed = Number(process.env.CHAOS_SEED ?? crypto.getRandomValues(new Uint32Array(1))[0]);
console.log(
  `ledger chaos seed ${seed} (replay: CHAOS_SEED=${seed} node --test ${import.meta.filename})`,
);

let mock, dir, redisProcess;
const clients = [];
const servers = [];
before(async () => {
  mock = await startMock();
  if (!installed) return;
  dir = await mkdtemp(join(tmpdir(), 'stcpay-otp-ledger-'));
  await startRedis();
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(clients.map((c) => c.quit().catch(() => {})));
  redisProcess?.kill('SIGKILL');
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** redis-server on a Unix socket in `dir`, writing every change to its append-only file. */
async function startRedis() {
  redisProcess = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--unixsocket',
      join(dir, 'redis.sock'),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    { stdio: 'ignore' },
  );
  const probe = createClient({
    socket: { path: join(dir, 'redis.sock'), reconnectStrategy: false },
  });
  probe.on('error', () => {});
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      await probe.connect();
      await probe.quit();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await sleep(50);
    }
  }
}

/** A connected node-redis client of the test's Redis, reconnecting after an outage. */
async function redisClient() {
  const client = createClient({
    socket: { path: join(dir, 'redis.sock'), reconnectStrategy: () => 100 },
  });
  client.on('error', () => {});
  await client.connect();
  clients.push(client);
  return client;
}

/**
 * One store's servers: `count` kit instances, each on its own port with its own client of the
 * same Redis (or, without `redis`, one instance in memory), all with one onPaid: the store's
 * database, whose warehouse fails a share `onPaidFailures` of the calls. Paylink's
 * processPayment answers as `scenarioFor()` draws; every call the kits make to it is noted with
 * when it left and when the kit had its outcome, and told to `store.onRelay(orderNumber)`.
 */
async function storeServers({
  count,
  redis,
  keyPrefix,
  scenarioFor = () => 'ok',
  onPaidFailures = 0,
}) {
  const tenant = randomUUID();
  const shipped = [];
  const upstream = [];
  const instances = [];
  const failing = seededRandom(`${seed}-${keyPrefix}`);
  const store = { instances, shipped, upstream, onPaidFailures: 0, onRelay: () => {} };
  for (let i = 0; i < count; i++) {
    const fetchPaylink = async (url, init) => {
      if (!url.endsWith(PROCESS_PAYMENT)) return fetch(url, init);
      const { orderNumber } = JSON.parse(init.body);
      const call = { orderNumber, start: Date.now(), end: Infinity, scenario: scenarioFor() };
      upstream.push(call);
      store.onRelay(orderNumber);
      try {
        return await fetch(
          `${mock.origin}/mock/${tenant}/${call.scenario}${PROCESS_PAYMENT}`,
          init,
        );
      } finally {
        call.end = Date.now();
      }
    };
    const paylink = createPaylink({
      ...MOCK_CREDENTIALS,
      environment: 'testing',
      restBaseUrl: mock.origin,
      stcpayBaseUrl: mock.origin,
      fetch: fetchPaylink,
      timeout: KIT_TIMEOUT_MS,
      pendingSeconds: PENDING_SECONDS,
      webhook: WEBHOOK,
      invoiceCacheSeconds: 10,
      rateLimit: { ...LIMITS, keyPrefix },
      ...(redis ? { redis: await redisClient() } : {}),
      // The store's warehouse fails now and then: the kit must deliver such an order again.
      onPaid: (order) => {
        if (failing() < onPaidFailures) {
          store.onPaidFailures++;
          throw new Error('the warehouse did not answer');
        }
        shipped.push({ ...order, at: Date.now() });
      },
    });
    const server = await serveNode(toNodeHandler(paylink.handler));
    servers.push(server);
    instances.push({ paylink, base: `${server.origin}/paylink` });
  }
  return store;
}

/** A processPayment request for the session sendOtp opened. */
async function openSession(base, transactionNo) {
  const request = otpRequest(transactionNo, 65);
  const sent = await postJson(`${base}${SEND_OTP}`, request);
  assert.notEqual(sent.status, 429, 'a limit answered sendOtp');
  if (sent.status !== 200) return undefined;
  const { paymentSessionId, signature, signedBase64Data } = await sent.json();
  return (otp) => ({
    ...request,
    stcpayPaymentOTP: otp,
    paymentSessionId,
    signature,
    signedBase64Data,
  });
}

/**
 * The chaos run over `orders` orders of one store; resolves with its counts, after checking
 * every invariant.
 */
async function chaosRun(name, store, orders, random) {
  const { instances, shipped, upstream } = store;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const polls = [];
  const counts = {
    orders,
    'processPayment sent by browsers': 0,
    'refused 409 by the ledger': 0,
    'refused 429 by a limit': 0,
    'browsers that hung up': 0,
    'webhooks delivered': 0,
    'forged webhooks': 0,
    'status polls': 0,
    'shoppers who left': 0,
  };

  async function status(transactionNo) {
    const poll = { transactionNo, start: Date.now() };
    const response = await fetch(
      `${pick(instances).base}/payment-status?transactionNo=${transactionNo}`,
    );
    poll.answer = response.ok ? (await response.json()).status : response.status;
    poll.end = Date.now();
    polls.push(poll);
    counts['status polls']++;
    return poll.answer;
  }

  /** Browsers that hang up the moment the kit relays their order's payment, by order. */
  const hangUpOnRelay = new Map();
  store.onRelay = (orderNumber) => {
    hangUpOnRelay.get(orderNumber)?.abort();
    hangUpOnRelay.delete(orderNumber);
  };

  /** `hangUp`: after so many ms, or 'on relay' (for certain while Paylink has the payment). */
  async function processPayment(payment, otp, hangUp) {
    const browser = new AbortController();
    if (hangUp === 'on relay') hangUpOnRelay.set(payment(otp).orderNumber, browser);
    else if (hangUp !== undefined) setTimeout(() => browser.abort(), hangUp);
    counts['processPayment sent by browsers']++;
    try {
      const response = await postJson(
        `${pick(instances).base}${PROCESS_PAYMENT}`,
        payment(otp),
        {},
        browser.signal,
      );
      if (response.status === 409) counts['refused 409 by the ledger']++;
      if (response.status === 429) counts['refused 429 by a limit']++;
      await response.arrayBuffer();
      return response.status;
    } catch {
      counts['browsers that hung up']++;
      return 'hung up';
    }
  }

  /**
   * One shopper: up to three tries, each with a new code when the last one did not pay. Some
   * leave after their first try, and Paylink's webhook for them is lost: only reconcile() can
   * settle their orders. A quarter hang up after up to 400 ms, and every tenth order's browser
   * hangs up while Paylink has its first try, so every run has hang-ups whatever the timing.
   */
  async function shopper(invoice, index) {
    const { transactionNo } = invoice;
    const leaves = random() < 0.15;
    for (let attempt = 0; attempt < 3; attempt++) {
      const payment = await openSession(pick(instances).base, transactionNo);
      if (!payment) break; // the order is paid: sendOtp is refused
      const otp = random() < 0.75 ? TEST_OTPS.success : TEST_OTPS.wrong;
      const hangUp =
        index % 10 === 0 && attempt === 0
          ? 'on relay'
          : random() < 0.25
            ? random() * 400
            : undefined;
      const work = [processPayment(payment, otp, hangUp)];
      // A second tab pays at the same time.
      if (random() < 0.3) work.push(sleep(random() * 100).then(() => processPayment(payment, otp)));
      if (!leaves)
        for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++)
          work.push(sleep(random() * 1500).then(() => status(transactionNo)));
      await Promise.all(work);
      if (leaves) {
        counts['shoppers who left']++;
        return;
      }
      let answer = await status(transactionNo);
      for (let wait = 0; answer === 'pending' && wait < 40; wait++) {
        await sleep(150);
        answer = await status(transactionNo);
      }
      if (answer === 'paid') break;
    }
    // Paylink's webhook for a paid order: ten deliveries at once, spread over the instances.
    if (mock.paylink.paidAt.has(transactionNo)) {
      const body = {
        amount: 65,
        merchantEmail: 'merchant@example.com',
        transactionNo,
        merchantOrderNumber: invoice.gatewayOrderRequest.orderNumber,
        orderStatus: 'Paid',
      };
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          postJson(`${instances[i % instances.length].base}/webhook`, body, {
            [WEBHOOK.header]: WEBHOOK.value,
          }),
        ),
      );
      counts['webhooks delivered'] += answers.length;
      for (const answer of answers) assert.equal(answer.status, 200);
    } else if (random() < 0.5) {
      // A forged one for an order that is not paid, with the right header even.
      const forged = await postJson(
        `${pick(instances).base}/webhook`,
        { transactionNo, orderStatus: 'Paid', amount: 65 },
        { [WEBHOOK.header]: WEBHOOK.value },
      );
      assert.equal(forged.status, 409);
      counts['forged webhooks']++;
    }
  }

  const invoices = [];
  for (let i = 0; i < orders; i++)
    invoices.push(await instances[0].paylink.addInvoice(invoiceInput(65)));
  // Twenty shoppers at a time.
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < invoices.length) await shopper(invoices[next], next++);
    }),
  );
  // Every lost answer's pending window over, then every instance reconciles at once.
  await sleep(PENDING_SECONDS * 1000 + 200);
  // Rounds of reconcile() on every instance at once, as a cron on each would run them, until a
  // round finds nothing open: an onPaid that fails again leaves its order for the next round.
  const reconciled = [];
  let rounds = 0;
  let open = Infinity;
  while (open > 0 && rounds < 20) {
    const round = await Promise.all(instances.map((i) => i.paylink.reconcile()));
    reconciled.push(...round);
    open = round.reduce((sum, r) => sum + r.checked, 0);
    rounds++;
  }

  // The invariants.
  const paidAt = (transactionNo) => mock.paylink.paidAt.get(transactionNo);
  const paidOrders = invoices.filter((invoice) => paidAt(invoice.transactionNo) !== undefined);
  const shippedCount = new Map();
  for (const { transactionNo } of shipped)
    shippedCount.set(transactionNo, (shippedCount.get(transactionNo) ?? 0) + 1);
  const ours = new Set(invoices.map((invoice) => invoice.transactionNo));
  const byOrder = new Map();
  for (const call of upstream)
    byOrder.set(call.orderNumber, [...(byOrder.get(call.orderNumber) ?? []), call]);
  let overlapping = 0;
  let afterPaid = 0;
  for (const [orderNumber, calls] of byOrder) {
    const sorted = calls.toSorted((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) overlapping++;
    const paid = paidAt(orderNumber);
    if (paid !== undefined) afterPaid += calls.filter((call) => call.start > paid).length;
  }
  const unpaidWhileInFlight = polls.filter(
    (poll) =>
      poll.answer === 'unpaid' &&
      (byOrder.get(poll.transactionNo) ?? []).some(
        (call) => call.start <= poll.start && call.end >= poll.end,
      ),
  ).length;
  const unpaidWhilePaid = polls.filter(
    (poll) => poll.answer === 'unpaid' && (paidAt(poll.transactionNo) ?? Infinity) < poll.start,
  ).length;
  const finalStates = await Promise.all(
    invoices.map(async ({ transactionNo }) => [transactionNo, await status(transactionNo)]),
  );
  const unsettled = finalStates.filter(([, state]) => state !== 'paid' && state !== 'unpaid');
  const wrongState = finalStates.filter(
    ([transactionNo, state]) => (state === 'paid') !== (paidAt(transactionNo) !== undefined),
  );

  Object.assign(counts, {
    'orders paid at Paylink': paidOrders.length,
    'onPaid calls that returned': shipped.length,
    'orders shipped twice': [...shippedCount.values()].filter((n) => n > 1).length,
    'paid orders never shipped': paidOrders.filter((i) => !shippedCount.has(i.transactionNo))
      .length,
    'unpaid orders shipped': [...shippedCount.keys()].filter(
      (transactionNo) => !ours.has(transactionNo) || paidAt(transactionNo) === undefined,
    ).length,
    'processPayment relayed to Paylink': upstream.length,
    'two relayed at once for one order': overlapping,
    'relayed after the order was paid': afterPaid,
    '"unpaid" while a payment was in flight': unpaidWhileInFlight,
    '"unpaid" after Paylink had it paid': unpaidWhilePaid,
    'onPaid calls that failed (delivered again later)': store.onPaidFailures,
    'found paid by reconcile() (summed over the instances)': reconciled.reduce(
      (sum, r) => sum + r.paid,
      0,
    ),
    'reconcile() rounds until none was open': rounds,
    'left open after reconcile()': open,
    'orders not settled at the end': unsettled.length,
    'orders whose final status is wrong': wrongState.length,
  });
  console.log(`${name} (seed ${seed}):`);
  for (const [what, count] of Object.entries(counts)) console.log(`  ${what}: ${count}`);

  assert.ok(paidOrders.length > 0 && paidOrders.length < orders, 'the run paid some, not all');
  assert.equal(counts['orders shipped twice'], 0);
  assert.equal(counts['paid orders never shipped'], 0);
  assert.equal(counts['unpaid orders shipped'], 0);
  assert.equal(shipped.length, paidOrders.length, 'onPaid exactly once per paid order');
  assert.equal(overlapping, 0);
  assert.equal(afterPaid, 0);
  assert.equal(unpaidWhileInFlight, 0);
  assert.equal(unpaidWhilePaid, 0);
  assert.equal(counts['left open after reconcile()'], 0);
  assert.deepEqual(unsettled, []);
  assert.deepEqual(wrongState, []);
  // The run did meet what it is about.
  assert.equal(counts['refused 429 by a limit'], 0, "a limit answered in the ledger's place");
  assert.ok(counts['refused 409 by the ledger'] > 0, 'a second payment was refused');
  assert.ok(counts['browsers that hung up'] > 0, 'a browser hung up mid-payment');
  assert.ok(
    upstream.some((call) => call.scenario === 'pay-slow'),
    'a payment settled late',
  );
  return counts;
}

test(
  'three instances on one Redis: at least 200 orders, onPaid once each',
  { skip: !installed },
  async () => {
    const random = seededRandom(seed);
    const store = await storeServers({
      count: 3,
      redis: true,
      keyPrefix: `chaos-${seed}`,
      onPaidFailures: 0.15,
      scenarioFor: () => SCENARIOS[Math.floor(random() * SCENARIOS.length)],
    });
    await chaosRun('ledger chaos, 3 instances on Redis', store, 200, random);
  },
);

test('one instance in memory: the same run over 60 orders', async () => {
  const random = seededRandom(seed + 1);
  const store = await storeServers({
    count: 1,
    keyPrefix: `memory-${seed}`,
    onPaidFailures: 0.15,
    scenarioFor: () => SCENARIOS[Math.floor(random() * SCENARIOS.length)],
  });
  await chaosRun('ledger chaos, 1 instance in memory', store, 60, random);
});

test(
  'Redis stopped mid-run: no processPayment relayed while it is down, nothing lost when it returns',
  { skip: !installed },
  async () => {
    const { instances, shipped, upstream } = await storeServers({
      count: 2,
      redis: true,
      keyPrefix: `outage-${seed}`,
    });
    const [a, b] = instances;
    // One order paid and shipped before the outage, one ready to pay.
    const paid = await a.paylink.addInvoice(invoiceInput(65));
    const payPaid = await openSession(a.base, paid.transactionNo);
    assert.equal(
      (await postJson(`${a.base}${PROCESS_PAYMENT}`, payPaid(TEST_OTPS.success))).status,
      200,
    );
    const deadline = Date.now() + 5000;
    while (shipped.length < 1 && Date.now() < deadline) await sleep(20);
    assert.equal(shipped.length, 1);
    const waiting = await a.paylink.addInvoice(invoiceInput(65));
    const payWaiting = await openSession(b.base, waiting.transactionNo);
    const relayedBefore = upstream.length;

    redisProcess.kill('SIGKILL');
    await new Promise((resolve) => redisProcess.once('exit', resolve));
    for (const instance of instances) {
      const refused = await postJson(
        `${instance.base}${PROCESS_PAYMENT}`,
        payWaiting(TEST_OTPS.success),
      );
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '5');
      const status = await fetch(
        `${instance.base}/payment-status?transactionNo=${paid.transactionNo}`,
      );
      assert.equal(status.status, 503);
      const webhook = await postJson(
        `${instance.base}/webhook`,
        { transactionNo: paid.transactionNo },
        { [WEBHOOK.header]: WEBHOOK.value },
      );
      assert.equal(webhook.status, 503, 'so that Paylink sends it again');
    }
    await assert.rejects(a.paylink.reconcile(), (error) => error.code === 'store');
    assert.equal(upstream.length, relayedBefore, 'nothing relayed while Redis is down');
    assert.equal(mock.paylink.paidAt.has(waiting.transactionNo), false);

    await startRedis();
    const back = Date.now() + 10_000;
    while (!clients.every((client) => client.isReady) && Date.now() < back) await sleep(50);
    // What was recorded before the outage is still there: paid, and shipped once.
    for (const instance of instances) {
      const status = await (
        await fetch(`${instance.base}/payment-status?transactionNo=${paid.transactionNo}`)
      ).json();
      assert.deepEqual(status, { status: 'paid' });
      const webhook = await postJson(
        `${instance.base}/webhook`,
        { transactionNo: paid.transactionNo },
        { [WEBHOOK.header]: WEBHOOK.value },
      );
      assert.equal(webhook.status, 200);
    }
    // The shopper who was told to try again can pay now.
    assert.equal(
      (await postJson(`${b.base}${PROCESS_PAYMENT}`, payWaiting(TEST_OTPS.success))).status,
      200,
    );
    while (shipped.length < 2 && Date.now() < back) await sleep(20);
    await sleep(100);
    assert.deepEqual(
      shipped.map((order) => order.transactionNo),
      [paid.transactionNo, waiting.transactionNo],
    );
    assert.equal(upstream.length, relayedBefore + 1);
    console.log(
      `ledger outage: processPayment relayed while Redis was down: 0; onPaid calls: ${shipped.length} for 2 paid orders`,
    );
  },
);
