// What a page downloads of the built files, shared by `npm run size` and `npm run bench`: a
// file's compressed sizes, and the files a module brings with it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Bytes as shipped, then gzip -9 and brotli -q 11 (Node's zlib). */
export const compressed = (content) => ({
  raw: content.length,
  gzip: gzipSync(content, { level: 9 }).length,
  brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** The bytes of files downloaded one by one: each compressed on its own, then added up. */
export const filesBytes = (paths) =>
  paths
    .map((path) => compressed(readFileSync(path)))
    .reduce((sum, each) => ({
      raw: sum.raw + each.raw,
      gzip: sum.gzip + each.gzip,
      brotli: sum.brotli + each.brotli,
    }));

/**
 * The relative files a built module names: statically (`import ... from "./x.js"`,
 * `import "./x.js"`, `export ... from "./x.js"`) and with a literal `import("./x.js")`.
 */
function importsOf(code) {
  const named = (pattern) => [...code.matchAll(pattern)].map((match) => match[1]);
  return {
    imports: named(
      /(?<![\w$.])(?:import|export)\s*(?:[^'"`()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    ),
    dynamicImports: named(/(?<![\w$.])import\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g),
  };
}

/**
 * `path` and the files it brings, in the order first met: those it imports statically, and
 * theirs; with `dynamic`, also those it loads later with `import()`.
 */
export function reached(path, { dynamic = false } = {}, found = []) {
  if (found.includes(path)) return found;
  found.push(path);
  const { imports, dynamicImports } = importsOf(readFileSync(path, 'utf8'));
  for (const name of dynamic ? [...imports, ...dynamicImports] : imports)
    reached(join(dirname(path), name), { dynamic }, found);
  return found;
}
