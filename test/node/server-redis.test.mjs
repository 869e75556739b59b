// Limits that hold across servers: two instances of the store's handler, each on its own port
// with its own memory, count sendOtp against one limit in a real Redis (redis-server, started
// here on a Unix socket; .ci/run installs it). In memory, the same two would count apart.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createClient } from 'redis';
import { createPaylink, createPaylinkPartner, toNodeHandler } from 'stcpay-otp/server';
import { MOCK_CREDENTIALS } from '../../demo/mock-paylink.js';
import { MOCK_PARTNER, PARTNER_OTPS } from '../../demo/mock-partner.js';
import {
  invoiceInput,
  LICENSE,
  otpRequest,
  pay,
  postJson,
  SEND_OTP,
  serveNode,
  startMock,
} from './mock-server.mjs';

const installed = spawnSync('redis-server', ['--version']).status === 0;
if (!installed && process.env.CI) throw new Error('redis-server is missing: .ci/run installs it');

let mock, dir, redisProcess, redis;
const servers = [];
before(async () => {
  if (!installed) return;
  mock = await startMock();
  dir = await mkdtemp(join(tmpdir(), 'stcpay-otp-redis-'));
  const socket = join(dir, 'redis.sock');
  redisProcess = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redis = createClient({ socket: { path: socket, reconnectStrategy: false } });
  redis.on('error', () => {});
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      await redis.connect();
      break;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await redis?.quit().catch(() => {});
  redisProcess?.kill();
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An instance of the store's server: its own kit and port; `rateLimit` as given. */
async function instance(rateLimit) {
  const paylink = createPaylink({
    ...MOCK_CREDENTIALS,
    environment: 'testing',
    restBaseUrl: mock.origin,
    stcpayBaseUrl: mock.origin,
    rateLimit,
  });
  const server = await serveNode(toNodeHandler(paylink.handler));
  servers.push(server);
  return {
    paylink,
    sendOtp: async (orderNumber) =>
      (await postJson(`${server.origin}/paylink${SEND_OTP}`, otpRequest(orderNumber, 65))).status,
  };
}

/**
 * A new order, made through the first of `senders`, and the statuses of a sendOtp for it by each
 * of `senders` in turn.
 */
async function sendOtpInTurn(senders) {
  const order = (await senders[0].paylink.addInvoice(invoiceInput(65))).transactionNo;
  const statuses = [];
  for (const sender of senders) statuses.push(await sender.sendOtp(order));
  return { order, statuses };
}

const limit = { sendOtpPerOrder: { points: 3, duration: 60 } };
const needsRedis = { skip: !installed && 'no redis-server' };

test('two instances sharing a Redis share one limit per order', needsRedis, async () => {
  const keyPrefix = `test-${Date.now()}`;
  const a = await instance({ redis, keyPrefix, ...limit });
  const b = await instance({ redis, keyPrefix, ...limit });
  const { order, statuses } = await sendOtpInTurn([a, b, a, b, a]);
  assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
  // The count is in Redis, under the store's prefix.
  const keys = await redis.keys(`${keyPrefix}:sendOtpPerOrder:*`);
  assert.deepEqual(keys, [`${keyPrefix}:sendOtpPerOrder:${order}`]);
});

test('in memory, the same two instances count apart', needsRedis, async () => {
  const a = await instance(limit);
  const b = await instance(limit);
  const { statuses } = await sendOtpInTurn([a, a, a, a, b]);
  assert.deepEqual(statuses, [200, 200, 200, 429, 200]);
});

test(
  'with Redis out of reach, each instance still counts, in its own memory',
  needsRedis,
  async () => {
    const unreachable = createClient({
      socket: { path: join(dir, 'nothing-here.sock'), reconnectStrategy: false },
    });
    unreachable.on('error', () => {});
    const a = await instance({ redis: unreachable, ...limit });
    const { statuses } = await sendOtpInTurn([a, a, a, a]);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  },
);

test(
  "two partner instances count one address's codes in Redis, a wrong one as 3, a right one as 1",
  needsRedis,
  async () => {
    const keyPrefix = `test-partner-${Date.now()}`;
    const rateLimit = { redis, keyPrefix, validateOtpPerClient: { points: 9, duration: 60 } };
    const instances = [];
    for (let i = 0; i < 2; i++) {
      const partner = createPaylinkPartner({
        ...MOCK_PARTNER,
        environment: 'testing',
        restBaseUrl: mock.origin,
        rateLimit,
      });
      const server = await serveNode(toNodeHandler(partner.handler));
      servers.push(server);
      instances.push({ partner, origin: server.origin });
    }
    const guess = async ({ partner, origin }, otp) => {
      const session = await partner.checkLicense(LICENSE);
      const url = `${origin}/paylink-partner/api/partner/register/validate-otp`;
      const body = { ...session, otp, partnerProfileNo: MOCK_PARTNER.profileNo };
      return (await postJson(url, body)).status;
    };
    const [a, b] = instances;
    // 3 right (3 points), 2 wrong (6 points): 9; the next costs 3 more, over the limit.
    const statuses = [
      await guess(a, PARTNER_OTPS.success),
      await guess(b, PARTNER_OTPS.success),
      await guess(a, PARTNER_OTPS.success),
      await guess(b, PARTNER_OTPS.wrong),
      await guess(a, PARTNER_OTPS.wrong),
      await guess(b, PARTNER_OTPS.success),
    ];
    assert.deepEqual(statuses, [200, 200, 200, 400, 400, 429]);
    assert.deepEqual(await redis.keys(`${keyPrefix}:partner-validateOtpPerClient:*`), [
      `${keyPrefix}:partner-validateOtpPerClient:127.0.0.1`,
    ]);
  },
);

/** A kit whose ledger lives in Redis under `keyPrefix`, and the name of its open index. */
function ledgerOnRedis(keyPrefix, options = {}) {
  const paylink = createPaylink({
    ...MOCK_CREDENTIALS,
    environment: 'testing',
    restBaseUrl: mock.origin,
    stcpayBaseUrl: mock.origin,
    redis,
    rateLimit: { keyPrefix },
    ...options,
  });
  return { paylink, index: `${keyPrefix}:ledger-open` };
}

test(
  "a paid order whose onPaid keeps failing stays in reconcile()'s work past a week untouched",
  needsRedis,
  async () => {
    let failing = true;
    const delivered = [];
    const { paylink, index } = ledgerOnRedis(`test-open-${Date.now()}`, {
      onPaid: (order) => {
        if (failing) throw new Error('the orders database is down');
        delivered.push(order.transactionNo);
      },
    });
    const { transactionNo } = await paylink.addInvoice(invoiceInput(65));
    await pay(mock.origin, transactionNo, 65);
    // Paid on Paylink's word; onPaid fails, so the order stays open.
    assert.equal((await paylink.verifyPayment(transactionNo, { amount: 65 })).paid, true);
    assert.deepEqual(await redis.zRange(index, 0, -1), [transactionNo]);

    // Nothing touches it for eight days (reconcile() not running, say): then it works again.
    const eightDaysAgo = Date.now() - 8 * 24 * 60 * 60 * 1000;
    await redis.zAdd(index, { score: eightDaysAgo, value: transactionNo });
    failing = false;
    assert.deepEqual(await paylink.reconcile(), { checked: 1, paid: 1 });
    assert.deepEqual(delivered, [transactionNo]);
    assert.deepEqual(await redis.zRange(index, 0, -1), []);
  },
);

test('an order whose entry expired leaves the open index', needsRedis, async () => {
  const { paylink, index } = ledgerOnRedis(`test-expired-${Date.now()}`);
  // What an expired entry leaves behind: its order in the index, its key gone.
  await redis.zAdd(index, { score: Date.now() - 1000, value: '1000000000042' });
  assert.deepEqual(await paylink.reconcile(), { checked: 0, paid: 0 });
  assert.deepEqual(await redis.zRange(index, 0, -1), []);
});
