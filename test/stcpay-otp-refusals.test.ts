/**
 * <stcpay-otp> reads every refusal by status first, then by known reasons in English and
 * Arabic, and tells the shopper in their words: never the company's name, a status code or the
 * server's own sentence. The technical facts stay in the event detail.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { OtpErrorDetail } from '../src/index.js';
import type { Refusal } from '../src/core/errors.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import { freshCheckout } from './helpers/harness.js';
import { MARKUP_DETAIL, mockPaylink, TEST_OTPS, type Scenario } from './helpers/mock.js';
import { saidForRefusal } from './helpers/shopper-words.js';

const part = (el: StcpayOtp, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const visible = (el: StcpayOtp) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

const ARABIC_NOT_REGISTERED = 'رقم الجوال غير مسجل في STC Pay';
const WORDS = {
  'pay-words-en': { wrong: 'Invalid OTP', expired: 'The payment session has expired' },
  'pay-words-ar': { wrong: 'رمز التحقق غير صحيح', expired: 'انتهت صلاحية رمز التحقق' },
  'pay-words-stcpay': {
    wrong: 'Invalid OTP either expired or not found, please request a new OTP.',
    expired: 'Invalid OTP either expired or not found, please request a new OTP.',
  },
} as const;

/** What must never show: the company's name, a status code, the server's own sentence. */
function expectShopperWords(el: StcpayOtp, detail: OtpErrorDetail) {
  const text = visible(el);
  expect(text).not.to.match(/paylink/i);
  if (detail.status) expect(text).not.to.contain(String(detail.status));
  if (detail.serverText) expect(text).not.to.contain(detail.serverText);
  expect(text).not.to.match(/Bad Request|Unauthorized|Not Found|Internal Server Error/);
}

async function checkout(scenario: Scenario, lang: 'en' | 'ar', codeStep = false) {
  const mock = mockPaylink();
  const el = await freshCheckout<StcpayOtp>(mock.baseUrl(scenario), {
    lang,
    processPayment: codeStep,
  });
  return { el, mock };
}

async function failedSend(el: StcpayOtp): Promise<OtpErrorDetail> {
  const error = oneEvent(el, 'otp-error');
  el.send().catch(() => {});
  const detail = (await error).detail as OtpErrorDetail;
  await el.updateComplete;
  return detail;
}

async function failedPayment(el: StcpayOtp, code: string): Promise<OtpErrorDetail> {
  await el.send();
  await el.updateComplete;
  const input = part(el, 'otp') as HTMLInputElement;
  input.focus();
  await sendKeys({ type: code });
  const error = oneEvent(el, 'otp-error');
  el.confirm().catch(() => {});
  const detail = (await error).detail as OtpErrorDetail;
  await el.updateComplete;
  await el.updateComplete;
  return detail;
}

describe('<stcpay-otp> refusals', () => {
  for (const lang of ['en', 'ar'] as const) {
    const says = (refusal: Refusal) => saidForRefusal(lang, refusal);

    describe(`sendOtp, ${lang}`, () => {
      const cases: Array<[Scenario, Partial<OtpErrorDetail>, string, boolean]> = [
        ['server-error', { status: 500, refusal: 'unavailable' }, says('unavailable'), false],
        ['bad-gateway', { status: 502, refusal: 'unavailable' }, says('unavailable'), false],
        ['unauthorized', { status: 401, refusal: 'not-allowed' }, says('not-allowed'), false],
        ['not-found', { status: 404, refusal: 'not-found' }, says('not-found'), false],
        [
          'bad-request',
          {
            status: 400,
            refusal: 'number-not-registered',
            serverText: 'The mobile number is not registered with STC Pay.',
          },
          says('number-not-registered'),
          true,
        ],
        [
          'bad-request-ar',
          { status: 400, refusal: 'number-not-registered', serverText: ARABIC_NOT_REGISTERED },
          says('number-not-registered'),
          true,
        ],
        [
          'markup-error',
          // Its markup says "Not registered", which is read; the markup never shows.
          { status: 400, refusal: 'number-not-registered', serverText: MARKUP_DETAIL },
          says('number-not-registered'),
          true,
        ],
      ];
      for (const [scenario, expected, message, numberAtFault] of cases)
        it(`${scenario}: "${message.slice(0, 40)}…", the facts in the detail`, async () => {
          const { el } = await checkout(scenario, lang);
          const detail = await failedSend(el);
          expect(detail).to.include({ code: 'http', message, ...expected });
          expect(part(el, 'error')!.textContent!.trim()).to.equal(message);
          expectShopperWords(el, detail);
          const mobile = part(el, 'mobile') as HTMLInputElement;
          expect(mobile.getAttribute('aria-invalid')).to.equal(String(numberAtFault));
          expect(el.shadowRoot!.activeElement === mobile).to.equal(numberAtFault);
        });
    });

    describe(`processPayment, ${lang}`, () => {
      const cases: Array<[Scenario, string, Partial<OtpErrorDetail>, boolean]> = [
        // Paylink's documented body says only "Bad Request": the code was refused, no more.
        ['ok', TEST_OTPS.wrong, { status: 400, refusal: 'code-rejected' }, true],
        ['ok', TEST_OTPS.expire, { status: 400, refusal: 'code-rejected' }, true],
        ['pay-words-en', TEST_OTPS.wrong, { refusal: 'code-wrong' }, true],
        ['pay-words-en', TEST_OTPS.expire, { refusal: 'code-expired' }, false],
        ['pay-words-ar', TEST_OTPS.wrong, { refusal: 'code-wrong' }, true],
        ['pay-words-ar', TEST_OTPS.expire, { refusal: 'code-expired' }, false],
        ['pay-words-stcpay', TEST_OTPS.wrong, { refusal: 'code-wrong-or-expired' }, true],
        ['pay-words-stcpay', TEST_OTPS.expire, { refusal: 'code-wrong-or-expired' }, true],
        ['pay-unauthorized', TEST_OTPS.success, { status: 401, refusal: 'not-allowed' }, false],
        ['pay-not-found', TEST_OTPS.success, { status: 404, refusal: 'not-found' }, false],
        ['pay-server-error', TEST_OTPS.success, { status: 500, refusal: 'unavailable' }, false],
      ];
      for (const [scenario, code, expected, codeAtFault] of cases)
        it(`${scenario}, code ${code}: ${expected.refusal}${codeAtFault ? ', the code marked' : ''}`, async () => {
          const { el } = await checkout(scenario, lang, true);
          const detail = await failedPayment(el, code);
          const message = says(expected.refusal!);
          expect(detail).to.include({ code: 'http', message, ...expected });
          if (scenario.startsWith('pay-words-'))
            expect(detail.serverText).to.equal(
              WORDS[scenario as keyof typeof WORDS][code === TEST_OTPS.wrong ? 'wrong' : 'expired'],
            );
          expect(part(el, 'error')!.textContent!.trim()).to.equal(message);
          expectShopperWords(el, detail);
          const otp = part(el, 'otp') as HTMLInputElement;
          expect(otp.getAttribute('aria-invalid'), 'aria-invalid').to.equal(String(codeAtFault));
        });
    });
  }
});
