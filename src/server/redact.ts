/**
 * Keeping credentials and tokens out of what leaves the kit: Paylink's answers passed on to a
 * browser, and error messages. Secrets are looked for in decoded text, not in the raw bytes: a
 * JSON answer is parsed and every string in it (keys too) is searched, each also with its JSON,
 * URL and HTML escapes undone. A string is caught by a whole secret and by any run of one long
 * enough to matter (a token's prefix, a key cut short): 16 characters, or half of a shorter
 * secret (at least 8; a secret of 8 or fewer only whole). Pure functions, no I/O.
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are left alone: they would blank out ordinary words. */
const SHORTEST_SECRET = 4;
/** A run of a long secret this long, found anywhere, counts as the secret. */
const LONGEST_RUN = 16;
/** A secret this short counts only whole; a longer one by runs of half its length, at least 8. */
const SHORTEST_RUN = 8;
/** How many rounds of escapes are undone (an escape inside an escaped string, …). */
const ROUNDS = 3;

/** The runs to look for, by their length: the fragments of every secret. */
type Fragments = Map<number, Set<string>>;

/**
 * The runs of `secret` that give it away: every run of its run length, except those inside the
 * first segment of a JWT (its header, the same in every token Paylink issues, so telling
 * nothing).
 */
function fragmentsOf(secret: string, into: Fragments): void {
  if (secret.length < SHORTEST_SECRET) return;
  const size =
    secret.length <= SHORTEST_RUN
      ? secret.length
      : Math.max(SHORTEST_RUN, Math.min(LONGEST_RUN, Math.ceil(secret.length / 2)));
  const header = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(secret) ? secret.indexOf('.') : 0;
  const runs = into.get(size) ?? new Set<string>();
  for (let start = 0; start + size <= secret.length; start++)
    if (start + size > header) runs.add(secret.slice(start, start + size));
  into.set(size, runs);
}

function fragments(secrets: Iterable<string | undefined>): Fragments {
  const found: Fragments = new Map();
  for (const secret of secrets) if (secret) fragmentsOf(secret, found);
  return found;
}

/** Whether `text` holds a run of a secret, as it is. */
function holds(text: string, found: Fragments): boolean {
  for (const [size, runs] of found)
    for (let start = 0; start + size <= text.length; start++)
      if (runs.has(text.slice(start, start + size))) return true;
  return false;
}

/** `text` and what it reads as with its escapes undone, up to ROUNDS times over. */
function readings(text: string): string[] {
  const seen = [text];
  let current = text;
  for (let round = 0; round < ROUNDS; round++) {
    const next = unescape(current);
    if (next === current) break;
    seen.push(next);
    current = next;
  }
  return seen;
}

/** One round of JSON (`\u002e`, `\/`), URL (`%2E`) and HTML (`&#46;`, `&#x2e;`) escapes undone. */
function unescape(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\([\\/"'])/g, '$1')
    .replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#[xX]([0-9a-fA-F]{1,6});?/g, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});?/g, (_, digits: string) => codePoint(Number(digits)));
}

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

function leaks(text: string, found: Fragments): boolean {
  return readings(text).some((reading) => holds(reading, found));
}

function redactWith(text: string, found: Fragments): string {
  if (found.size === 0 || !leaks(text, found)) return text;
  // Word by word, so what Paylink said around a secret stays readable; the whole text when the
  // secret spans words.
  const out = text.replace(/\S+/g, (word) => (leaks(word, found) ? REDACTED : word));
  return leaks(out, found) ? REDACTED : out;
}

/**
 * `text` with every word that holds a secret, a long enough run of one, or an escaped form of
 * either replaced by `[redacted]`.
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  return redactWith(text, fragments(secrets));
}

/**
 * A parsed JSON value with every string in it, at any depth and object keys included, redacted
 * as `redact` does. Numbers, booleans and null pass as they are.
 */
export function redactJson(value: unknown, secrets: Iterable<string | undefined>): unknown {
  const found = fragments(secrets);
  if (found.size === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return redactWith(item, found);
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object' && item !== null)
      return Object.fromEntries(
        Object.entries(item).map(([key, inner]) => [redactWith(key, found), walk(inner)]),
      );
    return item;
  };
  return walk(value);
}
