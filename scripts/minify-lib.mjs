// After tsc: the `html` and `css` templates of dist/lib/ minified as the script-tag builds have
// them (scripts/minify-templates.mjs), so an app's bundle of the npm entries does not ship markup
// and CSS indented for people. The rest of each module stays as tsc wrote it, readable.
//
// Each module's source map still points into src/: the edits' own map (magic-string) is composed
// with tsc's. tsc's map has nothing inside a template literal but where a `${}` is, so before
// composing, each line that a template's text runs on gets a mapping to its line in src/ (tsc
// copies template text as written, which is checked against the source the map carries). Then
// the markup of a minified html template still maps to the line it is written on; a minified css
// template's pieces map to where they start.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import remapping from '@jridgewell/remapping';
import { decodedMappings, originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { parse } from 'acorn';
import MagicString from 'magic-string';
import { HAS_TEMPLATES, templateEdits, walk } from './minify-templates.mjs';

const LIB = 'dist/lib';

/** Minifies the templates of the module `file`, if it has any, and composes its map. */
async function minifyModule(file) {
  const code = await readFile(file, 'utf8');
  if (!HAS_TEMPLATES.test(code)) return;
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const edits = templateEdits(ast, file);
  if (edits.length === 0) return;

  const out = new MagicString(code);
  for (const [start, end, text] of edits) {
    if (start < end) out.overwrite(start, end, text);
    else if (text) out.appendLeft(start, text);
  }
  const name = file.slice(file.lastIndexOf('/') + 1);
  const tscMap = JSON.parse(await readFile(`${file}.map`, 'utf8'));
  const editsMap = out.generateMap({ source: name, file: name, hires: true });
  const map = remapping(editsMap, (source) =>
    source === name ? withTemplateLines(tscMap, ast, code) : null,
  );
  map.file = name;
  await writeFile(file, out.toString());
  await writeFile(`${file}.map`, JSON.stringify(map));
}

/**
 * tsc's `map` of `code` (the module whose syntax tree is `ast`), with a mapping at the start of
 * each line that the text of a template literal runs on, to the same line and column of the
 * source. Only where that line reads in the source as in `code`.
 */
function withTemplateLines(map, ast, code) {
  const traced = new TraceMap(map);
  if (map.sources.length !== 1 || !map.sourcesContent?.[0]) return map;
  const mappings = decodedMappings(traced).map((line) => [...line]);
  const lines = code.split('\n');
  const sourceLines = map.sourcesContent[0].split('\n');
  walk(ast, ({ type, loc }) => {
    if (type !== 'TemplateElement' || loc.end.line === loc.start.line) return;
    // Where the text starts: the line of the backtick or of the `}` before it.
    const from = originalPositionFor(traced, loc.start);
    if (from.line === null) return;
    const count = loc.end.line - loc.start.line;
    for (let n = 1; n <= count; n++) {
      const line = loc.start.line - 1 + n; // 0-based, as in mappings
      const sourceLine = from.line - 1 + n;
      const last = n === count;
      const text = last ? lines[line].slice(0, loc.end.column) : lines[line];
      const written = sourceLines[sourceLine] ?? '';
      if (last ? !written.startsWith(text) : written !== text) return;
      // Its first character, or on the last line the `${` or backtick after the text.
      const column = text.search(/\S/) === -1 && last ? text.length : text.search(/\S/);
      if (column === -1) continue;
      const segments = mappings[line];
      const at = segments.findIndex(([generated]) => generated >= column);
      if (at !== -1 && segments[at][0] === column) continue;
      segments.splice(at === -1 ? segments.length : at, 0, [column, 0, sourceLine, column]);
    }
  });
  return { ...map, mappings };
}

const files = (await readdir(LIB, { recursive: true }))
  .filter((path) => path.endsWith('.js'))
  .map((path) => join(LIB, path));
for (const file of files) await minifyModule(file);
