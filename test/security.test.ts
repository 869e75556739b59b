/**
 * What a merchant's security review asks of the package: no way for a string to become markup
 * or code in src/, server text shown as text, and a shipped bundle holding only the element and
 * Lit. The strict Content Security Policy has its own file, csp.test.ts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import '../src/define-partner.js';
import { forgetTransactions } from '../src/checkout/transactions.js';
import { checkoutWithNumber, clickAndSettle, validateMobileFor } from './helpers/harness.js';
import {
  checkLicense,
  MARKUP_DETAIL,
  MOCK_PARTNER,
  mockPaylink,
  partnerToken,
  pause,
} from './helpers/mock.js';

/**
 * Ways to turn a string into markup or code. The first four are the ones the package promises
 * never to use; the rest are the same danger under other names.
 */
const FORBIDDEN: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['innerHTML', /innerHTML/],
  ['unsafeHTML', /unsafeHTML/],
  ['eval(', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['Function(', /(?<![\w.])Function\s*\(/],
  ['outerHTML', /outerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['createContextualFragment', /createContextualFragment/],
  ['setHTMLUnsafe', /setHTMLUnsafe/],
  ['unsafeSVG', /unsafeSVG/],
  ['srcdoc', /srcdoc/],
  ['a string to setTimeout or setInterval', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

interface SourceFile {
  path: string;
  text: string;
}

/** Each place a forbidden pattern occurs in the files, as `path:line: name`. */
function findForbidden(files: SourceFile[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files)
    text.split('\n').forEach((line, i) => {
      for (const [name, pattern] of FORBIDDEN)
        if (pattern.test(line)) found.push(`${path}:${i + 1}: ${name}`);
    });
  return found;
}

/**
 * How to make each element of the package show an error that the server wrote. A new element
 * adds its own line.
 */
const SERVER_ERRORS: ReadonlyArray<{
  tag: string;
  show: (baseUrl: string) => Promise<{ el: HTMLElement; message: string }>;
}> = [
  {
    tag: 'stcpay-otp',
    async show(baseUrl) {
      const el = await checkoutWithNumber(baseUrl);
      const { error } = await clickAndSettle(el, 'submit', 'otp-sent');
      return { el, message: error!.message };
    },
  },
  {
    // A refused retry-otp is shown in Paylink's words (a refused validate-otp is a wrong code).
    tag: 'paylink-validate-mobile',
    async show(baseUrl) {
      const token = await partnerToken();
      const el = await validateMobileFor<HTMLElement & { token?: string }>(
        await checkLicense(token),
        MOCK_PARTNER.profileNo,
        { 'base-url': baseUrl, lang: 'en', 'resend-after': '0' },
      );
      el.token = token;
      const failed = oneEvent(el, 'otp-error');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="resend"]')!.click();
      return { el, message: ((await failed) as CustomEvent<{ message: string }>).detail.message };
    },
  },
];

describe('security', () => {
  // The checkouts here share one transaction number: each test as on a fresh page.
  afterEach(() => forgetTransactions());

  describe('src/', () => {
    it('has no innerHTML, unsafeHTML, eval( or new Function, nor any other string-to-markup or string-to-code sink', async () => {
      const files = (await executeServerCommand('source-files')) as SourceFile[];
      expect(files.map((file) => file.path)).to.include.members([
        'src/checkout/stcpay-otp.ts',
        'src/core/transport.ts',
      ]);
      expect(findForbidden(files)).to.deep.equal([]);
    });

    it('never writes to the console, so nothing a customer types can end up in a log', async () => {
      const files = (await executeServerCommand('source-files')) as SourceFile[];
      const calls = files.flatMap(({ path, text }) =>
        text
          .split('\n')
          .flatMap((line) => (/\bconsole\s*\./.test(line) ? [`${path}: ${line.trim()}`] : [])),
      );
      // The one exception: the partner element says, without the token, that it removed a
      // token attribute (test/paylink-validate-mobile.test.ts checks what it prints).
      expect(calls).to.deep.equal(['src/partner/partner-token.ts: console.warn(']);
    });

    it('would notice one (the check itself)', () => {
      const planted = [
        { path: 'src/a.ts', text: 'el.innerHTML = x;\nhtml`${unsafeHTML(x)}`' },
        { path: 'src/b.ts', text: 'eval (x); new Function("return 1"); Function("x")' },
        { path: 'src/c.ts', text: 'const evaluate = 1; myFunction(x); setTimeout(() => {}, 1);' },
      ];
      expect(findForbidden(planted)).to.deep.equal([
        'src/a.ts:1: innerHTML',
        'src/a.ts:2: unsafeHTML',
        'src/b.ts:1: eval(',
        'src/b.ts:1: new Function',
        'src/b.ts:1: Function(',
      ]);
    });
  });

  describe("<stcpay-otp> with a customer's number, code and session", () => {
    it('keeps them out of the console and out of every attribute, from typing to paid', async () => {
      const mock = mockPaylink();
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
      const originals = methods.map((name) => console[name]);
      methods.forEach(
        (name) => (console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '))),
      );
      const secrets = ['551234567', '12345'];
      const attributes = (el: Element) =>
        [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((node) =>
          [...node.attributes].map((a) => `${a.name}=${a.value}`),
        );
      const leaks = (el: Element) =>
        [...attributes(el), ...logged].filter((text) =>
          secrets.some((secret) => text.includes(secret)),
        );
      try {
        // An order of its own: the mock remembers paid orders across tests and across engines.
        const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(html`
          <stcpay-otp
            transaction-no=${`T${crypto.randomUUID().slice(0, 8)}`}
            total="10"
            process-payment
            base-url=${mock.baseUrl('ok')}
          ></stcpay-otp>
        `);
        const input = (name: string) =>
          el.shadowRoot!.querySelector<HTMLInputElement>(`[part~="${name}"]`)!;
        input('mobile').focus();
        await sendKeys({ type: '0551234567' });
        await el.updateComplete;
        expect(leaks(el), 'after typing the number').to.deep.equal([]);
        const sent = oneEvent(el, 'otp-sent');
        await sendKeys({ press: 'Enter' });
        const session = (await sent).detail as {
          paymentSessionId: string;
          signature: string;
          signedBase64Data: string;
        };
        secrets.push(session.paymentSessionId, session.signature, session.signedBase64Data);
        await el.updateComplete;
        expect(leaks(el), 'on the code step').to.deep.equal([]);
        input('otp').focus();
        await sendKeys({ type: '12345' });
        const paid = oneEvent(el, 'payment-processed');
        await sendKeys({ press: 'Enter' });
        await paid;
        await el.updateComplete;
        expect(el.getAttribute('state')).to.equal('paid');
        expect(leaks(el), 'once paid').to.deep.equal([]);
      } finally {
        methods.forEach((name, i) => (console[name] = originals[i]));
      }
      // The requests did go out, to the mock's origin only.
      const requests = await mock.requests();
      expect(requests.map((r) => r.path.split('/').pop())).to.deep.equal([
        'sendOtp',
        'processPayment',
      ]);
    });
  });

  for (const { tag, show } of SERVER_ERRORS)
    describe(`<${tag}> showing a server's error text with markup in it`, () => {
      afterEach(() => delete (window as { stcpayOtpMarkupRan?: boolean }).stcpayOtpMarkupRan);

      it('never turns the markup into an element (the checkout does not show it at all)', async () => {
        const mock = mockPaylink();
        const { el, message } = await show(mock.baseUrl('markup-error'));
        await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
        // The partner element shows a server's words as text; the checkout shows its own.
        if (tag === 'stcpay-otp') expect(message).not.to.contain('Not registered');
        else expect(message).to.contain(MARKUP_DETAIL);
        const shown = el.shadowRoot!.querySelector('[part~="error"]')!;
        expect(shown.textContent).to.equal(message);
        expect(shown.children).to.have.length(0);
        expect(el.shadowRoot!.querySelectorAll('img, b')).to.have.length(0);
        await pause(50); // an <img src=x> would have failed to load by now and run its onerror
        expect((window as { stcpayOtpMarkupRan?: boolean }).stcpayOtpMarkupRan).to.equal(undefined);
        expect((await mock.requests())[0].path).to.match(/\/markup-error\//);
      });
    });

  describe('dist/stcpay-otp.js', () => {
    /** Lit's four packages (the `lit` package re-exports the other three). */
    const LIT = /^node_modules\/(?:lit|lit-html|lit-element|@lit\/reactive-element)\//;
    const OURS = /^src\/[\w/-]+\.ts$/;

    it("holds nothing but the element's own modules and Lit, by the bundler's own list", async () => {
      const files = (await executeServerCommand('bundle-modules')) as {
        fileName: string;
        sameAsDist: boolean;
        imports: string[];
        dynamicImports: string[];
        modules: { id: string; length: number }[];
      }[];
      // Two files: the element, and the code step it loads after its first render.
      expect(files.map((file) => file.fileName).sort()).to.deep.equal([
        'stcpay-otp-code.js',
        'stcpay-otp.js',
      ]);
      const [entry, code] = ['stcpay-otp.js', 'stcpay-otp-code.js'].map((name) =>
        files.find((file) => file.fileName === name)!,
      );
      for (const file of files) {
        // The list belongs to the very file that ships.
        expect(file.sameAsDist, `the in-memory build equals dist/${file.fileName}`).to.equal(true);
        const ids = file.modules.map((module) => module.id);
        expect(ids.filter((id) => !LIT.test(id) && !OURS.test(id))).to.deep.equal([]);
      }
      // The element's file imports nothing; it loads the code step, which imports only it.
      expect(entry.imports).to.deep.equal([]);
      expect(entry.dynamicImports).to.deep.equal(['stcpay-otp-code.js']);
      expect(code.imports).to.deep.equal(['stcpay-otp.js']);
      const entryIds = entry.modules.map((module) => module.id);
      expect(entryIds).to.include.members([
        'src/define.ts',
        'src/checkout/stcpay-otp.ts',
        'src/checkout/send-step.ts',
        'node_modules/lit-html/lit-html.js',
      ]);
      // What only the code step and the payment's end need is not on the first step's path.
      const later = [
        'src/checkout/code-step.ts',
        'src/checkout/outcome.ts',
        'src/checkout/store-status.ts',
        'src/core/web-otp.ts',
        'src/i18n/en-code.ts',
        'src/i18n/ar-code.ts',
      ];
      expect(entryIds.filter((id) => later.includes(id))).to.deep.equal([]);
      expect(code.modules.map((module) => module.id)).to.include.members(later);
    });
  });
});
