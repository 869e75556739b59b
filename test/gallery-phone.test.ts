/**
 * Every state of the gallery (index.html) on a phone, in each engine the tests run in: a page
 * 360 × 740 CSS px (a common Android size; an iPhone SE is 375 wide), with a touch screen where
 * the engine's driver can emulate one. The element must not overflow sideways, every control
 * must be a touch target of at least 44 × 44 CSS px (WCAG 2.5.5, Apple's guideline), and each
 * field must ask for the right on-screen keyboard.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ar, en } from '../src/i18n/all.js';
import { until } from './helpers/mock.js';

const WIDTH = 360;
const HEIGHT = 740;
const MIN_TARGET = 44;

/** The gallery's cards, and what each one's element shows once the page has set it up. */
const CARDS: ReadonlyArray<{ id: string; ready: string }> = [
  { id: 'default', ready: '[part="mobile"]' },
  { id: 'dark', ready: '[part="mobile"]' },
  { id: 'themed', ready: '[part="mobile"]' },
  { id: 'arabic', ready: '[part="mobile"]' },
  { id: 'disabled', ready: '[part="mobile"]' },
  { id: 'error', ready: '[part="error"]:not(:empty)' },
  { id: 'unreachable', ready: '[part="error"]:not(:empty)' },
  { id: 'sent', ready: '[part="status"]:not(:empty)' },
  { id: 'code', ready: '[part~="otp"]' },
  { id: 'code-arabic', ready: '[part~="otp"][aria-invalid="true"]' },
];

/** What each field must tell the on-screen keyboard. */
const KEYBOARD: Record<string, Record<string, string>> = {
  mobile: { type: 'tel', inputmode: 'numeric', autocomplete: 'tel-national', enterkeyhint: 'send' },
  otp: { inputmode: 'numeric', autocomplete: 'one-time-code', enterkeyhint: 'done' },
};

let frame: HTMLIFrameElement;
let touch: boolean;

const elementOf = (id: string) =>
  frame.contentDocument!.querySelector(`section#${id} stcpay-otp`) as HTMLElement;

/** What a customer sees and can touch: rendered, not hidden, not the visually hidden text. */
function visibleIn(root: ShadowRoot, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((node) => {
    const rect = node.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && !node.closest('.visually-hidden');
  });
}

const describeNode = (node: Element) =>
  `${node.localName}[part="${node.getAttribute('part')}"] "${(node.textContent ?? '').trim().slice(0, 30)}"`;

describe(`the gallery on a phone (${WIDTH}×${HEIGHT})`, () => {
  before(async () => {
    touch = (await executeServerCommand('emulate-touch', { enabled: true })) as boolean;
    frame = document.createElement('iframe');
    frame.style.cssText = `width: ${WIDTH}px; height: ${HEIGHT}px; border: 0; display: block`;
    const loaded = oneEvent(frame, 'load');
    frame.src = '/index.html';
    document.body.append(frame);
    await loaded;
    await until(() => frame.contentWindow!.customElements.get('stcpay-otp') !== undefined, 10000);
    for (const { id, ready } of CARDS)
      await until(() => elementOf(id)?.shadowRoot?.querySelector(ready) != null, 10000);
  });

  after(async () => {
    frame.remove();
    await executeServerCommand('emulate-touch', { enabled: false });
  });

  it(`lays the page out ${WIDTH} CSS px wide`, () => {
    expect(frame.contentWindow!.innerWidth).to.equal(WIDTH);
  });

  it('has a touch screen, where the engine can emulate one', function () {
    // Decided by the driver's own answer, before anything is checked: neither WebKit's
    // WebDriver nor Firefox 153's BiDi can emulate touch.
    if (!touch) this.skip();
    expect(frame.contentWindow!.navigator.maxTouchPoints).to.be.above(0);
  });

  it('#unreachable: says STC Pay could not be reached, with the send button usable at once', () => {
    const cards = frame.contentDocument!.querySelectorAll('section#unreachable stcpay-otp');
    expect(cards.length, 'English and Arabic').to.equal(2);
    for (const [i, el] of [...cards].entries()) {
      const root = el.shadowRoot!;
      const words = [en.network, ar.network][i];
      expect(root.querySelector('[part="error"]')!.textContent!.trim()).to.equal(words);
      const submit = root.querySelector<HTMLButtonElement>('[part="submit"]')!;
      expect(submit.disabled).to.equal(false);
      expect(submit.getAttribute('aria-disabled')).to.equal('false');
      expect(submit.textContent).not.to.match(/\d:\d\d/);
    }
  });

  for (const { id } of CARDS)
    describe(`#${id}`, () => {
      it('stays within the screen and its own box, with nothing to scroll sideways', () => {
        const el = elementOf(id);
        const box = el.getBoundingClientRect();
        // The screen's edge: Firefox here has a classic scroll bar where a phone's floats over.
        const screen = frame.contentDocument!.documentElement.clientWidth;
        expect(box.left, 'left edge').to.be.at.least(0);
        expect(box.right, 'right edge').to.be.at.most(screen);
        // Even what is there for screen readers only: it can stick out, and make a page scroll.
        expect(el.scrollWidth, `scroll width of ${box.width} px`).to.be.at.most(el.clientWidth);
        const outside = visibleIn(el.shadowRoot!, '*')
          .filter((node) => {
            const rect = node.getBoundingClientRect();
            return rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
          })
          .map(describeNode);
        expect(outside, 'parts outside the element').to.deep.equal([]);
      });

      it(`makes every control a touch target of at least ${MIN_TARGET}×${MIN_TARGET} CSS px`, () => {
        const root = elementOf(id).shadowRoot!;
        const controls = visibleIn(
          root,
          'button, input, select, textarea, a[href], [role="button"]',
        );
        expect(controls.length, 'controls').to.be.above(0);
        const small = controls
          .map((node) => ({ node, rect: node.getBoundingClientRect() }))
          .filter(({ rect }) => rect.width < MIN_TARGET || rect.height < MIN_TARGET)
          .map(
            ({ node, rect }) =>
              `${describeNode(node)}: ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`,
          );
        expect(small, 'controls under the minimum').to.deep.equal([]);
      });

      it('asks for the right on-screen keyboard in each field', () => {
        const fields = visibleIn(elementOf(id).shadowRoot!, 'input');
        expect(fields.length, 'fields').to.be.above(0);
        for (const field of fields) {
          const part = field.getAttribute('part')!.split(' ')[0];
          const expected = KEYBOARD[part];
          expect(expected, `a rule for the ${part} field`).to.be.an('object');
          const actual = Object.fromEntries(
            Object.keys(expected).map((name) => [name, field.getAttribute(name)]),
          );
          expect(actual, `${part} field`).to.deep.equal(expected);
        }
      });
    });
});
