/**
 * Where the ledger's entries live: this process's memory, or the store's Redis, shared by every
 * instance that has a client of it. A store offers one atomic step, `swap`: it writes an entry
 * only if the entry is still the one that was read, and keeps the index of the orders that
 * reconcile() still has work on.
 */
export interface LedgerStore {
  /** The entry as stored (JSON), or null. */
  read(transactionNo: string): Promise<string | null>;
  /**
   * Writes `next` for the order if it is still `expected` (null: none), for `ttlMs`; adds the
   * order to the open index or removes it. False when another write came first.
   */
  swap(
    transactionNo: string,
    expected: string | null,
    next: string,
    open: boolean,
    ttlMs: number,
  ): Promise<boolean>;
  /** Up to `limit` open orders, the longest-untouched first. */
  openOrders(limit: number): Promise<string[]>;
}

/**
 * The ledger in this process's memory: one instance of the store, or tests. Expired entries are
 * swept now and then; none is dropped before it expires (a paid one dropped early could be
 * delivered again).
 */
export function memoryStore(): LedgerStore {
  const entries = new Map<string, { value: string; expires: number }>();
  const open = new Set<string>();
  let writes = 0;
  const sweep = () => {
    const now = Date.now();
    for (const [transactionNo, entry] of entries)
      if (entry.expires <= now) {
        entries.delete(transactionNo);
        open.delete(transactionNo);
      }
  };
  const live = (transactionNo: string) => {
    const entry = entries.get(transactionNo);
    if (entry && entry.expires <= Date.now()) {
      entries.delete(transactionNo);
      open.delete(transactionNo);
      return undefined;
    }
    return entry;
  };
  return {
    async read(transactionNo) {
      return live(transactionNo)?.value ?? null;
    },
    async swap(transactionNo, expected, next, isOpen, ttlMs) {
      if ((live(transactionNo)?.value ?? null) !== expected) return false;
      if (++writes % 1000 === 0) sweep();
      entries.set(transactionNo, { value: next, expires: Date.now() + ttlMs });
      // Re-adding moves the order to the end: the longest-untouched stay first.
      open.delete(transactionNo);
      if (isOpen) open.add(transactionNo);
      return true;
    },
    async openOrders(limit) {
      return [...open].filter((transactionNo) => live(transactionNo)).slice(0, limit);
    },
  };
}

/** The commands of a Redis client the store sends: node-redis 4 and 5, or ioredis. */
type Command = (args: string[]) => Promise<unknown>;

/**
 * How to send a raw command with the store's client, or undefined for something else. A client
 * that knows it is not connected fails at once: a command it would queue could still run when
 * Redis is back, long after the kit answered that it could not be recorded.
 */
export function redisCommand(client: unknown): Command | undefined {
  const redis = client as {
    sendCommand?: (args: string[]) => Promise<unknown>;
    call?: (command: string, ...args: string[]) => Promise<unknown>;
    defineCommand?: unknown;
    /** node-redis 4 and 5. */
    isReady?: boolean;
    /** ioredis. */
    status?: string;
  };
  const notReady = () => Promise.reject(new Error('Redis is not connected'));
  if (typeof redis?.defineCommand === 'function' && typeof redis.call === 'function')
    return ([command, ...args]) =>
      redis.status !== undefined && redis.status !== 'ready'
        ? notReady()
        : redis.call!(command!, ...args);
  if (typeof redis?.sendCommand === 'function')
    return (args) => (redis.isReady === false ? notReady() : redis.sendCommand!(args));
  return undefined;
}

/**
 * KEYS: the entry, the open index. ARGV: expected ('' for none), next, ttl ms, open ('1' or
 * '0'), the order, the time (the index's score).
 */
const SWAP = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[2], ARGV[6], ARGV[5])
else
  redis.call('ZREM', KEYS[2], ARGV[5])
end
return 1
`;

/**
 * KEYS: the open index. ARGV: the entries' key prefix, the most to return. The index's first
 * orders whose entries still exist; those whose entries expired leave it. An order stays in the
 * index as long as its entry, however long untouched (a paid one not yet delivered: 400 days).
 */
const OPEN = `
local members = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
local live = {}
for _, member in ipairs(members) do
  if redis.call('EXISTS', ARGV[1] .. member) == 1 then
    live[#live + 1] = member
  else
    redis.call('ZREM', KEYS[1], member)
  end
end
return live
`;

/**
 * The ledger in Redis: one key an order (`{keyPrefix}:ledger:{transactionNo}`, expiring with the
 * entry) and a sorted set of the open ones (`{keyPrefix}:ledger-open`). The swap is one Lua
 * script, atomic across every instance.
 */
export function redisStore(client: unknown, keyPrefix: string): LedgerStore {
  const command = redisCommand(client)!;
  const entries = `${keyPrefix}:ledger:`;
  const key = (transactionNo: string) => entries + transactionNo;
  // Not under `ledger:`, where an order numbered "open" would meet it.
  const index = `${keyPrefix}:ledger-open`;
  return {
    async read(transactionNo) {
      const value = await command(['GET', key(transactionNo)]);
      return typeof value === 'string' ? value : null;
    },
    async swap(transactionNo, expected, next, open, entryTtlMs) {
      const done = await command([
        'EVAL',
        SWAP,
        '2',
        key(transactionNo),
        index,
        expected ?? '',
        next,
        String(entryTtlMs),
        open ? '1' : '0',
        transactionNo,
        String(Date.now()),
      ]);
      return Number(done) === 1;
    },
    async openOrders(limit) {
      const members = await command(['EVAL', OPEN, '1', index, entries, String(limit)]);
      return Array.isArray(members) ? members.map(String) : [];
    },
  };
}
