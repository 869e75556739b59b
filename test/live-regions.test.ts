/**
 * What a screen reader hears: in every state that shows them, each element's status line is a
 * polite live region (`role="status"`) and its error line an assertive one (`role="alert"`),
 * neither silenced (`aria-live="off"`) nor hidden, and each says exactly what the shopper reads.
 * axe does not require these roles, so nothing else would notice one gone.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import '../src/define-partner.js';
import type { StcpayOtp } from '../src/checkout/stcpay-otp.js';
import type { PaylinkValidateMobile } from '../src/partner/paylink-validate-mobile.js';
import {
  clickAndSettle,
  freshCheckout,
  hasPart,
  part,
  typeInto,
  validateMobileFor,
} from './helpers/harness.js';
import {
  checkLicense,
  MOCK_PARTNER,
  mockPaylink,
  PARTNER_OTPS,
  partnerToken,
  TEST_OTPS,
  until,
  type PartnerScenario,
  type Scenario,
} from './helpers/mock.js';
import { partnerSaid, said, saidForRefusal } from './helpers/shopper-words.js';

const NUMBER = '+966\u00a055\u00a0123\u00a04567';
const MASKED = '+966\u00a055\u00a0•••\u00a0••67';

/** The live region each line must be, and the `aria-live` its role implies (or none). */
const LIVE = {
  status: { role: 'status', live: 'polite' },
  error: { role: 'alert', live: 'assertive' },
} as const;

/** Checks that `node` is a live region of `kind` that assistive technology can hear. */
function expectLiveRegion(node: HTMLElement, kind: keyof typeof LIVE, what: string): void {
  const { role, live } = LIVE[kind];
  expect(node.getAttribute('role'), `${what}: role`).to.equal(role);
  const ariaLive = node.getAttribute('aria-live');
  expect(ariaLive === null || ariaLive === live, `${what}: aria-live="${ariaLive}"`).to.equal(true);
  expect(node.closest('[aria-hidden="true"]'), `${what}: inside aria-hidden`).to.equal(null);
  expect(getComputedStyle(node).display, `${what}: display`).not.to.equal('none');
  expect(getComputedStyle(node).visibility, `${what}: visibility`).to.equal('visible');
}

/** Checks both lines of a form step: their roles, and what each says ('' for nothing). */
function expectLines(el: HTMLElement, says: { status: string; error: string }): void {
  for (const kind of ['status', 'error'] as const) {
    const node = part(el, kind);
    expectLiveRegion(node, kind, `[part=${kind}] in state ${el.getAttribute('state')}`);
    expect(node.textContent!.trim(), `[part=${kind}] text`).to.equal(says[kind]);
  }
}

/** The state, asserted before anything else is checked. */
function expectState(el: HTMLElement, state: string): void {
  expect(el.getAttribute('state'), 'state').to.equal(state);
}

async function checkout(scenario: Scenario, setup: { collectOtp?: boolean; pay?: boolean } = {}) {
  const mock = mockPaylink();
  const el = await freshCheckout<StcpayOtp>(mock.baseUrl(scenario), {
    processPayment: setup.pay ?? false,
  });
  el.collectOtp = setup.collectOtp ?? false;
  await el.updateComplete;
  return el;
}

/** On the code step (`collect-otp`, or `process-payment` with `pay`), the code sent. */
async function atCodeStep(scenario: Scenario = 'ok', pay = false) {
  const el = await checkout(scenario, { collectOtp: !pay, pay });
  await el.send();
  await el.updateComplete;
  return el;
}

/** A payment whose answer was lost: the element is unconfirmed. */
async function unconfirmedPayment() {
  const el = await atCodeStep('pay-lost-hang', true);
  el.timeout = 300;
  const unconfirmed = oneEvent(el, 'payment-unconfirmed');
  await typeInto(el, 'otp', TEST_OTPS.success);
  el.confirm().catch(() => {});
  await unconfirmed;
  return el;
}

async function confirmed(el: StcpayOtp, code: string) {
  await typeInto(el, 'otp', code);
  const settled = clickAndSettle(el, 'confirm', 'payment-processed');
  return settled;
}

describe('<stcpay-otp> live regions', () => {
  describe('the number step', () => {
    it('idle: both lines there, silent, before anything is said', async () => {
      const el = await checkout('ok');
      expectState(el, 'idle');
      expectLines(el, { status: '', error: '' });
    });

    it('error, a number refused: the same alert that was there speaks', async () => {
      const el = await checkout('ok');
      const line = part(el, 'error');
      el.mobile = '5512345';
      await clickAndSettle(el, 'submit', 'otp-sent');
      await el.updateComplete;
      expectState(el, 'error');
      expectLines(el, {
        status: '',
        error: said('en', 'mobileTooShort', '966', 10, '05X XXX XXXX'),
      });
      expect(part(el, 'error'), 'the region present from the start').to.equal(line);
    });

    it('error, a number Paylink refuses', async () => {
      const el = await checkout('bad-request');
      await clickAndSettle(el, 'submit', 'otp-sent');
      await el.updateComplete;
      expectState(el, 'error');
      expectLines(el, { status: '', error: saidForRefusal('en', 'number-not-registered') });
    });

    it('sending', async () => {
      const el = await checkout('hang');
      el.send().catch(() => {});
      await el.updateComplete;
      expectState(el, 'sending');
      expectLines(el, { status: '', error: '' });
      el.reset();
    });

    it('idle after a cancelled send: the status line says nothing was charged', async () => {
      const el = await checkout('hang');
      const line = part(el, 'status');
      const sending = el.send().catch((e: unknown) => e);
      await el.updateComplete;
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(await sending).to.have.property('name', 'AbortError');
      await el.updateComplete;
      expectState(el, 'idle');
      expectLines(el, { status: said('en', 'sendCancelled'), error: '' });
      expect(part(el, 'status'), 'the region present from the start').to.equal(line);
    });

    it('sent, without a code step', async () => {
      const el = await checkout('ok');
      await el.send();
      await el.updateComplete;
      expectState(el, 'sent');
      expectLines(el, { status: said('en', 'sent', NUMBER), error: '' });
    });
  });

  describe('the code step', () => {
    it('sent: the status line says where the code went, the countdown is announced politely', async () => {
      const el = await atCodeStep();
      expectState(el, 'sent');
      expect(hasPart(el, 'otp'), 'on the code step').to.equal(true);
      expectLines(el, { status: said('en', 'otpSentTo', MASKED), error: '' });
      const announcement = el.shadowRoot!.querySelector<HTMLElement>('.visually-hidden')!;
      expect(announcement.getAttribute('role')).to.equal('status');
      expect([null, 'polite']).to.include(announcement.getAttribute('aria-live'));
      expect(announcement.textContent!.trim()).to.equal(said('en', 'resendWait', 60));
    });

    it('error, a code refused before sending', async () => {
      const el = await atCodeStep();
      const line = part(el, 'error');
      await clickAndSettle(el, 'confirm', 'otp-complete');
      await el.updateComplete;
      expectState(el, 'error');
      expect(hasPart(el, 'otp'), 'on the code step').to.equal(true);
      expectLines(el, {
        status: said('en', 'otpSentTo', MASKED),
        error: said('en', 'otpRequired'),
      });
      expect(part(el, 'error'), 'the region present from the start').to.equal(line);
    });

    it('error, a code Paylink refuses', async () => {
      const el = await atCodeStep('pay-words-en', true);
      await confirmed(el, TEST_OTPS.wrong);
      await el.updateComplete;
      expectState(el, 'error');
      expectLines(el, {
        status: said('en', 'otpSentTo', MASKED),
        error: saidForRefusal('en', 'code-wrong'),
      });
    });

    it('verifying', async () => {
      const el = await atCodeStep('pay-slow', true);
      await typeInto(el, 'otp', TEST_OTPS.success);
      const paid = el.confirm();
      await el.updateComplete;
      expectState(el, 'verifying');
      expectLines(el, { status: said('en', 'verifying'), error: '' });
      await paid;
    });

    it('sent again after a payment the store says did not go through', async () => {
      const el = await unconfirmedPayment();
      el.resolvePayment('unpaid');
      await el.updateComplete;
      expectState(el, 'sent');
      expectLines(el, { status: said('en', 'paymentUnpaid'), error: '' });
    });
  });

  describe('after the code step', () => {
    it('unconfirmed: a polite status, and no error line', async () => {
      const el = await unconfirmedPayment();
      await el.updateComplete;
      expectState(el, 'unconfirmed');
      expect(hasPart(el, 'error')).to.equal(false);
      expectLiveRegion(part(el, 'unconfirmed'), 'status', '[part=unconfirmed]');
      expect(part(el, 'unconfirmed').textContent!.trim()).to.equal(said('en', 'paymentChecking'));
    });

    it('paid: a polite status, and no error line', async () => {
      const el = await atCodeStep('ok', true);
      await confirmed(el, TEST_OTPS.success);
      await el.updateComplete;
      expectState(el, 'paid');
      expect(hasPart(el, 'error')).to.equal(false);
      expectLiveRegion(part(el, 'paid'), 'status', '[part=paid]');
      expect(part(el, 'paid').textContent!.trim()).to.equal(
        said('en', 'paid', said('en', 'amount', '10.00')),
      );
    });
  });
});

describe('<paylink-validate-mobile> live regions', () => {
  let token: string;
  before(async () => {
    token = await partnerToken();
  });

  async function step2(scenario: PartnerScenario = 'ok', resendAfter = 60) {
    const el = await validateMobileFor<PaylinkValidateMobile>(
      await checkLicense(token),
      MOCK_PARTNER.profileNo,
      {
        'base-url': mockPaylink().baseUrl(scenario as never),
        lang: 'en',
        'resend-after': String(resendAfter),
      },
    );
    el.token = token;
    return el;
  }

  it('idle: the status line says where the code went', async () => {
    const el = await step2();
    expectState(el, 'idle');
    expectLines(el, { status: said('en', 'otpSentTo', MASKED), error: '' });
  });

  it('error, a wrong code: the same alert that was there speaks', async () => {
    const el = await step2();
    const line = part(el, 'error');
    await typeInto(el, 'otp', PARTNER_OTPS.wrong);
    await clickAndSettle(el, 'submit', 'mobile-validated');
    await el.updateComplete;
    expectState(el, 'error');
    expectLines(el, { status: said('en', 'otpSentTo', MASKED), error: said('en', 'otpWrong') });
    expect(part(el, 'error'), 'the region present from the start').to.equal(line);
  });

  it('validating', async () => {
    const el = await step2('hang');
    await typeInto(el, 'otp', PARTNER_OTPS.success);
    el.validate().catch(() => {});
    await el.updateComplete;
    expectState(el, 'validating');
    expectLines(el, { status: partnerSaid('en', 'validating'), error: '' });
  });

  it('resending', async () => {
    const el = await step2('hang', 0);
    el.resend().catch(() => {});
    await el.updateComplete;
    expectState(el, 'resending');
    expectLines(el, { status: said('en', 'sending'), error: '' });
  });

  it('validated: a polite status', async () => {
    const el = await step2();
    await typeInto(el, 'otp', PARTNER_OTPS.success);
    await clickAndSettle(el, 'submit', 'mobile-validated');
    await until(() => el.getAttribute('state') === 'validated');
    await el.updateComplete;
    expectState(el, 'validated');
    expectLiveRegion(part(el, 'validated'), 'status', '[part=validated]');
    expect(part(el, 'validated').textContent!.trim()).to.equal(
      partnerSaid('en', 'validated', 'Qahwa & Tamr Trading Co.', 'commercial registration'),
    );
  });
});
