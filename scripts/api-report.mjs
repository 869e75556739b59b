// The public API of every entry of package.json "exports", as built: one report per entry in
// api/, read from dist/lib/'s declarations with TypeScript's own API. Each report lists what the
// entry exports, the package's own declarations those exports mention (an exported class's base
// class, a props type's helper), and the global and module augmentations the entry brings
// (HTMLElementTagNameMap, Vue's GlobalComponents, Svelte's SvelteHTMLElements), printed without
// comments or private and protected members, in a stable order. For ./custom-elements.json, the
// tags' HTML surface: attributes, events, parts, CSS properties, slots.
//
// `node scripts/api-report.mjs --write` (npm run api, after the build) writes api/;
// test/node/api.test.mjs fails while the built API differs from what api/ holds.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const API_DIR = join(ROOT, 'api');
const LIB = join(ROOT, 'dist', 'lib');

/** package.json "exports" as [import specifier, report file name, target]. */
export function entries() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => {
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      const name = subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-');
      return { specifier, file: `${name}.api.md`, target };
    });
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/**
 * A declaration as a reader of the API sees it: no comments, and no private or protected members
 * (subclassing the elements is not part of the API), with `declare` where it is a value.
 */
function print(node) {
  if (ts.isVariableDeclaration(node)) node = node.parent.parent;
  const source = node.getSourceFile();
  if (ts.isClassDeclaration(node))
    node = ts.factory.updateClassDeclaration(
      node,
      node.modifiers,
      node.name,
      node.typeParameters,
      node.heritageClauses,
      visibleMembers(node),
    );
  const text = printer.printNode(ts.EmitHint.Unspecified, node, source);
  const bare = text.replace(/^(export\s+)?(default\s+)?(declare\s+)?/, '');
  const value = !(ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node));
  return value ? `declare ${bare}` : bare;
}

const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected;
const visibleMembers = (node) =>
  node.members.filter(
    (m) =>
      !(m.name && ts.isPrivateIdentifier(m.name)) && !(ts.getCombinedModifierFlags(m) & hidden),
  );

/** What of a declaration the report shows: a class without its hidden members. */
const shown = (node) =>
  ts.isClassDeclaration(node)
    ? [...(node.typeParameters ?? []), ...(node.heritageClauses ?? []), ...visibleMembers(node)]
    : [node];

/** The package's own declaration files that `file` imports, itself included. */
function reachable(program, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = program.getSourceFile(file);
  const visit = (node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
        ? node.moduleSpecifier
        : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
          ? node.argument.literal
          : undefined;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      const target = join(dirname(file), specifier.text.replace(/\.js$/, '.d.ts'));
      if (program.getSourceFile(target)) reachable(program, target, seen);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return seen;
}

const isOwn = (file) => file.startsWith(LIB + '/');

/** The package's own top-level declarations that `node` names in a type or a heritage clause. */
function referenced(checker, node, found) {
  const visit = (n) => {
    const name = ts.isTypeReferenceNode(n)
      ? n.typeName
      : ts.isExpressionWithTypeArguments(n)
        ? n.expression
        : ts.isTypeQueryNode(n)
          ? n.exprName
          : undefined;
    if (name) {
      const leftmost = (x) => (ts.isQualifiedName(x) ? leftmost(x.left) : x);
      let symbol = checker.getSymbolAtLocation(ts.isQualifiedName(name) ? leftmost(name) : name);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const own = symbol?.declarations?.filter(
        (d) =>
          isOwn(d.getSourceFile().fileName) &&
          (ts.isSourceFile(d.parent) ||
            ts.isModuleBlock(d.parent) ||
            (ts.isVariableDeclarationList(d.parent) && ts.isSourceFile(d.parent.parent.parent))),
      );
      if (own?.length && !(symbol.flags & ts.SymbolFlags.TypeParameter)) found.add(symbol);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** One entry's report, as Markdown with one TypeScript block. */
function typesReport(program, checker, { specifier, target }) {
  const file = join(ROOT, target.types);
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${target.types} is not built: run npm run build first`);
  const exported = new Map(); // symbol -> export names
  const moduleSymbol = checker.getSymbolAtLocation(source);
  for (const symbol of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    const actual = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    exported.set(actual, [...(exported.get(actual) ?? []), symbol.name]);
  }
  const augmentations = [...reachable(program, file)].flatMap((f) =>
    program
      .getSourceFile(f)
      .statements.filter(
        (s) =>
          ts.isModuleDeclaration(s) &&
          (s.flags & ts.NodeFlags.GlobalAugmentation || ts.isStringLiteral(s.name)),
      ),
  );

  // What the exports and augmentations name, followed until nothing new turns up.
  const mentioned = new Set();
  const queue = [...exported.keys(), ...augmentations];
  const followed = new Set();
  while (queue.length) {
    const item = queue.pop();
    if (followed.has(item)) continue;
    followed.add(item);
    const found = new Set();
    for (const node of item.declarations ?? [item])
      for (const part of shown(node)) referenced(checker, part, found);
    for (const symbol of found)
      if (!exported.has(symbol)) {
        mentioned.add(symbol);
        queue.push(symbol);
      }
  }

  const declarations = (symbol) =>
    (symbol.declarations ?? []).filter((d) => isOwn(d.getSourceFile().fileName)).map(print);
  const blocks = [];
  const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  for (const [name, symbol] of [...exported]
    .flatMap(([s, names]) => names.map((n) => [n, s]))
    .sort(byName)) {
    const own = declarations(symbol);
    if (own.length === 0) {
      blocks.push(`export { ${symbol.name} as ${name} } from '${moduleOf(symbol)}';`);
      continue;
    }
    const renamed = name !== symbol.name ? `\nexport { ${symbol.name} as ${name} };` : '';
    blocks.push(own.map((d) => `export ${d}`).join('\n') + renamed);
  }
  const lines = [
    `# ${specifier}`,
    '',
    `The public API of \`${specifier}\` as built: \`npm run api\` writes it.`,
    '',
  ];
  const section = (title, texts) => {
    if (texts.length === 0) return;
    lines.push(`## ${title}`, '', '```ts', texts.join('\n\n'), '```', '');
  };
  section('Exports', blocks);
  section(
    'Named by the exports, not exported',
    [...mentioned]
      .map((s) => [s.name, declarations(s).join('\n')])
      .sort(byName)
      .map(([, text]) => text),
  );
  section('Augmentations', augmentations.map(print).sort());
  return lines.join('\n').trimEnd() + '\n';
}

/** Where a symbol from another package is declared, for a re-export's line. */
function moduleOf(symbol) {
  const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? '?';
  const match = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return match ? match[1] : relative(ROOT, file);
}

/** The HTML surface of each tag in the custom elements manifest. */
function manifestReport({ specifier, target }) {
  const manifest = JSON.parse(readFileSync(join(ROOT, target), 'utf8'));
  const lines = [
    `# ${specifier}`,
    '',
    `The tags' HTML surface as built: \`npm run api\` writes it.`,
    '',
  ];
  const tags = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => (a.tagName < b.tagName ? -1 : 1));
  const type = (x) => x.type?.text ?? '';
  for (const tag of tags) {
    lines.push(`## <${tag.tagName}>`, '', `class \`${tag.name}\``, '');
    const list = (title, items) => {
      if (!items?.length) return;
      lines.push(`### ${title}`, '', ...items.sort(), '');
    };
    list(
      'Attributes',
      tag.attributes?.map(
        (a) => `- \`${a.name}\`${a.fieldName ? ` (\`${a.fieldName}\`)` : ''}: \`${type(a)}\``,
      ),
    );
    list(
      'Properties',
      tag.members
        ?.filter((m) => m.kind === 'field' && !m.static && !m.privacy)
        .map((m) => `- \`${m.name}\`${m.readonly ? ' (read-only)' : ''}: \`${type(m)}\``),
    );
    list(
      'Methods',
      tag.members
        ?.filter((m) => m.kind === 'method' && !m.privacy)
        .map(
          (m) =>
            `- ${m.static ? 'static ' : ''}\`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default ? '?' : ''}${p.type ? `: ${type(p)}` : ''}`).join(', ')})\`: \`${m.return?.type?.text ?? 'void'}\``,
        ),
    );
    list(
      'Events',
      tag.events?.map((e) => `- \`${e.name}\`: \`${type(e)}\``),
    );
    list(
      'CSS parts',
      tag.cssParts?.map((p) => `- \`${p.name}\``),
    );
    list(
      'CSS custom properties',
      tag.cssProperties?.map((p) => `- \`${p.name}\``),
    );
    list(
      'Slots',
      tag.slots?.map((s) => `- \`${s.name || '(default)'}\``),
    );
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** Every report, by file name, from what dist/lib/ and custom-elements.json hold now. */
export function buildReports() {
  const all = entries();
  const typed = all.filter((e) => typeof e.target === 'object' && e.target.types);
  const program = ts.createProgram(
    typed.map((e) => join(ROOT, e.target.types)),
    {
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    },
  );
  const checker = program.getTypeChecker();
  const reports = new Map();
  for (const entry of all) {
    if (entry.target === `./custom-elements.json`) reports.set(entry.file, manifestReport(entry));
    else if (typeof entry.target === 'object' && entry.target.types)
      reports.set(entry.file, typesReport(program, checker, entry));
    else
      throw new Error(
        `package.json exports ${entry.specifier} has no report: say how to read it here`,
      );
  }
  return reports;
}

/** The reports api/ holds now, by file name. */
export function readReports() {
  if (!existsSync(API_DIR)) return new Map();
  return new Map(
    readdirSync(API_DIR)
      .filter((f) => f.endsWith('.api.md'))
      .map((f) => [f, readFileSync(join(API_DIR, f), 'utf8')]),
  );
}

/** A unified diff of two texts, line by line, with three lines of context. */
export function diff(before, after, name) {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence, from the end.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push([' ', a[i++], i, j++]);
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push(['-', a[i++], i, j]);
    else ops.push(['+', b[j++], i, j]);
  }
  const out = [`--- api/${name} (checked in)`, `+++ api/${name} (built now)`];
  const changed = ops.map((op, k) => (op[0] !== ' ' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - 3);
    let end = changed[k];
    while (k < changed.length && changed[k] <= end + 6) end = changed[k++];
    end = Math.min(ops.length - 1, end + 3);
    out.push(`@@ line ${ops[start][2] + (ops[start][0] === '+' ? 1 : 0)} @@`);
    for (let x = start; x <= end; x++) out.push(`${ops[x][0]}${ops[x][1]}`);
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reports = buildReports();
  if (process.argv.includes('--write')) {
    rmSync(API_DIR, { recursive: true, force: true });
    mkdirSync(API_DIR);
    for (const [file, text] of reports) writeFileSync(join(API_DIR, file), text);
    console.log(`api/: ${[...reports.keys()].join(', ')}`);
  } else {
    for (const text of reports.values()) console.log(text);
  }
}
