/**
 * Limits that hold across servers, by rate-limiter-flexible: counters in this process's memory
 * by default, or in Redis when the store passes its client (node-redis 4+ or ioredis), so that
 * every instance of the store counts against the same limit. If Redis fails, each instance
 * falls back to its own memory counters until it is back.
 */
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterRedis from 'rate-limiter-flexible/lib/RateLimiterRedis.js';
import { misconfigured } from './errors.js';

/** At most `points` requests in `duration` seconds. */
export interface Limit {
  points: number;
  duration: number;
}

export interface LimitStore {
  /**
   * A connected Redis client: node-redis (`createClient()` from `redis`, v4 or later) or
   * ioredis. The store owns it: connects, and quits it on shutdown.
   */
  redis?: unknown;
  /** Starts every key in Redis; instances that share a limit share the prefix. */
  keyPrefix?: string;
}

export type Consumed = { ok: true } | { ok: false; retryAfter: number };

export interface Limiter {
  /**
   * Counts a request for `key`, as `points` (default 1); says whether it is within the limit,
   * or how long to wait.
   */
  consume(key: string, points?: number): Promise<Consumed>;
  /** Gives `points` back to `key`, for a request that turned out to cost less than counted. */
  giveBack(key: string, points: number): Promise<void>;
}

export function checkLimit(option: string, value: unknown, fallback: Limit): Limit {
  if (value === undefined) return fallback;
  const { points, duration } = (value ?? {}) as Partial<Limit>;
  if (!Number.isInteger(points) || points! < 1 || !Number.isInteger(duration) || duration! < 1)
    throw misconfigured(
      option,
      'must be {points, duration}: whole numbers, at least 1 (duration in seconds)',
    );
  return { points: points!, duration: duration! };
}

export function checkStore(value: unknown): LimitStore {
  if (value === undefined) return {};
  const { redis, keyPrefix } = value as LimitStore;
  if (redis !== undefined && (typeof redis !== 'object' || redis === null))
    throw misconfigured('rateLimit.redis', 'must be a Redis client (redis or ioredis)');
  if (
    keyPrefix !== undefined &&
    (typeof keyPrefix !== 'string' || !/^[\w:.-]{1,100}$/.test(keyPrefix))
  )
    throw misconfigured('rateLimit.keyPrefix', 'must be letters, digits, ":", ".", "-" or "_"');
  return { redis, keyPrefix };
}

/** A limiter named `name` (part of its keys) for `limit`, in `store`. */
export function createLimiter(name: string, limit: Limit, store: LimitStore): Limiter {
  const keyPrefix = `${store.keyPrefix ?? 'stcpay-otp'}:${name}`;
  const memory = new RateLimiterMemory({ keyPrefix, ...limit });
  const limiter = store.redis
    ? new RateLimiterRedis({
        storeClient: store.redis,
        keyPrefix,
        ...limit,
        // ioredis has defineCommand; node-redis 4+ needs its own calling convention.
        useRedisPackage:
          typeof (store.redis as { defineCommand?: unknown }).defineCommand !== 'function',
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
        return { ok: true };
      } catch (refusal) {
        if (refusal instanceof Error) throw refusal;
        const wait = (refusal as { msBeforeNext?: number }).msBeforeNext ?? limit.duration * 1000;
        return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
      }
    },
    async giveBack(key, points) {
      await limiter.reward(key, points);
    },
  };
}
