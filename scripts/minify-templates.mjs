// A build plugin that takes the whitespace out of Lit's `html` and `css` templates in src/.
// A minifier leaves template literals alone, since their text is data; for a Lit element that
// data is markup and CSS indented for people, and it ships in every bundle.
//
//   css`...` without `${}`  → minified by Lightning CSS (what Vite minifies CSS files with)
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
        if (node.tag.name === 'css' && quasis.length === 1) {
          const [quasi] = quasis;
          edits.push([quasi.start, quasi.end, minifyCss(quasi.value.cooked, id)]);
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

function minifyCss(source, filename) {
  const { code } = transform({ filename, code: Buffer.from(source), minify: true });
  // The result goes back between backticks: keep backslashes and backticks escaped.
  return code.toString().replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
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
