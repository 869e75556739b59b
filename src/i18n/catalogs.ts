/** The built-in languages, and how a `lang` value picks one. Pure, no DOM. */
import { arabic } from './ar.js';
import { english } from './en.js';
import type { Catalog, CodeMessages, Messages } from './messages.js';

/** The built-in languages, by primary language subtag. */
const CATALOGS: Readonly<Record<string, Catalog>> = { en: english, ar: arabic };

/** `"ar-SA"` → `"ar"`; a language without a catalog → `"en"`. */
export function catalogLang(lang: string): string {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  // Rendering must work where Object.hasOwn is missing (Safari before 15.4), so not that.
  return Object.prototype.hasOwnProperty.call(CATALOGS, primary) ? primary : 'en';
}

/** The catalog a `lang` value speaks: its own, or English. */
export function catalogFor(lang: string): Catalog {
  return CATALOGS[catalogLang(lang)];
}

/**
 * The language's messages: its number step's, then `more` (the code step's, by language, once
 * loaded), then `overrides` on top. Typed whole: the code step's keys are there whenever the
 * code step renders, since it brings them.
 */
export function messagesFor(
  lang: string,
  overrides: Partial<Messages> = {},
  more: Readonly<Record<string, CodeMessages>> = {},
): Messages {
  return { ...catalogFor(lang).messages, ...more[catalogLang(lang)], ...overrides } as Messages;
}
