/** The code step of <stcpay-otp>: collect-otp, resend, change number, process-payment, WebOTP. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { OtpSentDetail } from '../src/index.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import {
  clickAndSettle,
  expectInputRefused,
  hasPart,
  part,
  text,
  typeInto,
} from './helpers/harness.js';
import { mockPaylink, pause, timeLimitFor, until, type Scenario } from './helpers/mock.js';
import { useFakeWebOtp, useNoWebOtp } from './helpers/fake-web-otp.js';
import { said, saidForRefusal } from './helpers/shopper-words.js';

const TEST_OTPS = { success: '12345', wrong: '11111', expire: '00000' };

type Mock = ReturnType<typeof mockPaylink>;

/** A checkout on its code step: the number was typed and the code sent. */
async function atCodeStep(
  mock: Mock,
  attributes: {
    scenario?: Scenario;
    processPayment?: boolean;
    otpLength?: number;
    resendAfter?: number;
  } = {},
) {
  const el = await fixture<StcpayOtp>(html`
    <stcpay-otp
      transaction-no=${`T${crypto.randomUUID().slice(0, 8)}`}
      total="10"
      mobile="0551234567"
      collect-otp
      ?process-payment=${attributes.processPayment ?? false}
      otp-length=${ifDefined(attributes.otpLength)}
      resend-after=${attributes.resendAfter ?? 60}
      base-url=${mock.baseUrl(attributes.scenario ?? 'ok')}
    ></stcpay-otp>
  `);
  const sent = await el.send();
  await el.updateComplete;
  return { el, sent };
}

/**
 * A checkout that pays, on its code step, with Paylink (the mock) wording its refusals as
 * `scenario` does, where the customer typed a wrong code and confirmed: how that settled.
 */
async function wrongCodeConfirmed(scenario: Scenario) {
  const { el } = await atCodeStep(mockPaylink(), { processPayment: true, scenario });
  await typeInto(el, 'otp', TEST_OTPS.wrong);
  return { el, ...(await clickAndSettle(el, 'confirm', 'payment-processed')) };
}

const requestsTo = async (mock: Mock, endpoint: 'sendOtp' | 'processPayment') =>
  (await mock.requests()).filter((r) => r.path.endsWith(`/${endpoint}`));

describe('<stcpay-otp> code step', () => {
  it('is accessible, waiting for the code and showing an error', async () => {
    const { el } = await atCodeStep(mockPaylink());
    expect(el.getAttribute('state')).to.equal('sent');
    expect(hasPart(el, 'otp')).to.equal(true);
    await expect(el).to.be.accessible();
    await typeInto(el, 'otp', '12');
    await clickAndSettle(el, 'confirm', 'otp-complete');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(text(el, 'error')).to.equal('The code has 4 to 10 digits.');
    await expect(el).to.be.accessible();
  });

  it('shows a labelled code input, focused, and the masked number the code went to', async () => {
    const { el } = await atCodeStep(mockPaylink());
    const input = part<HTMLInputElement>(el, 'otp');
    expect(hasPart(el, 'mobile')).to.equal(false);
    expect(input.labels![0].textContent).to.equal('Verification code');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.dir).to.equal('ltr');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(text(el, 'status')).to.equal(
      'Enter the code we sent by SMS to +966\u00a055\u00a0•••\u00a0••67.',
    );
    expect(text(el, 'confirm')).to.equal('Confirm');
    expect(el.getAttribute('state')).to.equal('sent');
  });

  describe('confirming a code', () => {
    it('dispatches otp-complete with exactly the processPayment body', async () => {
      const { el, sent } = await atCodeStep(mockPaylink());
      await typeInto(el, 'otp', '١٢٣٤٥');
      const { ok } = await clickAndSettle(el, 'confirm', 'otp-complete');
      expect(JSON.stringify(ok)).to.equal(
        JSON.stringify({
          stcpayMobileCountryCode: '966',
          stcpayMobile: '551234567',
          orderNumber: sent.orderNumber,
          total: 10,
          stcpayPaymentOTP: '12345',
          paymentSessionId: sent.paymentSessionId,
          signature: sent.signature,
          signedBase64Data: sent.signedBase64Data,
        }),
      );
    });

    it('reads Persian digits and a pasted code with spaces', async () => {
      const { el } = await atCodeStep(mockPaylink());
      await typeInto(el, 'otp', '۱۲۳۴۵۶');
      expect((await clickAndSettle(el, 'confirm', 'otp-complete')).ok?.stcpayPaymentOTP).to.equal(
        '123456',
      );
      part<HTMLInputElement>(el, 'otp').select();
      document.execCommand('insertText', false, ' 98 76 54 ');
      expect((await clickAndSettle(el, 'confirm', 'otp-complete')).ok?.stcpayPaymentOTP).to.equal(
        '987654',
      );
    });

    it('does not dispatch the same code twice, but does once the code is changed', async () => {
      const { el } = await atCodeStep(mockPaylink());
      let completed = 0;
      el.addEventListener('otp-complete', () => completed++);
      await typeInto(el, 'otp', '12345');
      for (let i = 0; i < 3; i++) part(el, 'confirm').click();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(completed).to.equal(1);
      expect(part(el, 'confirm').getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '6' });
      part(el, 'confirm').click();
      expect(completed).to.equal(2);
    });

    const wrong: Array<[string, number | undefined, string]> = [
      ['', undefined, 'Enter the code from the SMS.'],
      ['123', undefined, 'The code has 4 to 10 digits.'],
      ['12345', 6, 'The code has 6 digits.'],
    ];
    for (const [code, length, message] of wrong) {
      it(`refuses ${JSON.stringify(code)}${length ? ` with otp-length ${length}` : ''}: ${message}`, async () => {
        const mock = mockPaylink();
        const { el } = await atCodeStep(mock, { processPayment: true, otpLength: length });
        let completed = 0;
        el.addEventListener('otp-complete', () => completed++);
        if (code) await typeInto(el, 'otp', code);
        const { error } = await clickAndSettle(el, 'confirm', 'payment-processed');
        await el.updateComplete;
        expectInputRefused(el, 'otp', error, message);
        expect(completed).to.equal(0);
        expect(await requestsTo(mock, 'processPayment')).to.have.length(0);
      });
    }
  });

  describe('with process-payment', () => {
    it('calls processPayment with the otp-complete body and shows the payment as done', async () => {
      const mock = mockPaylink();
      const { el, sent } = await atCodeStep(mock, { processPayment: true });
      expect(text(el, 'confirm')).to.equal('Confirm payment');
      const complete = oneEvent(el, 'otp-complete');
      await typeInto(el, 'otp', TEST_OTPS.success);
      const { ok } = await clickAndSettle(el, 'confirm', 'payment-processed');
      expect(ok).to.deep.equal({
        orderNumber: sent.orderNumber,
        orderAmount: 10,
        msg: `Payment of order ${sent.orderNumber} has been processed.`,
      });
      const [request] = await requestsTo(mock, 'processPayment');
      expect(request.body).to.equal(JSON.stringify((await complete).detail));
      expect(request.contentType).to.equal('application/json');
      expect(request.accept).to.equal('application/json');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('paid');
      expect(text(el, 'paid')).to.equal('Payment of SAR\u00a010.00 complete. Thank you!');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'paid'));
      expect(hasPart(el, 'otp')).to.equal(false);
    });

    it('confirms by itself once otp-length digits are typed', async () => {
      const { el } = await atCodeStep(mockPaylink(), { processPayment: true, otpLength: 5 });
      const paid = oneEvent(el, 'payment-processed');
      await typeInto(el, 'otp', TEST_OTPS.success);
      expect((await paid).detail.orderAmount).to.equal(10);
    });

    it('says the code is wrong, keeps the code step, and lets the customer try again', async () => {
      const { el, error } = await wrongCodeConfirmed('pay-words-en');
      await el.updateComplete;
      const message = 'That code is not right. Check the SMS and try again, or ask for a new code.';
      expect(error).to.deep.equal({
        code: 'http',
        status: 400,
        message,
        retryable: false,
        serverText: 'Invalid OTP',
        refusal: 'code-wrong',
      });
      expect(text(el, 'error')).to.equal(message);
      expect(el.getAttribute('state')).to.equal('error');
      expect(part<HTMLInputElement>(el, 'otp').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(part<HTMLInputElement>(el, 'otp'));

      await sendKeys({ type: TEST_OTPS.success }); // the wrong code is selected: typing replaces it
      expect(text(el, 'error')).to.equal('');
      const { ok } = await clickAndSettle(el, 'confirm', 'payment-processed');
      expect(ok?.orderAmount).to.equal(10);
    });

    for (const lang of ['en', 'ar'] as const)
      it(`recovers from an expired code in one tap: resend at once and first, the code cleared and focused (${lang})`, async () => {
        const mock = mockPaylink();
        const { el, sent } = await atCodeStep(mock, {
          processPayment: true,
          resendAfter: 60,
          scenario: 'pay-words-en',
        });
        el.lang = lang;
        await el.updateComplete;
        const resend = part<HTMLButtonElement>(el, 'resend');
        expect(resend.disabled, 'during the countdown').to.equal(true);
        await typeInto(el, 'otp', TEST_OTPS.expire);
        const { error } = await clickAndSettle(el, 'confirm', 'payment-processed');
        expect(error).to.include({ refusal: 'code-expired' });
        await el.updateComplete;
        await el.updateComplete;
        const otp = part<HTMLInputElement>(el, 'otp');
        expect(text(el, 'error')).to.equal(saidForRefusal(lang, 'code-expired'));
        expect(resend.disabled).to.equal(false);
        expect(resend.classList.contains('primary')).to.equal(true);
        expect(part(el, 'confirm').classList.contains('secondary')).to.equal(true);
        expect(otp.value).to.equal('');
        expect(otp.getAttribute('aria-invalid')).to.equal('false');
        expect(el.shadowRoot!.activeElement).to.equal(otp);

        const resent = oneEvent(el, 'otp-sent');
        resend.click();
        const fresh = (await resent).detail as OtpSentDetail;
        expect(fresh.paymentSessionId).not.to.equal(sent.paymentSessionId);
        await el.updateComplete;
        expect(part(el, 'resend').classList.contains('primary')).to.equal(false);
        expect(part<HTMLButtonElement>(el, 'resend').disabled).to.equal(true);
        await typeInto(el, 'otp', TEST_OTPS.success);
        const { ok } = await clickAndSettle(el, 'confirm', 'payment-processed');
        expect(ok?.orderNumber).to.equal(sent.orderNumber);
        const payments = await requestsTo(mock, 'processPayment');
        expect(JSON.parse(payments[1].body).paymentSessionId).to.equal(fresh.paymentSessionId);
      });

    it("STC Pay's wrong-or-expired sentence: a new code at once, and the code kept selected to retype", async () => {
      const { el, error } = await wrongCodeConfirmed('pay-words-stcpay');
      expect(error).to.include({ refusal: 'code-wrong-or-expired' });
      await el.updateComplete;
      await el.updateComplete;
      const otp = part<HTMLInputElement>(el, 'otp');
      expect(part<HTMLButtonElement>(el, 'resend').disabled).to.equal(false);
      expect(otp.value).to.equal(TEST_OTPS.wrong);
      expect(otp.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(otp);
    });

    it('sends one processPayment for many confirms, and none after the payment', async () => {
      const mock = mockPaylink();
      const { el } = await atCodeStep(mock, { processPayment: true, scenario: 'pay-slow' });
      await typeInto(el, 'otp', TEST_OTPS.success);
      const paid = oneEvent(el, 'payment-processed');
      for (let i = 0; i < 5; i++) part(el, 'confirm').click();
      await sendKeys({ press: 'Enter' });
      const joined = el.confirm();
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('verifying');
      expect(text(el, 'confirm')).to.equal('Confirming payment…');
      expect((part(el, 'change-mobile') as HTMLButtonElement).disabled).to.equal(true);
      expect((part(el, 'resend') as HTMLButtonElement).disabled).to.equal(true);
      await paid;
      expect((await joined)?.orderAmount).to.equal(10);

      let refused: unknown;
      await el.confirm().catch((e: unknown) => (refused = e));
      expect(refused).to.have.property('name', 'InvalidStateError');
      await el.send().catch((e: unknown) => (refused = e));
      expect(refused).to.have.property('name', 'InvalidStateError');
      await pause(100);
      expect(await requestsTo(mock, 'processPayment')).to.have.length(1);
      expect(await requestsTo(mock, 'sendOtp')).to.have.length(1);
    });

    it('aborts processPayment when removed mid-request', async () => {
      const mock = mockPaylink();
      const { el } = await atCodeStep(mock, { processPayment: true, scenario: 'pay-hang' });
      await typeInto(el, 'otp', TEST_OTPS.success);
      let errors = 0;
      el.addEventListener('otp-error', () => errors++);
      const pending = el.confirm();
      await until(async () => (await requestsTo(mock, 'processPayment')).length === 1);
      el.remove();
      let rejected: unknown;
      await pending.catch((e: unknown) => (rejected = e));
      expect(rejected).to.have.property('name', 'AbortError');
      await until(async () => (await requestsTo(mock, 'processPayment'))[0].abandoned);
      expect(errors).to.equal(0);
    });

    it('pay-server-error: reports unavailable on the code step, then pays on a retry', async () => {
      const mock = mockPaylink();
      const { el } = await atCodeStep(mock, { processPayment: true, scenario: 'pay-server-error' });
      await typeInto(el, 'otp', TEST_OTPS.success);
      const { error } = await clickAndSettle(el, 'confirm', 'payment-processed');
      await el.updateComplete;
      expect(error).to.include({
        code: 'http',
        status: 500,
        retryable: true,
        refusal: 'unavailable',
      });
      expect(text(el, 'error')).to.equal(error!.message);
      expect(hasPart(el, 'otp')).to.equal(true);

      el.baseUrl = mock.baseUrl('ok');
      const { ok } = await clickAndSettle(el, 'confirm', 'payment-processed');
      expect(ok?.orderAmount).to.equal(10);
    });

    // A payment whose answer was lost may have gone through: it is never "try again".
    const lost: Array<[Scenario, string]> = [
      ['pay-bad-gateway', 'gateway'],
      ['pay-truncated', 'bad-response'],
      ['pay-reset', 'network'],
      ['pay-hang', 'timeout'],
    ];
    for (const [scenario, reason] of lost) {
      it(`${scenario}: goes unconfirmed (${reason}) with no otp-error and no way to pay again`, async () => {
        const mock = mockPaylink();
        const { el } = await atCodeStep(mock, { processPayment: true, scenario });
        el.timeout = timeLimitFor(scenario);
        let errors = 0;
        el.addEventListener('otp-error', () => errors++);
        await typeInto(el, 'otp', TEST_OTPS.success);
        const unconfirmed = oneEvent(el, 'payment-unconfirmed');
        part(el, 'confirm').click();
        expect((await unconfirmed).detail).to.include({ reason });
        await el.updateComplete;
        expect(el.getAttribute('state')).to.equal('unconfirmed');
        expect(hasPart(el, 'confirm')).to.equal(false);
        expect(hasPart(el, 'error')).to.equal(false);
        expect(errors).to.equal(0);
      });
    }
  });

  describe('resending', () => {
    it('counts down, tells screen readers, then sends a new code whose fields replace the old', async () => {
      const mock = mockPaylink();
      const { el, sent } = await atCodeStep(mock, { resendAfter: 2 });
      const resend = part(el, 'resend') as HTMLButtonElement;
      const announcement = () =>
        el.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.trim();
      expect(resend.disabled).to.equal(true);
      expect(resend.textContent!.trim()).to.equal(said('en', 'resendIn', '0:02'));
      expect(announcement()).to.equal(said('en', 'resendWait', 2));

      await until(() => !resend.disabled, 4000);
      expect(resend.textContent!.trim()).to.equal('Resend code');
      expect(announcement()).to.equal('You can ask for a new code now.');

      const resent = oneEvent(el, 'otp-sent');
      resend.click();
      const fresh = (await resent).detail as OtpSentDetail;
      expect(fresh).to.include({
        resent: true,
        orderNumber: sent.orderNumber,
        stcpayMobile: '551234567',
      });
      expect(fresh.paymentSessionId).not.to.equal(sent.paymentSessionId);
      expect(fresh.signature).not.to.equal(sent.signature);
      const sends = await requestsTo(mock, 'sendOtp');
      expect(sends).to.have.length(2);
      expect(sends[1].body).to.equal(sends[0].body);

      await el.updateComplete;
      expect(text(el, 'status')).to.equal('We sent a new code to +966\u00a055\u00a0•••\u00a0••67.');
      expect((part(el, 'resend') as HTMLButtonElement).disabled).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(part<HTMLInputElement>(el, 'otp'));
      await typeInto(el, 'otp', '12345');
      const { ok } = await clickAndSettle(el, 'confirm', 'otp-complete');
      expect(ok).to.include({
        paymentSessionId: fresh.paymentSessionId,
        signature: fresh.signature,
        signedBase64Data: fresh.signedBase64Data,
      });
    });
  });

  describe('changing the number', () => {
    it('goes back to the number with focus, and the next send is a first send', async () => {
      const mock = mockPaylink();
      const { el } = await atCodeStep(mock, { resendAfter: 0 });
      part(el, 'change-mobile').click();
      await el.updateComplete;
      await el.updateComplete;
      const mobile = part(el, 'mobile') as HTMLInputElement;
      expect(hasPart(el, 'otp')).to.equal(false);
      expect(el.getAttribute('state')).to.equal('idle');
      expect(el.shadowRoot!.activeElement).to.equal(mobile);
      expect(mobile.value).to.equal('0551234567');

      mobile.select();
      await sendKeys({ type: '0561234567' });
      const sent = oneEvent(el, 'otp-sent');
      await sendKeys({ press: 'Enter' });
      const detail = (await sent).detail as OtpSentDetail;
      expect(detail.stcpayMobile).to.equal('561234567');
      expect(detail).not.to.have.property('resent');
    });
  });

  describe('WebOTP', () => {
    const sms = useFakeWebOtp();

    it('fills in and confirms the code the browser reads from the SMS', async () => {
      const { el } = await atCodeStep(mockPaylink());
      expect(sms.requests).to.have.length(1);
      const complete = oneEvent(el, 'otp-complete');
      sms.requests[0].resolve({ code: '54321' });
      expect((await complete).detail.stcpayPaymentOTP).to.equal('54321');
      await el.updateComplete;
      expect(part<HTMLInputElement>(el, 'otp').value).to.equal('54321');
    });

    it('aborts the browser request when the customer changes the number or the element goes', async () => {
      const { el } = await atCodeStep(mockPaylink());
      part(el, 'change-mobile').click();
      expect(sms.requests[0].signal.aborted).to.equal(true);

      const second = await atCodeStep(mockPaylink());
      const request = sms.requests[sms.requests.length - 1];
      expect(request.signal.aborted).to.equal(false);
      second.el.remove();
      expect(request.signal.aborted).to.equal(true);
    });
  });

  describe('without WebOTP (OTPCredential removed, in every engine)', () => {
    const webOtp = useNoWebOtp();

    it('asks the browser nothing, and the customer types the code and pays', async () => {
      const { el } = await atCodeStep(mockPaylink(), { processPayment: true });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp'));
      await typeInto(el, 'otp', TEST_OTPS.success);
      const { ok } = await clickAndSettle(el, 'confirm', 'payment-processed');
      expect(ok?.orderAmount).to.equal(10);
      expect(webOtp.asked()).to.equal(0);
    });
  });
});
