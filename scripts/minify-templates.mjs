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
import { transform } from 'lightningcss';

const KEEPS_WHITESPACE = /<pre|<textarea|white-space/i;

export function minifyTemplates({ include = /\/src\/[^?]*\.ts$/ } = {}) {
  return {
    name: 'stcpay-otp:minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(?:html|css)`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const { quasis } = node.quasi;
        if (node.tag.name === 'css') {
          const pieces = minifyCss(
            quasis.map((q) => q.value.cooked),
            id,
          );
          if (pieces) quasis.forEach((quasi, i) => edits.push([quasi.start, quasi.end, pieces[i]]));
        } else if (
          node.tag.name === 'html' &&
          !quasis.some((q) => KEEPS_WHITESPACE.test(q.value.raw))
        ) {
          quasis.forEach((quasi, i) => {
            let text = quasi.value.raw.replace(/\s*\n\s*/g, ' ');
            if (i === 0) text = text.replace(/^ /, '');
            if (i === quasis.length - 1) text = text.replace(/ $/, '');
            edits.push([quasi.start, quasi.end, text]);
          });
        }
      });
      if (edits.length === 0) return null;
      edits.sort((a, b) => b[0] - a[0]);
      for (const [start, end, text] of edits) code = code.slice(0, start) + text + code.slice(end);
      return { code, map: null };
    },
  };
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

function walk(node, visit) {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key in node) {
    const value = node[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}
