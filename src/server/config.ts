/**
 * The options every client of the kit shares, checked once when it is created: which of
 * Paylink's environments, or which base URLs instead (a local mock, a test double), which
 * `fetch`, and how long a call may take. Messages name the option, never its value.
 */
import { misconfigured } from './errors.js';
import { DEFAULT_TIMEOUT_MS, type Fetch } from './http.js';
import type { Environment } from '../core/paylink-api.js';

export { REST_ORIGINS, STCPAY_ORIGINS, type Environment } from '../core/paylink-api.js';

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

export function checkPositive(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw misconfigured(option, 'must be a positive number');
  return value;
}
