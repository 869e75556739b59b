/** <paylink-validate-mobile>: step 2 of a Paylink partner's merchant registration. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define-partner.js';
import type { OtpErrorDetail } from '../src/index.js';
import {
  parseRetryOtpResponse,
  registrationRefusal,
  retryOtp,
  retryRefusal,
  salesVolumeOptions,
} from '../src/partner/partner-client.js';
import { PaylinkError } from '../src/core/errors.js';
import type { PaylinkValidateMobile } from '../src/partner/paylink-validate-mobile.js';
import {
  checkLicense,
  MOCK_PARTNER,
  mockPaylink,
  PARTNER_OTPS,
  partnerToken,
  pause,
  timeLimitFor,
  until,
  type PartnerScenario,
} from './helpers/mock.js';
import {
  clickAndSettle,
  part,
  text,
  typeInto,
  validateMobileFor,
  type PartnerSession,
} from './helpers/harness.js';
import { said, partnerSaid } from './helpers/shopper-words.js';

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

/** The element as a partner page sets it up from step 1, talking to Paylink (the mock) directly. */
async function step2(
  mock: Mock,
  session: PartnerSession,
  { scenario = 'ok', lang }: { scenario?: PartnerScenario; lang?: string } = {},
) {
  return validateMobileFor<PaylinkValidateMobile>(session, MOCK_PARTNER.profileNo, {
    'base-url': mock.baseUrl(scenario as never),
    lang: lang ?? 'en',
  });
}

describe('<paylink-validate-mobile>', () => {
  let token: string;
  before(async () => {
    token = await partnerToken();
  });

  describe('accessibility', () => {
    /** Each state, reached as the merchant would, and the `state` it must then be in. */
    const states: Record<string, [state: string, reach: (lang: string) => Promise<HTMLElement>]> = {
      'waiting for the code': ['idle', (lang) => ready('ok', lang)],
      'a wrong code': [
        'error',
        async (lang) => {
          const el = await ready('ok', lang);
          await typeInto(el, 'otp', PARTNER_OTPS.wrong);
          await clickAndSettle(el, 'submit', 'mobile-validated');
          return el;
        },
      ],
      validating: [
        'validating',
        async (lang) => {
          const el = await ready('hang', lang);
          await typeInto(el, 'otp', PARTNER_OTPS.success);
          el.validate().catch(() => {});
          return el;
        },
      ],
      'asking for a new code': [
        'resending',
        async (lang) => {
          const el = await ready('hang', lang, 0);
          el.resend().catch(() => {});
          return el;
        },
      ],
      validated: [
        'validated',
        async (lang) => {
          const el = await ready('ok', lang);
          await typeInto(el, 'otp', PARTNER_OTPS.success);
          await clickAndSettle(el, 'submit', 'mobile-validated');
          return el;
        },
      ],
    };

    async function ready(scenario: PartnerScenario, lang: string, resendAfter = 60) {
      const el = await validateMobileFor<PaylinkValidateMobile>(
        await checkLicense(token),
        MOCK_PARTNER.profileNo,
        {
          'base-url': mockPaylink().baseUrl(scenario as never),
          lang,
          'resend-after': String(resendAfter),
        },
      );
      el.token = token;
      return el;
    }

    for (const lang of ['en', 'ar'])
      for (const [name, [state, reach]] of Object.entries(states))
        it(`axe finds nothing: ${name}, ${lang}`, async () => {
          const el = (await reach(lang)) as PaylinkValidateMobile;
          await el.updateComplete;
          // axe on the wrong state would pass for the wrong reason: the state first.
          expect(el.getAttribute('state'), 'state').to.equal(state);
          await expect(el).to.be.accessible();
        });
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
    /** Step 2 on a fresh session with `elToken`, `code` typed in and submitted: how it settled. */
    async function submitted(code: string, elToken = token) {
      const el = await step2(mockPaylink(), await checkLicense(token));
      el.token = elToken;
      await typeInto(el, 'otp', code);
      return { el, ...(await clickAndSettle(el, 'submit', 'mobile-validated')) };
    }

    it('says the code is wrong, and takes the right one afterwards', async () => {
      const { el, error } = await submitted(PARTNER_OTPS.wrong);
      expect(error).to.deep.equal({
        code: 'http',
        status: 400,
        message: said('en', 'otpWrong'),
        retryable: false,
      });
      await el.updateComplete;
      expect(text(el, 'error')).to.equal(said('en', 'otpWrong'));
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
        message: partnerSaid('en', 'registrationSessionInvalid'),
      });
      el.signature = session.signature;
      expect((await clickAndSettle(el, 'submit', 'mobile-validated')).error?.message).to.equal(
        partnerSaid('en', 'registrationSessionInvalid'),
      );
    });

    it('says the sign-in is missing or expired on a 401', async () => {
      const { error } = await submitted(PARTNER_OTPS.success, 'expired-or-made-up');
      expect(error).to.deep.equal({
        code: 'http',
        status: 401,
        message: partnerSaid('en', 'unauthorized'),
        retryable: false,
      });
    });

    const failures: Array<[PartnerScenario, Partial<OtpErrorDetail>, string]> = [
      ['reset', { code: 'network', retryable: true }, said('en', 'network')],
      ['hang', { code: 'timeout', retryable: true }, said('en', 'timeout', 0.3)],
      ['truncated', { code: 'bad-response', retryable: true }, said('en', 'badResponse')],
      ['missing-field', { code: 'bad-response', retryable: true }, said('en', 'badResponse')],
      [
        'server-error',
        { code: 'http', status: 500, retryable: true },
        said('en', 'serverUnavailable', 500),
      ],
    ];
    for (const [scenario, expected, message] of failures) {
      it(`${scenario}: reports ${expected.code}, then validates on a retry`, async () => {
        const mock = mockPaylink();
        const el = await step2(mock, await checkLicense(token), { scenario });
        el.token = token;
        el.timeout = timeLimitFor(scenario);
        await typeInto(el, 'otp', PARTNER_OTPS.success);
        const { error } = await clickAndSettle(el, 'submit', 'mobile-validated');
        expect(error).to.deep.equal({ ...expected, message });
        await el.updateComplete;
        expect(text(el, 'error')).to.equal(message);
        el.baseUrl = mock.baseUrl('ok');
        el.timeout = timeLimitFor('ok');
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
          message: partnerSaid('en', 'registrationInputMissing', field),
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
        message: partnerSaid('en', 'tokenMissing'),
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
      expect(error).to.include({ status: 401, message: partnerSaid('en', 'unauthorized') });
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
      expect(text(el, 'submit')).to.equal(partnerSaid('ar', 'validate'));
      expect(text(el, 'status')).to.equal(
        said('ar', 'otpSentTo', '+966\u00a055\u00a0•••\u00a0••67'),
      );
      await typeInto(el, 'otp', '٧٦١٥');
      await clickAndSettle(el, 'submit', 'mobile-validated');
      await el.updateComplete;
      expect(text(el, 'validated')).to.equal(
        partnerSaid('ar', 'validated', 'Qahwa & Tamr Trading Co.', 'سجل تجاري'),
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

/** Types the code key by key, as the merchant does. */
const typeCode = (el: PaylinkValidateMobile, code: string) => typeInto(el, 'otp', code);
/** Clicks verify and waits for mobile-validated or otp-error. */
const submitAndWait = (el: PaylinkValidateMobile) =>
  clickAndSettle(el, 'submit', 'mobile-validated');

describe('<paylink-validate-mobile> against the page and the network', () => {
  let token: string;
  before(async () => {
    token = await partnerToken();
  });

  /** Collects console.warn and the rest while `run` runs. */
  async function watchConsole(run: () => Promise<void>): Promise<string[]> {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((name) => console[name]);
    methods.forEach(
      (name) =>
        (console[name] = (...args: unknown[]) =>
          logged.push(`${name}: ${args.map(String).join(' ')}`)),
    );
    try {
      await run();
    } finally {
      methods.forEach((name, i) => (console[name] = originals[i]));
    }
    return logged;
  }

  describe('a token attribute', () => {
    it('is removed at once, never used, and warned about once without the token', async () => {
      const secret = `SECRET-${crypto.randomUUID()}`;
      const mock = mockPaylink();
      const session = await checkLicense(token);
      let el!: PaylinkValidateMobile;
      const logged = await watchConsole(async () => {
        el = await fixture<PaylinkValidateMobile>(html`
          <paylink-validate-mobile
            token=${secret}
            signature=${session.signature}
            session-uuid=${session.sessionUuid}
            mobile=${session.mobile}
            partner-profile-no=${MOCK_PARTNER.profileNo}
            base-url=${mock.baseUrl()}
          ></paylink-validate-mobile>
        `);
        expect(el.hasAttribute('token')).to.equal(false);
        el.setAttribute('token', secret);
        expect(el.hasAttribute('token')).to.equal(false);
        await typeCode(el, PARTNER_OTPS.success);
        await submitAndWait(el);
      });
      expect(el.token).to.equal(undefined);
      const [request] = await mock.requests();
      expect((request as unknown as { authorization: string | null }).authorization).to.equal(null);
      expect(logged).to.have.length(1);
      expect(logged[0]).to.match(/^warn: .*token.*property/);
      expect(logged.join()).not.to.contain(secret);
    });

    it('is removed when the element is defined after the page set it (a framework, SSR)', async () => {
      const tag = `late-validate-mobile-${Math.random().toString(36).slice(2)}`;
      const el = document.createElement(tag);
      el.setAttribute('token', 'SECRET-late');
      document.body.append(el);
      const logged = await watchConsole(async () => {
        const { PaylinkValidateMobile } = await import('../src/partner/paylink-validate-mobile.js');
        PaylinkValidateMobile.define(tag);
      });
      expect(el.hasAttribute('token')).to.equal(false);
      expect((el as PaylinkValidateMobile).token).to.equal(undefined);
      expect(logged).to.have.length(1);
      expect(logged[0]).not.to.contain('SECRET-late');
      el.remove();
    });
  });

  it('times out while getToken hangs, within its timeout, sending nothing', async () => {
    const mock = mockPaylink();
    const el = await step2(mock, await checkLicense(token));
    el.baseUrl = undefined;
    el.environment = 'testing';
    el.getToken = () => new Promise<string>(() => {});
    el.timeout = 300;
    await typeCode(el, PARTNER_OTPS.success);
    const started = performance.now();
    const { error } = await submitAndWait(el);
    expect(performance.now() - started).to.be.below(3000);
    expect(error).to.include({
      code: 'timeout',
      retryable: true,
      message: said('en', 'timeout', 0.3),
    });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(text(el, 'error')).to.equal(said('en', 'timeout', 0.3));
    expect(await mock.requests()).to.have.length(0);
  });

  for (const [scenario, licenseType] of [
    ['constructor-license', 'constructor'],
    ['proto-license', '__proto__'],
  ] as const)
    it(`shows a licenseType of "${licenseType}" as sent, looking up own names only`, async () => {
      const el = await step2(mockPaylink(), await checkLicense(token), { scenario });
      el.token = token;
      await typeCode(el, PARTNER_OTPS.success);
      expect((await submitAndWait(el)).ok?.licenseType).to.equal(licenseType);
      await el.updateComplete;
      expect(text(el, 'validated')).to.equal(
        partnerSaid('en', 'validated', 'Qahwa & Tamr Trading Co.', licenseType),
      );
    });

  it('dispatches fresh, frozen details that a listener cannot turn into what it shows', async () => {
    const el = await step2(mockPaylink(), await checkLicense(token));
    el.token = token;
    const details: unknown[] = [];
    const tamper = (event: Event) => {
      const detail = (event as CustomEvent).detail as Record<string, unknown>;
      details.push(detail);
      Reflect.set(detail, 'licenseName', 'Someone Else');
      Reflect.set(detail, 'message', 'Changed');
      Reflect.set((detail.nationalIds as string[] | undefined) ?? {}, 0, '0');
    };
    el.addEventListener('mobile-validated', tamper);
    el.addEventListener('otp-error', tamper);
    await typeCode(el, PARTNER_OTPS.wrong);
    const { error } = await submitAndWait(el);
    await el.updateComplete;
    expect(Object.isFrozen(error)).to.equal(true);
    expect(text(el, 'error')).to.equal(said('en', 'otpWrong'));
    (part(el, 'otp') as HTMLInputElement).select();
    await sendKeys({ type: PARTNER_OTPS.success });
    const { ok } = await submitAndWait(el);
    await el.updateComplete;
    expect(Object.isFrozen(ok)).to.equal(true);
    expect(Object.isFrozen(ok!.nationalIds)).to.equal(true);
    expect(Object.isFrozen(ok!.monthlySalesVolumes[0])).to.equal(true);
    expect(ok!.licenseName).to.equal('Qahwa & Tamr Trading Co.');
    expect(ok!.nationalIds[0]).to.equal('1012345678');
    expect(text(el, 'validated')).to.contain('Qahwa & Tamr Trading Co.');
    expect(details).to.have.length(2);
  });

  describe('resend', () => {
    const retryRequests = async (mock: ReturnType<typeof mockPaylink>) =>
      (await mock.requests()).filter((r) => r.path.endsWith('/retry-otp'));

    for (const lang of ['en', 'ar'] as const)
      it(`(${lang}) waits out resend-after, asks retry-otp, and goes on with the session it returns`, async () => {
        const mock = mockPaylink();
        const session = await checkLicense(token);
        // resend-after counts from when the element first shows: step 1 has just sent a code.
        const fresh = document.createElement('paylink-validate-mobile');
        Object.assign(fresh, {
          ...session,
          partnerProfileNo: MOCK_PARTNER.profileNo,
          baseUrl: mock.baseUrl(),
          token,
          resendAfter: 1,
        });
        fresh.lang = lang;
        document.body.append(fresh);
        await fresh.updateComplete;
        const button = part(fresh, 'resend') as HTMLButtonElement;
        expect(button.disabled).to.equal(true);
        expect(button.textContent!.trim()).to.equal(said(lang, 'resendIn', '0:01'));
        let refused: unknown;
        await fresh.resend().catch((error: unknown) => (refused = error));
        expect(refused).to.be.instanceOf(DOMException).with.property('name', 'InvalidStateError');
        expect(await retryRequests(mock)).to.have.length(0);

        await until(() => !button.disabled, 3000);
        expect(button.textContent!.trim()).to.equal(said(lang, 'resend'));
        button.click();
        await until(async () => (await retryRequests(mock)).length === 1);
        await until(() => fresh.state === 'idle' && button.disabled);
        const [request] = await retryRequests(mock);
        expect(request.body).to.equal(
          JSON.stringify({
            sessionUuid: session.sessionUuid,
            mobileNumber: session.mobile,
            partnerProfileNo: MOCK_PARTNER.profileNo,
          }),
        );
        expect((request as unknown as { authorization: string }).authorization).to.equal(
          `Bearer ${token}`,
        );
        expect(fresh.signature).not.to.equal(session.signature);
        expect(fresh.shadowRoot!.activeElement).to.equal(part(fresh, 'otp'));
        expect(fresh.shadowRoot!.textContent).to.contain(
          said(lang, 'otpResent', '+966\u00a055\u00a0•••\u00a0••67'),
        );

        // The mock gave the session a new signature: validating works only with it.
        await sendKeys({ type: PARTNER_OTPS.success });
        const { ok } = await submitAndWait(fresh);
        expect(ok?.licenseType).to.equal('cr');
        fresh.remove();
      });

    for (const lang of ['en', 'ar'] as const)
      it(`(${lang}) recovers from an expired code in one tap, whatever the countdown`, async () => {
        const mock = mockPaylink();
        const el = await step2(mock, await checkLicense(token), { lang });
        el.token = token;
        const resend = part(el, 'resend') as HTMLButtonElement;
        expect(resend.disabled).to.equal(true); // 60 s to go
        await typeCode(el, PARTNER_OTPS.expire);
        const { error } = await submitAndWait(el);
        expect(error).to.include({ code: 'http', status: 400, message: said(lang, 'otpExpired') });
        await el.updateComplete;
        await el.updateComplete;
        expect(resend.disabled).to.equal(false);
        expect(resend.classList.contains('link')).to.equal(false); // the primary action now
        expect(resend.textContent!.trim()).to.equal(said(lang, 'resend'));
        expect((part(el, 'otp') as HTMLInputElement).value).to.equal('');
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp'));

        resend.click();
        await until(async () => (await retryRequests(mock)).length === 1);
        await until(() => el.state === 'idle');
        expect(resend.disabled).to.equal(true);
        await sendKeys({ type: PARTNER_OTPS.success });
        expect((await submitAndWait(el)).ok?.licenseName).to.equal('Qahwa & Tamr Trading Co.');
      });

    it('reports a refused retry-otp (401) and stays usable', async () => {
      const mock = mockPaylink();
      const el = await step2(mock, await checkLicense(token));
      el.token = token;
      await typeCode(el, PARTNER_OTPS.expire);
      await submitAndWait(el); // the code expired: resend is enabled at once
      el.token = 'made-up';
      const failed = oneEvent(el, 'otp-error');
      part(el, 'resend')!.click();
      expect((await failed).detail).to.include({
        status: 401,
        message: partnerSaid('en', 'unauthorized'),
      });
      el.token = token;
      await pause(10); // the failed resend settles after its otp-error
      await el.resend();
      expect(el.state).to.equal('idle');
    });
  });
});

describe('the partner client', () => {
  const http = (status: number, serverText?: string) => ({
    code: 'http' as const,
    status,
    serverText,
  });

  it('tells a wrong code, an expired code and a dead session apart in a validate-otp refusal', () => {
    expect(registrationRefusal(http(400, 'Invalid OTP'))).to.include({ otp: 'wrong' });
    expect(registrationRefusal(http(400, 'The OTP has expired. Request a new OTP'))).to.include({
      otp: 'expired',
    });
    expect(
      registrationRefusal(http(400, 'The registration session is invalid or has expired')),
    ).to.include({ otp: 'session' });
    expect(registrationRefusal(http(401, 'expired token'))).not.to.have.property('otp');
    expect(registrationRefusal(http(500))).not.to.have.property('otp');
  });

  it('never blames a code for a refused retry-otp: only a dead session is read', () => {
    expect(retryRefusal(http(400, 'Missing or invalid field: mobileNumber'))).not.to.have.property(
      'otp',
    );
    expect(retryRefusal(http(400, 'The registration session is invalid'))).to.include({
      otp: 'session',
    });
    expect(retryRefusal(http(401))).not.to.have.property('otp');
  });

  it("takes from retry-otp's undocumented answer only filled strings of its own", () => {
    expect(parseRetryOtpResponse(undefined)).to.deep.equal({});
    expect(parseRetryOtpResponse('sent')).to.deep.equal({});
    expect(parseRetryOtpResponse([{ signature: 's' }])).to.deep.equal({});
    expect(
      parseRetryOtpResponse({ signature: 's2', sessionUuid: '', mobile: 55, extra: 'x' }),
    ).to.deep.equal({ signature: 's2' });
    expect(
      parseRetryOtpResponse(JSON.parse('{"__proto__": {"signature": "from the prototype"}}')),
    ).to.deep.equal({});
  });

  it('POSTs retry-otp with the documented body and the token, and reads the answer', async () => {
    const token = await partnerToken();
    const session = await checkLicense(token);
    const mock = mockPaylink();
    const body = {
      sessionUuid: session.sessionUuid,
      mobileNumber: session.mobile,
      partnerProfileNo: MOCK_PARTNER.profileNo,
    };
    const answer = await retryOtp(body, { baseUrl: mock.baseUrl(), token });
    expect(answer.sessionUuid).to.equal(session.sessionUuid);
    expect(answer.signature).to.be.a('string').and.not.equal(session.signature);
    const [request] = await mock.requests();
    expect(request.path).to.match(/\/api\/partner\/register\/retry-otp$/);
    expect(request.body).to.equal(JSON.stringify(body));
    expect((request as unknown as { authorization: string }).authorization).to.equal(
      `Bearer ${token}`,
    );

    const refused = await retryOtp(body, { baseUrl: mock.baseUrl(), token: 'made-up' }).catch(
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(PaylinkError).and.include({ code: 'http', status: 401 });
    const gone = await retryOtp(
      { ...body, sessionUuid: crypto.randomUUID() },
      { baseUrl: mock.baseUrl(), token },
    ).catch((error: unknown) => error);
    expect((gone as PaylinkError).reason).to.include({ status: 400, otp: 'session' });
  });
});
