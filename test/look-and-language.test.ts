/** Theming, dark scheme, motion, CSS states, layout stability, languages, RTL, accessibility. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { canEmulateMedia } from './engine.js';
import { hasPart, part } from './helpers/dom.js';
import { mockPaylink, type Scenario } from './helpers/mock.js';
import { said } from './helpers/shopper-words.js';

const style = (node: Element) => getComputedStyle(node);
const LRI = '\u2066';
const PDI = '\u2069';

type Setup = {
  lang?: string;
  theme?: string;
  scenario?: Scenario;
  collectOtp?: boolean;
  processPayment?: boolean;
};

function checkout(
  mock = mockPaylink(),
  { lang, theme, scenario = 'ok', collectOtp, processPayment }: Setup = {},
) {
  const el = document.createElement('stcpay-otp');
  el.setAttribute('transaction-no', `T${crypto.randomUUID().slice(0, 8)}`);
  el.setAttribute('total', '10');
  el.setAttribute('base-url', mock.baseUrl(scenario));
  if (lang) el.setAttribute('lang', lang);
  if (theme) el.setAttribute('theme', theme);
  if (collectOtp) el.setAttribute('collect-otp', '');
  if (processPayment) el.setAttribute('process-payment', '');
  return fixture<StcpayOtp>(el);
}

/** The sRGB channels (0-255) and alpha of any CSS colour, as the browser paints it. */
function rgba(color: string): [number, number, number, number] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** WCAG contrast ratio of a text colour on a background (each composited over `under`). */
function contrast(text: string, background: string, under = '#fff'): number {
  const over = (top: number[], bottom: number[]) =>
    top.slice(0, 3).map((c, i) => c * top[3] + bottom[i] * (1 - top[3]));
  const base = rgba(under);
  const bg = over(rgba(background), base);
  const fg = over(rgba(text), bg);
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** What lies under a possibly transparent colour on the (white) test page. */
const contrastBase = (surface: string) => (rgba(surface)[3] === 0 ? '#fff' : surface);

async function showError(el: StcpayOtp) {
  const error = oneEvent(el, 'otp-error');
  part(el, 'submit').click();
  await error;
  await el.updateComplete;
}

async function toCodeStep(el: StcpayOtp) {
  el.mobile = '0551234567';
  await el.send();
  await el.updateComplete;
}

describe('<stcpay-otp> look and language', () => {
  afterEach(async () => {
    if (canEmulateMedia)
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    document.documentElement.lang = 'en';
  });

  describe('theming', () => {
    it('gives every visible node a part', async () => {
      const el = await checkout(mockPaylink(), { collectOtp: true });
      const unnamed = () =>
        [...el.shadowRoot!.querySelectorAll('*')]
          .filter(
            (node) => !node.hasAttribute('part') && !node.classList.contains('visually-hidden'),
          )
          .map((node) => node.outerHTML.slice(0, 60));
      expect(unnamed()).to.deep.equal([]);
      await toCodeStep(el);
      expect(unnamed()).to.deep.equal([]);
    });

    it('applies every custom property', async () => {
      const el = await checkout();
      el.style.cssText = `
        --stcpay-otp-accent: rgb(0, 100, 0); --stcpay-otp-accent-text: rgb(255, 255, 0);
        --stcpay-otp-text: rgb(10, 20, 30); --stcpay-otp-background: rgb(250, 240, 230);
        --stcpay-otp-border-color: rgb(1, 2, 3); --stcpay-otp-radius: 3px;
        --stcpay-otp-font-family: monospace; --stcpay-otp-font-size: 20px; --stcpay-otp-spacing: 13px;
        --stcpay-otp-error-color: rgb(120, 0, 0); --stcpay-otp-focus-ring: 4px dashed rgb(0, 0, 200);
        --stcpay-otp-surface: rgb(240, 240, 255); --stcpay-otp-padding: 7px;`;
      await showError(el);
      const submit = part(el, 'submit');
      expect(style(submit).backgroundColor).to.equal('rgb(0, 100, 0)');
      expect(style(submit).color).to.equal('rgb(255, 255, 0)');
      expect(style(submit).borderRadius).to.equal('3px');
      expect(style(part(el, 'label')).color).to.equal('rgb(10, 20, 30)');
      expect(style(part(el, 'label')).fontFamily).to.equal('monospace');
      expect(style(el).fontSize).to.equal('20px');
      expect(style(part(el, 'form')).rowGap).to.equal('13px');
      expect(style(part(el, 'field')).backgroundColor).to.equal('rgb(250, 240, 230)');
      expect(style(part(el, 'country-code')).borderInlineEndColor).to.equal('rgb(1, 2, 3)');
      expect(style(part(el, 'error')).color).to.equal('rgb(120, 0, 0)');
      expect(style(part(el, 'field')).borderColor).to.equal('rgb(120, 0, 0)');
      expect(style(el).backgroundColor).to.equal('rgb(240, 240, 255)');
      expect(style(el).paddingTop).to.equal('7px');
      part(el, 'mobile').focus();
      expect(style(part(el, 'field')).outlineStyle).to.equal('dashed');
      expect(style(part(el, 'field')).outlineWidth).to.equal('4px');
    });

    it('can be restyled from the page through ::part', async () => {
      const sheet = document.createElement('style');
      sheet.textContent = `.themed::part(submit) { text-transform: uppercase; border-radius: 999px; }
        .themed::part(label) { letter-spacing: 2px; }`;
      document.head.append(sheet);
      const el = await checkout();
      el.classList.add('themed');
      expect(style(part(el, 'submit')).textTransform).to.equal('uppercase');
      expect(style(part(el, 'submit')).borderRadius).to.equal('999px');
      expect(style(part(el, 'label')).letterSpacing).to.equal('2px');
      sheet.remove();
    });

    it('follows a dark system preference, unless theme says light', async function () {
      if (!canEmulateMedia) this.skip(); // this engine's driver cannot emulate the preference
      const el = await checkout();
      const light = await checkout(mockPaylink(), { theme: 'light' });
      expect(style(el).color).to.equal('rgb(31, 31, 36)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(style(el).color).to.equal('rgb(236, 236, 241)');
      expect(style(el).backgroundColor).to.equal('rgb(28, 27, 34)');
      expect(style(light).color).to.equal('rgb(31, 31, 36)');
    });

    it('is dark with theme="dark" whatever the system prefers', async () => {
      const el = await checkout(mockPaylink(), { theme: 'dark' });
      expect(style(el).color).to.equal('rgb(236, 236, 241)');
      expect(style(part(el, 'field')).backgroundColor).to.equal('rgb(42, 41, 49)');
    });

    it('does not spin the busy indicator when the system asks for reduced motion', async function () {
      if (!canEmulateMedia) this.skip(); // this engine's driver cannot emulate the preference
      const el = await checkout(mockPaylink(), { scenario: 'slow' });
      el.mobile = '551234567';
      void el.send().catch(() => {});
      await el.updateComplete;
      const spinner = part(el, 'spinner');
      expect(style(spinner).animationName).to.equal('spin');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(style(spinner).animationName).to.equal('none');
    });

    it('exposes its state as a CSS custom state', async () => {
      const el = await checkout(mockPaylink(), { scenario: 'slow' });
      expect(el.matches(':state(idle)')).to.equal(true);
      el.mobile = '551234567';
      const sent = el.send();
      await el.updateComplete;
      expect(el.matches(':state(sending)')).to.equal(true);
      expect(el.matches(':state(idle)')).to.equal(false);
      await sent;
      await el.updateComplete;
      expect(el.matches(':state(sent)')).to.equal(true);
    });

    for (const lang of ['en', 'ar']) {
      it(`does not move when an error or a status appears (${lang})`, async () => {
        const el = await checkout(mockPaylink(), { lang });
        const height = () => el.getBoundingClientRect().height;
        const idle = height();
        el.mobile = '12345';
        await showError(el);
        expect(part(el, 'error').textContent).not.to.equal('');
        expect(height()).to.equal(idle);
        el.mobile = '551234567';
        await el.send();
        await el.updateComplete;
        expect(part(el, 'status').textContent).not.to.equal('');
        expect(height()).to.equal(idle);
      });
    }
  });

  describe('language', () => {
    it('speaks the language of its own lang attribute, and changes with it', async () => {
      const el = await checkout(mockPaylink(), { lang: 'ar' });
      expect(part(el, 'label').textContent).to.equal(said('ar', 'mobileLabel'));
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(part(el, 'label').textContent).to.equal(said('en', 'mobileLabel'));
    });

    it("else the closest ancestor's, across a shadow root", async () => {
      const outer = await fixture<HTMLDivElement>(
        html`<div lang="ar-SA"><section></section></div>`,
      );
      const host = outer.querySelector('section')!;
      const root = host.attachShadow({ mode: 'open' });
      const el = document.createElement('stcpay-otp') as StcpayOtp;
      root.append(el);
      await el.updateComplete;
      expect(part(el, 'label').textContent).to.equal(said('ar', 'mobileLabel'));
      outer.lang = 'en';
      await new Promise((resolve) => setTimeout(resolve)); // the document's lang watcher runs
      await el.updateComplete;
      expect(part(el, 'label').textContent).to.equal(said('en', 'mobileLabel'));
    });

    it("else the document's, and follows it when it changes", async () => {
      const el = await checkout();
      expect(part(el, 'label').textContent).to.equal(said('en', 'mobileLabel'));
      document.documentElement.lang = 'ar';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(part(el, 'label').textContent).to.equal(said('ar', 'mobileLabel'));
    });

    it('says an error it shows again in the new language when the language changes', async () => {
      const el = await checkout();
      el.mobile = '12345';
      await showError(el);
      const english = part(el, 'error').textContent;
      const arabic = await checkout(mockPaylink(), { lang: 'ar' });
      arabic.mobile = '12345';
      await showError(arabic);
      expect(part(arabic, 'error').textContent).not.to.equal(english);

      el.setAttribute('lang', 'ar');
      await el.updateComplete;
      expect(part(el, 'error').textContent).to.equal(part(arabic, 'error').textContent);
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(part(el, 'error').textContent).to.equal(english);
    });

    it('falls back to English for a language it does not have', async () => {
      const el = await checkout(mockPaylink(), { lang: 'fr' });
      expect(part(el, 'label').textContent).to.equal(said('en', 'mobileLabel'));
      expect(style(part(el, 'form')).direction).to.equal('ltr');
    });

    it('writes Arabic right to left, and keeps numbers and codes left to right', async () => {
      const el = await checkout(mockPaylink(), { lang: 'ar', collectOtp: true });
      expect(style(part(el, 'form')).direction).to.equal('rtl');
      expect(style(part(el, 'field')).direction).to.equal('ltr');
      expect(style(part(el, 'mobile')).direction).to.equal('ltr');
      expect(part(el, 'submit').textContent!.trim()).to.equal(
        `أرسل الرمز لدفع ${new Intl.NumberFormat('ar-u-nu-latn', { style: 'currency', currency: 'SAR' }).format(10)}`,
      );
      el.mobile = '12345';
      await showError(el);
      // The way Saudis write a mobile number: 10 digits, 05X XXX XXXX.
      expect(part(el, 'error').textContent)
        .to.contain(`${LRI}10${PDI}`)
        .and.contain(`${LRI}05X XXX XXXX${PDI}`);
      expect(part(el, 'mobile').getAttribute('placeholder')).to.equal('05X XXX XXXX');

      await toCodeStep(el);
      expect(style(part(el, 'otp-form')).direction).to.equal('rtl');
      expect(style(part(el, 'otp')).direction).to.equal('ltr');
      expect(part(el, 'status').textContent).to.equal(
        said('ar', 'otpSentTo', '+966\u00a055\u00a0•••\u00a0••67'),
      );
      expect(part(el, 'status').textContent).to.contain(
        `${LRI}+966\u00a055\u00a0•••\u00a0••67${PDI}`,
      );
      expect(part(el, 'resend').textContent!.trim()).to.equal(`إعادة الإرسال بعد ${LRI}1:00${PDI}`);
    });

    it('formats amounts for the language', async () => {
      const el = await checkout();
      expect(part(el, 'submit').textContent!.trim()).to.equal('Send code to pay SAR\u00a010.00');
      el.setAttribute('lang', 'ar');
      await el.updateComplete;
      const arabicAmount = new Intl.NumberFormat('ar-u-nu-latn', {
        style: 'currency',
        currency: 'SAR',
      }).format(10);
      // The riyal sign as Arabic writes it, with Western digits (WebKit's Intl writes ١٠٫٠٠ for
      // ar).
      expect(arabicAmount).to.contain('ر.س');
      expect(part(el, 'submit').textContent!.trim()).to.equal(`أرسل الرمز لدفع ${arabicAmount}`);
    });

    it('lets the page write amounts its own way, from the rounded, grouped digits', async () => {
      const el = await checkout();
      el.total = 1234.005;
      el.messages = { amount: (digits) => `${digits}\u00a0riyals` };
      await el.updateComplete;
      expect(part(el, 'submit').textContent!.trim()).to.equal(
        'Send code to pay 1,234.01\u00a0riyals',
      );
    });

    it('lets the page override any string, keeping the language for the rest', async () => {
      const el = await checkout(mockPaylink(), { lang: 'ar' });
      el.messages = { mobileLabel: 'رقم جوالك', mobileRequired: 'اكتب الرقم أولًا' };
      await el.updateComplete;
      expect(part(el, 'label').textContent).to.equal('رقم جوالك');
      const error = oneEvent(el, 'otp-error');
      part(el, 'submit').click();
      expect((await error).detail.message).to.equal('اكتب الرقم أولًا');
      await el.updateComplete;
      expect(part(el, 'error').textContent).to.equal('اكتب الرقم أولًا');
      el.mobile = '5';
      el.messages = { mobileTooShort: (cc, length) => `Short! +${cc} needs ${length}` };
      await showError(el);
      expect(part(el, 'error').textContent).to.equal('Short! +966 needs 10');
      expect(part(el, 'label').textContent).to.equal(said('ar', 'mobileLabel'));
    });
  });

  describe('accessibility', () => {
    /**
     * Each state the element can be in, reached as a customer would: the `state` it must be in
     * then, and the part that shows which step it is on.
     */
    type Reached = { state: string; shows: string; reach: (setup: Setup) => Promise<StcpayOtp> };
    const states: Record<string, Reached> = {
      idle: { state: 'idle', shows: 'mobile', reach: (setup) => checkout(mockPaylink(), setup) },
      'mobile error': {
        state: 'error',
        shows: 'mobile',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), setup);
          el.mobile = '12';
          await showError(el);
          return el;
        },
      },
      sending: {
        state: 'sending',
        shows: 'mobile',
        reach: async (setup) => {
          // Paylink never answers: the state cannot move on while axe looks.
          const el = await checkout(mockPaylink(), { ...setup, scenario: 'hang' });
          el.mobile = '551234567';
          void el.send().catch(() => {});
          await el.updateComplete;
          return el;
        },
      },
      sent: {
        state: 'sent',
        shows: 'mobile',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), setup);
          await toCodeStep(el);
          return el;
        },
      },
      'code step': {
        state: 'sent',
        shows: 'otp',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), { ...setup, collectOtp: true });
          await toCodeStep(el);
          return el;
        },
      },
      'code error': {
        state: 'error',
        shows: 'otp',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), { ...setup, collectOtp: true });
          await toCodeStep(el);
          el.shadowRoot!.querySelector('form')!.requestSubmit();
          await el.updateComplete;
          return el;
        },
      },
      verifying: {
        state: 'verifying',
        shows: 'otp',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), {
            ...setup,
            processPayment: true,
            scenario: 'pay-hang', // as for sending: still verifying while axe looks
          });
          await toCodeStep(el);
          part(el, 'otp').focus();
          await sendKeys({ type: '12345' });
          void el.confirm().catch(() => {});
          await el.updateComplete;
          return el;
        },
      },
      paid: {
        state: 'paid',
        shows: 'paid',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), { ...setup, processPayment: true });
          await toCodeStep(el);
          part(el, 'otp').focus();
          await sendKeys({ type: '12345' });
          await el.confirm();
          await el.updateComplete;
          return el;
        },
      },
      unconfirmed: {
        state: 'unconfirmed',
        shows: 'unconfirmed',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), {
            ...setup,
            processPayment: true,
            scenario: 'pay-lost-hang',
          });
          el.timeout = 300;
          await toCodeStep(el);
          part(el, 'otp').focus();
          await sendKeys({ type: '12345' });
          const unconfirmed = oneEvent(el, 'payment-unconfirmed');
          void el.confirm().catch(() => {});
          await unconfirmed;
          await el.updateComplete;
          return el;
        },
      },
      disabled: {
        state: 'idle',
        shows: 'mobile',
        reach: async (setup) => {
          const el = await checkout(mockPaylink(), setup);
          el.disabled = true;
          await el.updateComplete;
          return el;
        },
      },
    };

    for (const lang of ['en', 'ar']) {
      for (const theme of ['light', 'dark']) {
        for (const [name, { state, shows, reach }] of Object.entries(states)) {
          it(`axe finds nothing: ${name}, ${lang}, ${theme}`, async () => {
            const el = await reach({ lang, theme });
            // axe on the wrong state would pass for the wrong reason: the state first.
            expect(el.getAttribute('state'), 'state').to.equal(state);
            expect(hasPart(el, shows), `shows [part=${shows}]`).to.equal(true);
            await expect(el).to.be.accessible();
            expect(el.getAttribute('state'), 'state after axe').to.equal(state);
          });
        }
      }
    }

    for (const theme of ['light', 'dark']) {
      it(`keeps text contrast at WCAG AA (4.5:1) or better, ${theme}`, async () => {
        const el = await checkout(mockPaylink(), { theme, collectOtp: true });
        // The test page is white; the element paints its own surface only in dark.
        const surface = style(el).backgroundColor;
        const on = (text: Element, background: string) =>
          contrast(style(text).color, background, contrastBase(surface));
        el.mobile = '12';
        await showError(el);
        const ratios: Record<string, number> = {
          label: on(part(el, 'label'), surface),
          input: on(part(el, 'mobile'), style(part(el, 'field')).backgroundColor),
          'country code': on(
            part(el, 'country-code'),
            style(part(el, 'country-code')).backgroundColor,
          ),
          submit: on(part(el, 'submit'), style(part(el, 'submit')).backgroundColor),
          error: on(part(el, 'error'), surface),
        };
        el.mobile = '551234567';
        el.resendAfter = 0;
        await toCodeStep(el);
        ratios.status = on(part(el, 'status'), surface);
        ratios.link = on(part(el, 'change-mobile'), surface);
        ratios.resend = on(part(el, 'resend'), surface);
        for (const [what, ratio] of Object.entries(ratios)) expect(ratio, what).to.be.at.least(4.5);
      });
    }

    it('moves focus to the field at fault after a failed submit, and keeps it usable by keyboard', async () => {
      const el = await checkout(mockPaylink(), { collectOtp: true });
      part(el, 'submit').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'mobile'));
      await sendKeys({ type: '0551234567' });
      const sent = oneEvent(el, 'otp-sent');
      await sendKeys({ press: 'Enter' });
      await sent;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'confirm'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'change-mobile')); // resend waits, disabled
    });
  });
});
