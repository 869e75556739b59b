/**
 * Every message of both elements, in English and Arabic, each on its own: it is there, it says
 * what test/helpers/shopper-words.ts writes out, and the Arabic is Arabic, not the English left
 * untranslated (nor the other way round).
 */
import { expect } from '@open-wc/testing';
import { ar, en } from '../src/i18n/all.js';
import { partnerAr, partnerEn } from '../src/partner/partner-messages.js';
import { CHECKOUT_WORDS, LANGS, PARTNER_WORDS, type Lang } from './helpers/shopper-words.js';

/** Arabic letters (the Arabic block, without its digits and punctuation). */
const ARABIC_LETTER = /[\u0621-\u064a]/;

type Catalog = Record<string, unknown>;
type Row = Record<Lang, unknown>;

/** The catalog's text for one entry of a row: a string, a sample's values, or a nested key. */
function read(catalog: Catalog, key: string, entry: { args?: unknown[]; sub?: string }): unknown {
  const value = catalog[key];
  if (entry.args) return typeof value === 'function' ? value(...entry.args) : value;
  if (entry.sub !== undefined) return (value as Record<string, unknown> | undefined)?.[entry.sub];
  return value;
}

/** Each thing a row expects, named: the string, each sample, or each nested key. */
function entriesOf(
  expected: unknown,
): Array<{ name: string; args?: unknown[]; sub?: string; text: string }> {
  if (typeof expected === 'string') return [{ name: '', text: expected }];
  if (Array.isArray(expected))
    return (expected as Array<[unknown[], string]>).map(([args, text]) => ({
      name: `(${JSON.stringify(args).slice(1, -1)})`,
      args,
      text,
    }));
  return Object.entries(expected as Record<string, string>).map(([sub, text]) => ({
    name: `.${sub}`,
    sub,
    text,
  }));
}

const kindOf = (expected: unknown) =>
  typeof expected === 'string' ? 'string' : Array.isArray(expected) ? 'function' : 'object';

function checkCatalogs(
  what: string,
  catalogs: Record<Lang, Catalog>,
  table: Record<string, Row>,
): void {
  describe(what, () => {
    for (const lang of LANGS)
      it(`${lang} has exactly the keys the words are written for`, () => {
        expect(Object.keys(catalogs[lang]).sort()).to.deep.equal(Object.keys(table).sort());
      });

    for (const [key, row] of Object.entries(table))
      describe(key, () => {
        for (const lang of LANGS) {
          const expected = row[lang];
          it(`${lang}: is a ${kindOf(expected)}`, () => {
            expect(typeof catalogs[lang][key]).to.equal(kindOf(expected));
          });
          const entries = entriesOf(expected);
          if (kindOf(expected) === 'object')
            it(`${lang}: has exactly the keys ${entries.map((e) => e.sub).join(', ')}`, () => {
              expect(Object.keys(catalogs[lang][key] as object).sort()).to.deep.equal(
                entries.map((e) => e.sub).sort(),
              );
            });
          for (const entry of entries)
            it(`${lang}${entry.name}: reads as written`, () => {
              expect(read(catalogs[lang], key, entry)).to.equal(entry.text);
            });
        }

        // Same values in, so that only the language can differ.
        for (const entry of entriesOf(row.en))
          it(`${entry.name || 'the string'}: Arabic words in ar, none in en, and not the same text`, () => {
            const english = String(read(catalogs.en, key, entry));
            const arabic = String(read(catalogs.ar, key, entry));
            expect(arabic, 'ar').to.match(ARABIC_LETTER);
            expect(english, 'en').not.to.match(ARABIC_LETTER);
            expect(arabic).not.to.equal(english);
          });
      });
  });
}

describe('the words shown', () => {
  checkCatalogs(
    'the checkout (en.ts, ar.ts)',
    { en: en as unknown as Catalog, ar: ar as unknown as Catalog },
    CHECKOUT_WORDS as unknown as Record<string, Row>,
  );
  checkCatalogs(
    'the partner element (partner-messages.ts)',
    { en: partnerEn as unknown as Catalog, ar: partnerAr as unknown as Catalog },
    PARTNER_WORDS as unknown as Record<string, Row>,
  );
});
