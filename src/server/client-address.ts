/**
 * Who a request comes from, for per-client limits: the store's own function, else the header
 * its proxy sets, else what the adapter knows. Counted by address for IPv4, and by /64 network
 * for IPv6, where one customer's line holds the whole /64 and picks a new address at will. Pure.
 */
import type { HandlerContext } from './proxy/context.js';

/** A store's way to read the client's address: `CF-Connecting-IP`, `x-real-ip`, … */
export type ClientAddress = (request: Request, context: HandlerContext) => string | undefined;

export interface ClientAddressOptions {
  clientAddress?: ClientAddress;
  clientAddressHeader?: string;
}

/** The key a request's client is counted under. */
export function clientOf(
  request: Request,
  { clientAddress, clientAddressHeader }: ClientAddressOptions,
  context: HandlerContext,
): string {
  const given = clientAddress?.(request, context);
  const header = clientAddressHeader ? request.headers.get(clientAddressHeader) : null;
  // The last entry of a list (x-forwarded-for): the one the nearest proxy added.
  const last = header?.split(',').pop()?.trim();
  return clientKey((typeof given === 'string' && given.trim()) || last || context.clientAddress);
}

/**
 * `address` as a counting key: an IPv4 address as it is (also when written IPv4-mapped, as
 * Node reports it on a dual-stack socket), an IPv6 address as its /64 network, anything else
 * (a name, `unknown`) as it is, lower-cased.
 */
export function clientKey(address: string | undefined): string {
  const value = address
    ?.trim()
    .toLowerCase()
    .replace(/^\[|\](:\d+)?$/g, '')
    .replace(/%.*$/, '');
  if (!value) return 'unknown';
  const mapped = /^(?:0{0,4}:){0,5}ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value.replace(/^::/, ':'));
  if (mapped) return mapped[1]!;
  // An IPv4 address, with the port some proxies add ("203.0.113.7:51234") left off.
  const ipv4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(value);
  if (ipv4) return ipv4[1]!;
  const groups = ipv6Groups(value);
  if (!groups) return value;
  // IPv4-mapped in hex (::ffff:7f00:1): the IPv4 address it maps.
  if (
    groups.slice(0, 5).every((g) => g === '0') &&
    groups[5] === 'ffff' &&
    !groups[6]!.includes('.')
  )
    return [groups[6]!, groups[7]!]
      .flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255])
      .join('.');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros; null if it is not one. */
function ipv6Groups(value: string): string[] | null {
  if (!/^[0-9a-f:.]+$/.test(value) || !value.includes(':')) return null;
  const halves = value.split('::');
  if (halves.length > 2) return null;
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : [];
  // An embedded IPv4 tail counts as two groups.
  const last = (tail.length ? tail : head).at(-1);
  const ipv4 = last !== undefined && last.includes('.') ? 1 : 0;
  const missing = 8 - head.length - tail.length - ipv4;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.slice(0, 4).every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')));
}
