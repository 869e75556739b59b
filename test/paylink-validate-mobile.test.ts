/** <paylink-validate-mobile>: step 2 of a Paylink partner's merchant registration. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define-partner.js';
import type { OtpErrorDetail } from '../src/index.js';
import { salesVolumeOptions } from '../src/partner/partner-client.js';
import type { PaylinkValidateMobile } from '../src/partner/paylink-validate-mobile.js';
import { ar } from '../src/i18n/ar.js';
import { en } from '../src/i18n/en.js';
import { partnerAr, partnerEn } from '../src/partner/partner-messages.js';
import {
  checkLicense,
  MOCK_PARTNER,
  mockPaylink,
  PARTNER_OTPS,
  partnerToken,
  pause,
  type PartnerScenario,
} from './helpers/mock.js';
import { clickAndSettle, part, text, typeInto } from './helpers/harness.js';

/** The documentation page's example request and the response it shows. */
const EXAMPLE = {
  request: {
    signature: 'ae135f2506dc3c********',
    mobile: '0599925477',
    sessionUuid: '96ea8e22-edef-414b-9724-3bd2d494b710',
    otp: '7615',
    partnerProfileNo: '19039481',
  },
  response: {
    signature: 'example_signature',
    mobile: '1234567890',
    sessionUuid: 'example_session_uuid',
    licenseNumber: '123456789',
    licenseType: 'cr',
    licenseName: 'Example Company',
    nationalIds: ['1234567890', '0987654321'],
    bankNames: ['Bank A', 'Bank B', 'Bank C'],
    monthlySalesVolumes: [
      {
        salesVolumeValue: 'below_10000',
        salesVolumeName: 'Below 10,000 SAR',
        salesVolumeNameAr: 'أقل من 10000 ريال سعودي',
      },
      {
        salesVolumeValue: '10000_50000',
        salesVolumeName: '10,000 - 50,000 SAR',
        salesVolumeNameAr: '10,000 - 50,000 ريال سعودي',
      },
      {
        salesVolumeValue: '50000_100000',
        salesVolumeName: '50,000 - 100,000 SAR',
        salesVolumeNameAr: '50,000 - 100,000 ريال سعودي',
      },
      {
        salesVolumeValue: 'more_than_100000',
        salesVolumeName: 'More than 100,000 SAR',
        salesVolumeNameAr: 'أكثر من 100,000 ريال سعودي',
      },
    ],
  },
};

type Mock = ReturnType<typeof mockPaylink>;
type Session = { signature: string; mobile: string; sessionUuid: string };

/** The element as a partner page sets it up from step 1, talking to Paylink (the mock) directly. */
async function step2(
  mock: Mock,
  session: Session,
  { scenario = 'ok', lang }: { scenario?: PartnerScenario; lang?: string } = {},
) {
  return fixture<PaylinkValidateMobile>(html`
    <paylink-validate-mobile
      signature=${session.signature}
      session-uuid=${session.sessionUuid}
      mobile=${session.mobile}
      partner-profile-no=${MOCK_PARTNER.profileNo}
      base-url=${mock.baseUrl(scenario as never)}
      lang=${lang ?? 'en'}
    ></paylink-validate-mobile>
  `);
}

describe('<paylink-validate-mobile>', () => {
  let token: string;
  before(async () => {
    token = await partnerToken();
  });

  it('is accessible, in English and Arabic, waiting, after an error and once validated', async () => {
    for (const lang of ['en', 'ar']) {
      const el = await step2(mockPaylink(), await checkLicense(token), { lang });
      el.token = token;
      await expect(el).to.be.accessible();
      await typeInto(el, 'otp', '12');
      await clickAndSettle(el, 'submit', 'mobile-validated');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      part(el, 'otp').focus();
      (part(el, 'otp') as HTMLInputElement).select();
      await sendKeys({ type: PARTNER_OTPS.success });
      await clickAndSettle(el, 'submit', 'mobile-validated');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });

  it("sends the page's example request and hands on the page's example response", async () => {
    const mock = mockPaylink();
    const el = await step2(mock, EXAMPLE.request);
    el.token = token;
    expect(text(el, 'status')).to.equal(
      'Enter the code we sent by SMS to +966\u00a059\u00a0•••\u00a0••77.',
    );
    const otp = part(el, 'otp') as HTMLInputElement;
    expect(otp.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(otp.labels![0].textContent).to.equal('Verification code');
    await typeInto(el, 'otp', '٧٦١٥');
    const { ok } = await clickAndSettle(el, 'submit', 'mobile-validated');

    const [request] = await mock.requests();
    expect(request.path).to.match(/\/api\/partner\/register\/validate-otp$/);
    expect(JSON.parse(request.body)).to.deep.equal(EXAMPLE.request);
    expect(request.body).to.equal(
      JSON.stringify({
        signature: EXAMPLE.request.signature,
        sessionUuid: EXAMPLE.request.sessionUuid,
        mobile: EXAMPLE.request.mobile,
        otp: '7615',
        partnerProfileNo: EXAMPLE.request.partnerProfileNo,
      }),
    );
    expect((request as unknown as { authorization: string }).authorization).to.equal(
      `Bearer ${token}`,
    );
    expect(request.contentType).to.equal('application/json');
    expect(request.accept).to.equal('application/json');

    expect(ok).to.deep.equal(EXAMPLE.response);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('validated');
    expect(text(el, 'validated')).to.equal(
      'Number verified for Example Company (commercial registration).',
    );
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'validated'));
  });

  it('gives the sales volume options in the active language', () => {
    const volumes = EXAMPLE.response.monthlySalesVolumes;
    expect(salesVolumeOptions(volumes, 'en')).to.deep.equal(
      volumes.map((v) => ({ value: v.salesVolumeValue, label: v.salesVolumeName })),
    );
    expect(salesVolumeOptions(volumes, 'ar-SA')[0]).to.deep.equal({
      value: 'below_10000',
      label: 'أقل من 10000 ريال سعودي',
    });
  });

  describe('errors', () => {
    it('says the code is wrong, and takes the right one afterwards', async () => {
      const el = await step2(mockPaylink(), await checkLicense(token));
      el.token = token;
      await typeInto(el, 'otp', PARTNER_OTPS.wrong);
      const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(error).to.deep.equal({
        code: 'http',
        status: 400,
        message: en.otpWrong,
        retryable: false,
      });
      await el.updateComplete;
      expect(text(el, 'error')).to.equal(en.otpWrong);
      expect(part(el, 'otp').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp'));
      await sendKeys({ type: PARTNER_OTPS.success });
      expect((await clickAndSettle(el, 'submit', 'mobile-validated')).ok?.licenseType).to.equal(
        'cr',
      );
    });

    it('says the session is gone when the signature was changed, and the session stays gone', async () => {
      const session = await checkLicense(token);
      const el = await step2(mockPaylink(), { ...session, signature: `${session.signature}x` });
      el.token = token;
      await typeInto(el, 'otp', PARTNER_OTPS.success);
      const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(error).to.include({
        code: 'http',
        status: 400,
        message: partnerEn.registrationSessionInvalid,
      });
      el.signature = session.signature;
      expect((await clickAndSettle(el, 'submit', 'mobile-validated')).error?.message).to.equal(
        partnerEn.registrationSessionInvalid,
      );
    });

    it('says the sign-in is missing or expired on a 401', async () => {
      const el = await step2(mockPaylink(), await checkLicense(token));
      el.token = 'expired-or-made-up';
      await typeInto(el, 'otp', PARTNER_OTPS.success);
      const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(error).to.deep.equal({
        code: 'http',
        status: 401,
        message: partnerEn.unauthorized,
        retryable: false,
      });
    });

    const failures: Array<[PartnerScenario, Partial<OtpErrorDetail>, string]> = [
      ['reset', { code: 'network', retryable: true }, en.network],
      ['hang', { code: 'timeout', retryable: true }, en.timeout(0.3)],
      ['truncated', { code: 'bad-response', retryable: true }, en.badResponse],
      ['missing-field', { code: 'bad-response', retryable: true }, en.badResponse],
      ['server-error', { code: 'http', status: 500, retryable: true }, en.serverUnavailable(500)],
    ];
    for (const [scenario, expected, message] of failures) {
      it(`${scenario}: reports ${expected.code}, then validates on a retry`, async () => {
        const mock = mockPaylink();
        const el = await step2(mock, await checkLicense(token), { scenario });
        el.token = token;
        el.timeout = 300;
        await typeInto(el, 'otp', PARTNER_OTPS.success);
        const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
        expect(error).to.deep.equal({ ...expected, message });
        await el.updateComplete;
        expect(text(el, 'error')).to.equal(message);
        el.baseUrl = mock.baseUrl('ok');
        expect((await clickAndSettle(el, 'submit', 'mobile-validated')).ok?.licenseName).to.be.a(
          'string',
        );
      });
    }

    const missing = ['signature', 'sessionUuid', 'mobile', 'partnerProfileNo'] as const;
    for (const field of missing) {
      it(`sends nothing without ${field}`, async () => {
        const mock = mockPaylink();
        const el = await step2(mock, await checkLicense(token));
        el.token = token;
        el[field] = undefined;
        await typeInto(el, 'otp', PARTNER_OTPS.success);
        const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
        expect(error).to.deep.equal({
          code: 'validation',
          field,
          message: partnerEn.registrationInputMissing(field),
          retryable: false,
        });
        await pause(50);
        expect(await mock.requests()).to.have.length(0);
      });
    }

    it('sends nothing to Paylink directly without a token or getToken', async () => {
      const el = await step2(mockPaylink(), await checkLicense(token));
      el.baseUrl = undefined; // straight to Paylink's host: a token is required
      await typeInto(el, 'otp', PARTNER_OTPS.success);
      const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(error).to.deep.equal({
        code: 'validation',
        field: 'token',
        message: partnerEn.tokenMissing,
        retryable: false,
      });
    });

    it('sends nothing for a code of the wrong length', async () => {
      const mock = mockPaylink();
      const el = await step2(mock, await checkLicense(token));
      el.token = token;
      el.otpLength = 4;
      await typeInto(el, 'otp', '761');
      const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(error).to.deep.equal({
        code: 'validation',
        field: 'otp',
        message: 'The code has 4 digits.',
        retryable: false,
      });
      expect(await mock.requests()).to.have.length(0);
    });
  });

  describe('the token', () => {
    it('never shows in the DOM, an attribute, the console or an event', async () => {
      const secret = `SECRET-${crypto.randomUUID()}`;
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const originals = methods.map((name) => console[name]);
      methods.forEach(
        (name) => (console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '))),
      );
      const details: unknown[] = [];
      try {
        // A real token, plus a made-up one that meets a 401: both paths must keep it hidden.
        for (const [value, code] of [
          [token, PARTNER_OTPS.wrong],
          [secret, PARTNER_OTPS.success],
          [token, PARTNER_OTPS.success],
        ]) {
          const el = await step2(mockPaylink(), await checkLicense(token));
          for (const type of ['otp-error', 'mobile-validated'])
            el.addEventListener(type, (e) => details.push((e as CustomEvent).detail));
          el.token = value;
          await typeInto(el, 'otp', code);
          await clickAndSettle(el, 'submit', 'mobile-validated');
          await el.updateComplete;
          const visible = [
            el.outerHTML,
            el.shadowRoot!.innerHTML,
            ...[...el.attributes].map((a) => a.value),
            JSON.stringify(details),
          ].join('\n');
          expect(visible).not.to.contain(value);
          expect(el.hasAttribute('token')).to.equal(false);
        }
      } finally {
        methods.forEach((name, i) => (console[name] = originals[i]));
      }
      expect(details).to.have.length(3);
      expect(logged.join('\n')).not.to.contain(token).and.not.to.contain(secret);
    });

    it('asks getToken for a fresh token after a 401 and retries once', async () => {
      const mock = mockPaylink();
      const el = await step2(mock, await checkLicense(token));
      const handed: string[] = [];
      const fresh = await partnerToken();
      el.getToken = async () => {
        const next = handed.length === 0 ? 'expired-token' : fresh;
        handed.push(next);
        return next;
      };
      await typeInto(el, 'otp', PARTNER_OTPS.success);
      const { ok } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(ok?.licenseName).to.be.a('string');
      expect(handed).to.deep.equal(['expired-token', fresh]);
      const requests = (await mock.requests()) as unknown as Array<{ authorization: string }>;
      expect(requests.map((r) => r.authorization)).to.deep.equal([
        'Bearer expired-token',
        `Bearer ${fresh}`,
      ]);
    });

    it('retries only once: a second 401 is reported', async () => {
      const mock = mockPaylink();
      const el = await step2(mock, await checkLicense(token), { scenario: 'unauthorized' });
      let asked = 0;
      el.getToken = () => `token-${++asked}`;
      await typeInto(el, 'otp', PARTNER_OTPS.success);
      const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
      expect(error).to.include({ status: 401, message: partnerEn.unauthorized });
      expect(asked).to.equal(2);
      expect(await mock.requests()).to.have.length(2);
    });
  });

  describe('in Arabic', () => {
    it('speaks Arabic right to left, keeping the code and the number left to right', async () => {
      const el = await step2(mockPaylink(), await checkLicense(token), { lang: 'ar' });
      el.token = token;
      expect(getComputedStyle(part(el, 'form')).direction).to.equal('rtl');
      expect(getComputedStyle(part(el, 'otp')).direction).to.equal('ltr');
      expect(text(el, 'submit')).to.equal(partnerAr.validate);
      expect(text(el, 'status')).to.equal(ar.otpSentTo('+966\u00a055\u00a0•••\u00a0••67'));
      await typeInto(el, 'otp', '٧٦١٥');
      await clickAndSettle(el, 'submit', 'mobile-validated');
      await el.updateComplete;
      expect(text(el, 'validated')).to.equal(
        partnerAr.validated('Qahwa & Tamr Trading Co.', 'سجل تجاري'),
      );
    });
  });

  it('lets the page override its own strings and the shared ones', async () => {
    const el = await step2(mockPaylink(), await checkLicense(token));
    el.messages = {
      validate: 'Check',
      otpLabel: 'SMS code',
      unauthorized: 'Sign in again, please.',
    };
    el.token = 'made-up';
    await el.updateComplete;
    expect(text(el, 'submit')).to.equal('Check');
    expect(text(el, 'otp-label')).to.equal('SMS code');
    await typeInto(el, 'otp', PARTNER_OTPS.success);
    expect((await clickAndSettle(el, 'submit', 'mobile-validated')).error?.message).to.equal(
      'Sign in again, please.',
    );
  });

  it('focuses its code input when the page focuses the element', async () => {
    const el = await step2(mockPaylink(), await checkLicense(token));
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp'));
  });
});
