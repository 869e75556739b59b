/**
 * A send that failed can be sent again at once, and the element's words match its button: only
 * a send that ended in `otp-sent` spaces the next one. A failure that may still have texted the
 * number (no answer, or none that could be read, or a send aborted in flight) counts towards
 * three in a row to one number, page-wide; from the third the number waits resend-after, and the
 * message says how long, in the numbers the button counts down. A server that says to wait
 * (429 with Retry-After) is waited for as told.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { OtpErrorDetail } from '../src/index.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { forgetTransactions } from '../src/checkout/transactions.js';
import { ar, en } from '../src/i18n/all.js';
import type { Messages } from '../src/i18n/messages.js';
import { clickAndSettle, freshCheckout, part, text, typeInto } from './helpers/harness.js';
import {
  mockPaylink,
  pause,
  rejection,
  timeLimitFor,
  TOO_MANY_RETRY_AFTER,
  until,
  type Scenario,
} from './helpers/mock.js';

const CATALOGS = { en, ar } as const;
type Lang = keyof typeof CATALOGS;

/**
 * A checkout of 10 for 055 123 4567 with resend-after 60 (the default), on a new transaction,
 * with the time limit its scenario calls for (timeLimitFor).
 */
async function checkout(
  scenario: Scenario,
  { lang = 'en' as Lang, timeout = timeLimitFor(scenario) } = {},
) {
  const mock = mockPaylink();
  const el = await freshCheckout<StcpayOtp>(mock.baseUrl(scenario), { lang, timeout });
  return { el, mock };
}

const sends = async (mock: ReturnType<typeof mockPaylink>) =>
  (await mock.requests()).filter((entry) => entry.path.endsWith('/sendOtp'));

/** The send button as the shopper meets it: whether a click sends, and what it says. */
function submit(el: StcpayOtp) {
  const button = part<HTMLButtonElement>(el, 'submit');
  return {
    usable: !button.disabled && button.getAttribute('aria-disabled') === 'false',
    label: text(el, 'submit'),
  };
}

/** "1:00" → 60. */
const seconds = (clock: string) => {
  const [minutes, rest] = clock.split(':').map(Number);
  return minutes * 60 + rest;
};

/** The clock in a label such as "Send code in 0:59", as seconds. */
const clockIn = (label: string) => seconds(/(\d+:\d\d)/.exec(label)![1]);

/** Clicks send and waits for its otp-error; fails if a code was sent instead. */
async function failedClick(el: StcpayOtp): Promise<OtpErrorDetail> {
  const { ok, error } = await clickAndSettle(el, 'submit', 'otp-sent');
  expect(ok, 'no otp-sent').to.equal(undefined);
  await el.updateComplete;
  return error!;
}

/** Clicks send and cancels it with Escape, as a shopper does; waits until it says so. */
async function cancel(el: StcpayOtp) {
  el.timeout = 20_000;
  part(el, 'submit').click();
  await el.updateComplete;
  expect(el.state).to.equal('sending');
  part(el, 'mobile').focus();
  await sendKeys({ press: 'Escape' });
  await until(async () => {
    await el.updateComplete;
    return text(el, 'status') !== '';
  });
}

/** Each failure, what it is, and what the shopper reads. */
const FAILURES: ReadonlyArray<[Scenario, string, (m: Messages) => string]> = [
  ['reset', 'connection reset', (m) => m.network],
  ['hang', 'timeout', (m) => m.timeout(0.3)],
  ['missing-field', '200 with a missing field', (m) => m.badResponse],
  ['truncated', 'broken JSON', (m) => m.badResponse],
  ['server-error', '500', (m) => m.refusals.unavailable],
  ['bad-gateway', '502 with an HTML body', (m) => m.refusals.unavailable],
  ['bad-request', '400', (m) => m.refusals['number-not-registered']],
];

describe('<stcpay-otp> after a failed send', () => {
  afterEach(() => forgetTransactions());

  for (const [scenario, what, words] of FAILURES)
    for (const order of ['the same', 'a new'] as const)
      it(`${what}: the button is usable at once, and a click gets otp-sent for ${order} transaction-no`, async () => {
        const { el, mock } = await checkout(scenario);
        const error = await failedClick(el);
        expect(error.message).to.equal(words(en));
        expect(error.retryAfter, 'no wait').to.equal(undefined);
        expect(text(el, 'error')).to.equal(words(en));
        expect(submit(el)).to.deep.equal({ usable: true, label: en.pay(en.amount('10.00')) });

        // The host page may recreate the order after a failure.
        const orderNumber =
          order === 'a new' ? `T${crypto.randomUUID().slice(0, 8)}` : el.transactionNo!;
        el.setAttribute('transaction-no', orderNumber);
        el.baseUrl = mock.baseUrl('ok');
        await el.updateComplete;
        expect(submit(el).usable).to.equal(true);
        const { ok } = await clickAndSettle(el, 'submit', 'otp-sent');
        expect(ok).to.include({ orderNumber, stcpayMobile: '551234567' });
        const last = (await sends(mock)).at(-1)!;
        expect(last.path).to.contain('/ok/');
        expect(JSON.parse(last.body)).to.include({ orderNumber });
        // That code spaces the next send, as always.
        el.reset();
        await el.updateComplete;
        expect(submit(el).usable).to.equal(false);
        expect(clockIn(submit(el).label)).to.be.within(59, 60);
      });

  for (const lang of ['en', 'ar'] as const) {
    const m = CATALOGS[lang];
    it(`after three sends in a row whose answer was lost, the number waits, and says how long (${lang})`, async () => {
      const { el, mock } = await checkout('reset', { lang });
      for (let i = 1; i <= 2; i++) {
        const error = await failedClick(el);
        expect(error, `failure ${i}`).to.include({ code: 'network', message: m.network });
        expect(submit(el).usable, `usable after failure ${i}`).to.equal(true);
      }
      const third = await failedClick(el);
      expect(third.code).to.equal('network');
      expect(third.retryAfter).to.be.within(59, 60);
      // Why, and how long.
      expect(third.message).to.equal(m.sendHeld(third.retryAfter!));
      expect(third.message).to.contain(m.resendWait(third.retryAfter!));
      expect(text(el, 'error')).to.equal(third.message);
      const button = submit(el);
      expect(button.usable).to.equal(false);
      expect(button.label).to.equal(m.sendIn(`${third.retryAfter === 60 ? '1:00' : '0:59'}`));

      // Clicks send nothing until then, whatever the transaction; send() says how long.
      const before = (await sends(mock)).length;
      part(el, 'submit').click();
      el.setAttribute('transaction-no', `T${crypto.randomUUID().slice(0, 8)}`);
      const refused = (await rejection(el.send())) as OtpErrorDetail;
      expect(refused).to.include({ code: 'too-soon' });
      expect(refused.retryAfter).to.be.within(58, 60);
      await pause(100);
      expect((await sends(mock)).length).to.equal(before);

      // Another number is not held.
      part<HTMLInputElement>(el, 'mobile').select();
      await typeInto(el, 'mobile', '0561234567');
      await el.updateComplete;
      expect(text(el, 'error')).to.equal('');
      expect(submit(el).usable).to.equal(true);
      el.baseUrl = mock.baseUrl('ok');
      const { ok } = await clickAndSettle(el, 'submit', 'otp-sent');
      expect(ok).to.include({ stcpayMobile: '561234567' });
    });
  }

  it('counts sends that time out on purpose (timeout="1") and reset() in flight: a script loop sends at most three', async () => {
    const mock = mockPaylink();
    const el = await freshCheckout<StcpayOtp>(mock.baseUrl('hang'), { timeout: 1 });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(((await rejection(el.send())) as OtpErrorDetail).code);
    expect(outcomes).to.deep.equal(['timeout', 'timeout', 'timeout', 'too-soon', 'too-soon']);

    forgetTransactions();
    // A tenant of its own: the sends above, aborted after 1 ms, may reach the mock late.
    const loop = mockPaylink();
    const other = await freshCheckout<StcpayOtp>(loop.baseUrl('hang'), { timeout: 10_000 });
    const before = (await sends(loop)).length;
    const results: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const sending = other.send().catch((e: unknown) => e);
      if (other.state === 'sending') {
        // Long enough for the request to arrive, then taken back.
        await until(async () => (await sends(loop)).length > before + i);
        other.reset();
      }
      results.push(await sending);
    }
    const names = results.map((r) =>
      r instanceof DOMException ? r.name : (r as OtpErrorDetail).code,
    );
    expect(names).to.deep.equal([
      'AbortError',
      'AbortError',
      'AbortError',
      'too-soon',
      'too-soon',
      'too-soon',
    ]);
    await pause(100);
    expect((await sends(loop)).length - before).to.equal(3);
  });

  it('does not count refusals, which texted no one: five 400s in a row all go at once', async () => {
    const { el, mock } = await checkout('bad-request');
    for (let i = 0; i < 5; i++) {
      const error = await failedClick(el);
      expect(error.retryAfter, `refusal ${i + 1}`).to.equal(undefined);
      expect(submit(el).usable).to.equal(true);
    }
    expect(await sends(mock)).to.have.length(5);
  });

  it('Escape three times in a row: the number waits, and the wait is said beside "Cancelled"', async () => {
    const { el } = await checkout('hang');
    for (let i = 1; i <= 3; i++) {
      await cancel(el);
      expect(text(el, 'status')).to.equal(en.sendCancelled);
      if (i < 3) expect(submit(el).usable, `usable after cancel ${i}`).to.equal(true);
    }
    const button = submit(el);
    expect(button.usable).to.equal(false);
    expect(text(el, 'error')).to.equal(en.resendWait(clockIn(button.label)));
  });

  for (const lang of ['en', 'ar'] as const) {
    const m = CATALOGS[lang];
    it(`waits as a 429's Retry-After says, in the button's numbers (${lang})`, async () => {
      const { el, mock } = await checkout('too-many', { lang });
      const error = await failedClick(el);
      expect(error).to.include({
        code: 'http',
        status: 429,
        retryable: true,
        retryAfter: TOO_MANY_RETRY_AFTER,
        message: m.sendHeld(TOO_MANY_RETRY_AFTER),
      });
      // 900 s: "15 minutes", and the button shows 15:00.
      expect(text(el, 'error')).to.equal(m.sendHeld(900));
      expect(submit(el)).to.deep.equal({ usable: false, label: m.sendIn('15:00') });
      expect(((await rejection(el.send())) as OtpErrorDetail).code).to.equal('too-soon');
      expect(await sends(mock)).to.have.length(1);
    });
  }
});

describe('<stcpay-otp> words after a send match what the button allows', () => {
  afterEach(() => forgetTransactions());

  /**
   * Every way a send can end, and how to get there: a plain click against the scenario, three
   * in a row, a cancel, or send() while the last code is too recent.
   */
  const OUTCOMES: ReadonlyArray<[string, Scenario, (el: StcpayOtp) => Promise<void>]> = [
    ...(
      [
        'ok',
        'reset',
        'hang',
        'missing-field',
        'truncated',
        'server-error',
        'bad-gateway',
        'bad-request',
        'bad-request-ar',
        'markup-error',
        'unauthorized',
        'not-found',
        'redirect',
        'odd-mobile',
        'too-many',
      ] as const
    ).map((scenario) => [scenario, scenario, click] as [string, Scenario, typeof click]),
    ['three lost in a row', 'reset', thrice],
    ['cancelled', 'hang', cancel],
    [
      'cancelled, third in a row',
      'hang',
      async (el) => {
        for (let i = 0; i < 3; i++) await cancel(el);
      },
    ],
    [
      'too soon after a code',
      'ok',
      async (el) => {
        await click(el);
        el.reset();
        await el.send().catch(() => {});
      },
    ],
  ];

  async function click(el: StcpayOtp) {
    await clickAndSettle(el, 'submit', 'otp-sent');
  }
  async function thrice(el: StcpayOtp) {
    for (let i = 0; i < 3; i++) await click(el);
  }

  for (const lang of ['en', 'ar'] as const) {
    const m = CATALOGS[lang];
    /** Messages that ask the shopper to send (or try) again now. */
    const invitations = [
      m.network,
      m.timeout(0.3),
      m.badResponse,
      m.resendReady,
      ...Object.values(m.refusals),
    ];
    const waitWords = m.resendWait(7).split('7')[0];

    for (const [name, scenario, act] of OUTCOMES)
      it(`${name} (${lang})`, async () => {
        const { el } = await checkout(scenario, { lang });
        await act(el);
        await el.updateComplete;
        const shown = [text(el, 'status'), text(el, 'error')].filter(Boolean);
        expect(shown.length, 'something is said').to.be.above(0);
        const button = submit(el);

        if (el.state === 'sent') {
          // The code is on its way: nothing to send, and nothing asks to.
          expect(shown).to.deep.equal([text(el, 'status')]);
          expect(button.usable).to.equal(false);
          return;
        }
        const waits = shown.filter((line) => line.includes(waitWords));
        if (button.usable) {
          expect(waits, `${shown.join(' | ')}: no wait while the button sends`).to.deep.equal([]);
          expect(button.label).to.equal(m.pay(m.amount('10.00')));
        } else {
          // Held: the error says how long, in the button's numbers, and nothing asks to try now.
          const clock = clockIn(button.label);
          expect(button.label).to.equal(m.sendIn(/(\d+:\d\d)/.exec(button.label)![1]));
          expect(waits).to.have.length(1);
          expect([
            m.resendWait(clock),
            m.resendWait(clock + 1),
            m.sendHeld(clock),
            m.sendHeld(clock + 1),
          ]).to.include(waits[0]);
          for (const line of shown)
            expect(invitations, `${line}: asks for what the button does not allow`).not.to.include(
              line,
            );
        }
      });
  }
});

describe('<stcpay-otp> numbers in words', () => {
  it('the element says "within 1 second" when timeout is 1000', async () => {
    const { el } = await checkout('hang', { timeout: 1000 });
    const error = await failedClick(el);
    expect(error.message).to.equal(
      'The payment service did not answer within 1 second. Please try again.',
    );
  });
});
