/**
 * The options every client of the kit shares, checked once when it is created: which of
 * Paylink's environments, or which base URLs instead (a local mock, a test double), which
 * `fetch`, and how long a call may take. Messages name the option, never its value.
 */
import type { ClientAddress } from './client-address.js';
import { misconfigured } from './errors.js';
import { DEFAULT_TIMEOUT_MS, type Fetch } from './http.js';
import { REST_ORIGINS, type Environment } from '../core/paylink-api.js';
import {
  checkLimit,
  checkStore,
  createLimiter,
  type Limit,
  type LimitStore,
  type Limiter,
} from './rate-limit.js';

export { STCPAY_ORIGINS, type Environment } from '../core/paylink-api.js';

/** The options createPaylink and createPaylinkPartner share. */
export interface ServerOptions {
  /** Paylink's `production` hosts, or its `testing` ("pilot") ones. */
  environment: Environment;
  /** Replaces the REST host (auth, invoices, registration): a local mock, a test double. */
  restBaseUrl?: string;
  /** The `fetch` to call Paylink with. Default: the platform's. */
  fetch?: Fetch;
  /** Milliseconds a call to Paylink may take. Default 20000. */
  timeout?: number;
  /**
   * The path `handler` is mounted at, as the browser sees it: the element's `base-url` names
   * the same. The handler reads the full URL of each request.
   */
  prefix?: string;
  /**
   * Other origins whose pages may call the handler (CORS). Default none: the handler is for the
   * store's own origin, and sends no CORS headers.
   */
  allowedOrigins?: readonly string[];
  /**
   * The request header that holds the client's address, as the store's own proxy or platform
   * sets it (`x-real-ip`, `cf-connecting-ip`, `x-forwarded-for`: its last entry is used).
   * Default: the connection's address, which toNodeHandler passes; without either, every
   * client shares one per-client limit.
   */
  clientAddressHeader?: string;
  /**
   * The client's address, read by the store's own rule (`CF-Connecting-IP` on Cloudflare,
   * `x-real-ip` on Vercel, …); what it returns is used before `clientAddressHeader` and the
   * adapter's address. IPv6 addresses are counted per /64.
   */
  clientAddress?: ClientAddress;
  /** The largest request body the handler reads. Default 4096 bytes. */
  maxBodyBytes?: number;
  /** Milliseconds a request body may take to arrive whole; then 408. Default 10000. */
  bodyTimeout?: number;
  /** The handler's limits, and where they are counted (memory, or the store's Redis). */
  rateLimit?: LimitStore;
}

/** The shared options, checked, with every default filled in. */
export interface CheckedServerOptions<Limits extends string> {
  environment: Environment;
  rest: string;
  fetch: Fetch;
  timeout: number;
  /** What the handler takes of them: where it is mounted, who may call it, what it reads. */
  handler: {
    prefix: string;
    allowedOrigins: readonly string[];
    clientAddressHeader?: string;
    clientAddress?: ClientAddress;
    maxBodyBytes: number;
    bodyTimeout: number;
  };
  /** One limiter a name of `defaults`, at the limit the options set or the default one. */
  limiters: { [name in Limits]: Limiter };
}

/** The options argument itself: an object, before any of its fields is read. */
export function checkOptionsObject(options: unknown): void {
  if (typeof options !== 'object' || options === null)
    throw misconfigured('options', 'must be an object');
}

/**
 * Checks the options both clients share, in the order a reader meets them, the limits last;
 * `prefix` defaults to `defaultPrefix`, and each limit of `defaults` is counted under
 * `keyPrefix` + its name. The caller checks its credentials first.
 */
export function checkServerOptions<Limits extends string>(
  options: ServerOptions,
  defaultPrefix: string,
  defaults: { [name in Limits]: Limit },
  keyPrefix = '',
): CheckedServerOptions<Limits> {
  checkOptionsObject(options);
  const environment = checkEnvironment(options.environment);
  const checked = {
    environment,
    rest: baseUrl('restBaseUrl', options.restBaseUrl, REST_ORIGINS[environment]),
    fetch: checkFetch(options.fetch),
    timeout: checkTimeout(options.timeout),
    handler: {
      prefix: checkPrefix(options.prefix, defaultPrefix),
      allowedOrigins: checkOrigins(options.allowedOrigins),
      clientAddressHeader: checkHeaderName(options.clientAddressHeader),
      clientAddress: checkFunction('clientAddress', options.clientAddress),
      maxBodyBytes: checkPositive('maxBodyBytes', options.maxBodyBytes, 4096),
      bodyTimeout: checkPositive('bodyTimeout', options.bodyTimeout, 10_000),
    },
  };
  const store = checkStore(options.rateLimit);
  const limiters = {} as { [name in Limits]: Limiter };
  for (const name of Object.keys(defaults) as Limits[]) {
    const given = (options.rateLimit as Record<string, unknown> | undefined)?.[name];
    const limit = checkLimit(`rateLimit.${name}`, given, defaults[name]);
    limiters[name] = createLimiter(keyPrefix + name, limit, store);
  }
  return { ...checked, limiters };
}

export function checkEnvironment(environment: unknown): Environment {
  if (environment !== 'production' && environment !== 'testing')
    throw misconfigured('environment', 'must be "production" or "testing"');
  return environment;
}

/** The base URL to call: `override` when given (http or https, no query), else the host. */
export function baseUrl(option: string, override: unknown, origin: string): string {
  if (override === undefined) return origin;
  let url: URL | undefined;
  try {
    url = typeof override === 'string' ? new URL(override) : undefined;
  } catch {
    url = undefined;
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  )
    throw misconfigured(
      option,
      'must be an http or https URL with no query, fragment or user name',
    );
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

export function checkSecret(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw misconfigured(option, 'must be a non-empty string');
  return value;
}

export function checkFetch(value: unknown): Fetch {
  if (value === undefined) {
    if (typeof globalThis.fetch !== 'function')
      throw misconfigured('fetch', 'must be given: this platform has none');
    return (input, init) => globalThis.fetch(input, init);
  }
  if (typeof value !== 'function') throw misconfigured('fetch', 'must be a function');
  return value as Fetch;
}

export function checkTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw misconfigured('timeout', 'must be a positive number of milliseconds');
  return value;
}

/** A mount path such as `/paylink`: starts with `/`, no trailing `/`; `''` for the root. */
export function checkPrefix(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^(\/[\w.~-]+)*\/?$/.test(value))
    throw misconfigured('prefix', 'must be a path such as "/paylink"');
  return value.replace(/\/+$/, '');
}

export function checkOrigins(value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    !value.every((origin) => typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin))
  )
    throw misconfigured(
      'allowedOrigins',
      'must be a list of origins such as "https://shop.example"',
    );
  return [...value];
}

export function checkHeaderName(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\w-]+$/.test(value))
    throw misconfigured('clientAddressHeader', 'must be a header name');
  return value.toLowerCase();
}

export function checkFunction<F>(option: string, value: F | undefined): F | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw misconfigured(option, 'must be a function');
  return value;
}

export function checkPositive(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw misconfigured(option, 'must be a positive number');
  return value;
}
