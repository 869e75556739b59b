// The Lit floor of `npm run bench`: the least a Lit element can ship and render, a `<p>Hello</p>`
// with a one-rule stylesheet, bundled with Lit inside by the same Vite settings as the element's
// script tag (libraryConfig, with the same banner), in memory. What <stcpay-otp> costs above it
// is the element's own code and what it renders; what it costs down to it is Lit's.
import { build } from 'vite';
import { BANNER, libraryConfig } from './build-config.mjs';

export const LIT_FLOOR_TAG = 'lit-floor';

const ENTRY = 'lit-floor.js';
const SOURCE = `import { LitElement, css, html } from 'lit';
class LitFloor extends LitElement {
  static styles = css\`p{margin:0}\`;
  render() {
    return html\`<p>Hello</p>\`;
  }
}
customElements.define('${LIT_FLOOR_TAG}', LitFloor);
`;

/** The entry is a module in memory, so nothing is written next to the project's sources. */
const inMemoryEntry = {
  name: 'bench:lit-floor-entry',
  enforce: 'pre',
  resolveId(source) {
    if (source.endsWith(ENTRY)) return `\0${ENTRY}`;
  },
  load(id) {
    if (id === `\0${ENTRY}`) return SOURCE;
  },
};

/** The Lit floor's bundle: one minified ES module, as a string. */
export async function buildLitFloor() {
  const [{ output }] = await build(
    libraryConfig({
      lib: { entry: ENTRY, formats: ['es'], fileName: () => ENTRY },
      output: { postBanner: BANNER },
      write: false,
      plugins: [inMemoryEntry],
    }),
  );
  const chunk = output.find((file) => file.type === 'chunk' && file.fileName === ENTRY);
  if (!chunk || output.some((file) => file.type === 'chunk' && file !== chunk))
    throw new Error(`the Lit floor should build to one file, ${ENTRY}`);
  return chunk.code;
}
