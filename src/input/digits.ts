/** Reading digits the way customers type and paste them. Pure, no DOM. */

/** Characters people type or paste between digits: spaces, dashes, dots, brackets, bidi marks. */
const SEPARATORS = /[\s\-–.()\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces Arabic-Indic (٠-٩) and Persian (۰-۹) digits with ASCII ones. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

/** ASCII digits, with separators removed: `"٠٥٥ ١٢٣-٤"` → `"0551234"`. Other characters stay. */
export function cleanDigits(text: string): string {
  return toAsciiDigits(text).replace(SEPARATORS, '');
}
