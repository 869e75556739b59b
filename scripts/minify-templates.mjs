// A build plugin that takes the whitespace out of Lit's `html` and `css` templates in src/.
// A minifier leaves template literals alone, since their text is data; for a Lit element that
// data is markup and CSS indented for people, and it ships in every bundle.
//
//   css`...`                → minified by Lightning CSS (what Vite minifies CSS files with);
//                             a `${}` stands for declarations (a shared block of them) and a
//                             template of bare declarations is minified as one rule's body
//   html`...`               → every run of whitespace that contains a line break becomes one
//                             space (what the browser renders it as anyway), and the template's
//                             first and last runs go; a template containing <pre>, <textarea>
//                             or a white-space rule is left as written.
//
// templateEdits() computes those edits for a module's syntax tree; the plugin makes them in
// src/ for the script-tag builds, scripts/minify-lib.mjs in tsc's output for npm.
import { transform } from 'lightningcss';

const KEEPS_WHITESPACE = /<pre|<textarea|white-space/i;

/** Whether `code` may hold an `html` or `css` template (tsc writes a space before the backtick). */
export const HAS_TEMPLATES = /\b(?:html|css)\s*`/;

export function minifyTemplates({ include = /\/src\/[^?]*\.ts$/ } = {}) {
  return {
    name: 'stcpay-otp:minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(?:html|css)`/.test(code)) return null;
      const edits = templateEdits(this.parse(code), id);
      if (edits.length === 0) return null;
      return { code: applyEdits(code, edits), map: null };
    },
  };
}

/**
 * The edits that minify the `html` and `css` templates of a module, given its ESTree AST (with
 * `start` and `end` offsets, as acorn and Rolldown give them): `[start, end, text]` each, where
 * `text` replaces the module's code from `start` to `end`. They do not overlap. A css template
 * is replaced piece by piece (the text between its `${}`s); in an html template only the runs
 * of whitespace change, so the markup between them keeps its place in a source map.
 * `filename` names the module in a CSS error.
 */
export function templateEdits(ast, filename) {
  const edits = [];
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
    const { quasis } = node.quasi;
    if (node.tag.name === 'css') {
      const pieces = minifyCss(
        quasis.map((q) => q.value.cooked),
        filename,
      );
      if (pieces) quasis.forEach((quasi, i) => edits.push([quasi.start, quasi.end, pieces[i]]));
    } else if (
      node.tag.name === 'html' &&
      !quasis.some((q) => KEEPS_WHITESPACE.test(q.value.raw))
    ) {
      edits.push(...htmlEdits(quasis));
    }
  });
  return edits;
}

/** `code` with `edits` (from templateEdits) made. */
export function applyEdits(code, edits) {
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0]))
    code = code.slice(0, start) + text + code.slice(end);
  return code;
}

/**
 * An html template's edits: every run of whitespace that contains a line break becomes one
 * space, and the template's first and last runs go, as does a space it starts or ends with.
 */
function htmlEdits(quasis) {
  const edits = [];
  quasis.forEach((quasi, i) => {
    const { raw } = quasi.value;
    const first = i === 0;
    const last = i === quasis.length - 1;
    let head = false; // the first character is gone
    let tail = false; // the last one is
    for (const run of raw.matchAll(/\s*\n\s*/g)) {
      const starts = first && run.index === 0;
      const ends = last && run.index + run[0].length === raw.length;
      head ||= starts;
      tail ||= ends;
      edits.push([
        quasi.start + run.index,
        quasi.start + run.index + run[0].length,
        starts || ends ? '' : ' ',
      ]);
    }
    if (first && !head && raw.startsWith(' ')) {
      head = true;
      edits.push([quasi.start, quasi.start + 1, '']);
    }
    if (last && !tail && raw.endsWith(' ') && !(head && raw.length === 1))
      edits.push([quasi.end - 1, quasi.end, '']);
  });
  return edits;
}

/**
 * Minifies a css template given as its text pieces (the parts between `${}`s) and returns the
 * minified pieces, or null to leave the template as written. Each `${}` is held by a custom
 * property declaration while Lightning CSS works, since it only ever stands for declarations.
 */
function minifyCss(pieces, filename) {
  const holder = (i) => `--lit-template-part-${i}:0`;
  const joined = pieces.reduce((css, piece, i) => css + (i ? `${holder(i - 1)};` : '') + piece, '');
  const minify = (code) =>
    transform({ filename, code: Buffer.from(code), minify: true }).code.toString();
  let css;
  try {
    css = minify(joined);
  } catch {
    try {
      css = minify(`.declarations{${joined}}`).replace(/^\.declarations\{([^]*)\}$/, '$1'); // bare declarations
    } catch {
      return null;
    }
  }
  const out = css.split(/--lit-template-part-\d+:0;?/);
  if (out.length !== pieces.length) return null;
  // The result goes back between backticks: keep backslashes and backticks escaped.
  return out.map((piece) => piece.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${'));
}

/** Calls `visit` on every node of an ESTree AST, depth first. */
export function walk(node, visit) {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key in node) {
    const value = node[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}
