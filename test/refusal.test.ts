/**
 * How a refused sendOtp or processPayment is read: status first, then known reasons, en and ar;
 * and which failures of a payment leave it unconfirmed (the lost-answer rule).
 */
import { expect } from '@open-wc/testing';
import { classifyRefusal, lostAnswer, type Refusal } from '../src/checkout/refusal.js';
import type { ErrorReason } from '../src/core/errors.js';
import { WORDS } from './helpers/refusal-words.js';

const EXPECTED: Record<keyof typeof WORDS, Record<keyof (typeof WORDS)['en'], Refusal>> = {
  en: {
    session: 'code-expired',
    expired: 'code-expired',
    paid: 'already-paid',
    wrong: 'code-wrong',
  },
  ar: {
    session: 'code-expired',
    expired: 'code-expired',
    paid: 'already-paid',
    wrong: 'code-wrong',
  },
  stcpay: {
    session: 'code-wrong-or-expired',
    expired: 'code-wrong-or-expired',
    paid: 'already-paid',
    wrong: 'code-wrong-or-expired',
  },
};

/** What the Spring body's `error` says: only the reason phrase of the status. */
const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

describe('classifyRefusal', () => {
  describe('by status, whatever the reason says', () => {
    const byStatus: Array<[number, Refusal]> = [
      [401, 'not-allowed'],
      [403, 'not-allowed'],
      [404, 'not-found'],
      [500, 'unavailable'],
      [502, 'unavailable'],
      [503, 'unavailable'],
    ];
    for (const [status, refusal] of byStatus)
      it(`${status} is ${refusal} for both endpoints, with any wording or none`, () => {
        const texts = [
          undefined,
          '',
          PHRASES[status],
          ...Object.values(WORDS).flatMap((voice) => Object.values(voice)),
          'The mobile number is not registered with STC Pay.',
        ];
        for (const endpoint of ['sendOtp', 'processPayment'] as const)
          for (const text of texts)
            expect(classifyRefusal(endpoint, status, text), `${endpoint} ${text}`).to.equal(
              refusal,
            );
      });
  });

  describe('processPayment', () => {
    for (const voice of Object.keys(WORDS) as Array<keyof typeof WORDS>)
      for (const [why, text] of Object.entries(WORDS[voice]) as Array<
        [keyof (typeof WORDS)['en'], string]
      >)
        it(`reads ${voice} "${text}" (${why}) as ${EXPECTED[voice][why]}`, () => {
          expect(classifyRefusal('processPayment', 400, text)).to.equal(EXPECTED[voice][why]);
        });

    it('reads the same reasons with Arabic diacritics dropped or added', () => {
      expect(classifyRefusal('processPayment', 400, 'الطلب مدفوع مسبقا')).to.equal('already-paid');
      expect(classifyRefusal('processPayment', 400, 'تمّ دفع الطلب مسبقاً')).to.equal('already-paid');
      expect(classifyRefusal('processPayment', 400, 'إنتهت صلاحيّة الرمز')).to.equal('code-expired');
      expect(classifyRefusal('processPayment', 400, 'الرمز خاطئ')).to.equal('code-wrong');
    });

    it('takes a 400 with only the reason phrase, or an unknown reason, as a refused code', () => {
      for (const text of [undefined, '', 'Bad Request', 'Something else happened', '<b>x</b>'])
        expect(classifyRefusal('processPayment', 400, text), String(text)).to.equal(
          'code-rejected',
        );
    });

    it('takes another 4xx without a known reason as other, and with one as that reason', () => {
      expect(classifyRefusal('processPayment', 409, 'Conflict')).to.equal('other');
      expect(classifyRefusal('processPayment', 422)).to.equal('other');
      expect(classifyRefusal('processPayment', 409, 'Already Paid.')).to.equal('already-paid');
    });

    it('never reads a number reason for a payment', () => {
      expect(classifyRefusal('processPayment', 400, 'رقم الجوال غير مسجل في STC Pay')).to.equal(
        'code-rejected',
      );
    });
  });

  describe('sendOtp', () => {
    it('reads a number not registered, in English and Arabic', () => {
      for (const text of [
        'The mobile number is not registered with STC Pay.',
        'رقم الجوال غير مسجل في STC Pay',
        'رقم الجوال غير مسجّل في STC Pay',
      ])
        expect(classifyRefusal('sendOtp', 400, text), text).to.equal('number-not-registered');
    });

    it('takes a 400 with only the reason phrase, or an unknown reason, as a refused number', () => {
      for (const text of [
        undefined,
        'Bad Request',
        'Invalid OTP',
        'The payment session has expired',
      ])
        expect(classifyRefusal('sendOtp', 400, text), String(text)).to.equal('number-rejected');
    });

    it('reads an order already paid', () => {
      for (const text of [WORDS.en.paid, WORDS.ar.paid, WORDS.stcpay.paid])
        expect(classifyRefusal('sendOtp', 400, text), text).to.equal('already-paid');
    });
  });
});

describe('lostAnswer: which failed payments may have gone through', () => {
  /** A refused processPayment, as the client hands it on: its refusal read by classifyRefusal. */
  const refused = (status: number, serverText?: string): ErrorReason => ({
    code: 'http',
    status,
    ...(serverText === undefined ? {} : { serverText }),
    refusal: classifyRefusal('processPayment', status, serverText),
  });

  // The request may have reached Paylink and only its answer was lost: unconfirmed, never
  // "try again" (a second payment could go through).
  const lost: Array<[string, ErrorReason, ReturnType<typeof lostAnswer>]> = [
    ['a timeout', { code: 'timeout', timeout: 30000 }, { reason: 'timeout' }],
    ['a network error', { code: 'network' }, { reason: 'network' }],
    ['an unreadable answer', { code: 'bad-response' }, { reason: 'bad-response' }],
    ['a 502 from a gateway', refused(502, 'Bad Gateway'), { reason: 'gateway', status: 502 }],
    ['a 504 from a gateway', refused(504), { reason: 'gateway', status: 504 }],
    [
      'an order Paylink says is paid',
      refused(400, 'The order is already paid'),
      { reason: 'already-paid', status: 400 },
    ],
    [
      'an order STC Pay says is paid, on another status',
      refused(409, 'Already Paid.'),
      { reason: 'already-paid', status: 409 },
    ],
  ];
  for (const [what, reason, expected] of lost)
    it(`${what}: unconfirmed (${expected!.reason})`, () => {
      expect(lostAnswer(reason)).to.deep.equal(expected);
    });

  // Paylink answered, and said no: nothing was paid, the shopper may try again.
  const clear: Array<[string, ErrorReason]> = [
    ['a wrong code', refused(400, 'Invalid OTP')],
    ['an expired code', refused(400, 'The payment session has expired')],
    ["STC Pay's wrong-or-expired code", refused(400, 'Invalid OTP either expired or not found')],
    ['a 400 with only the reason phrase', refused(400, 'Bad Request')],
    ['a 401', refused(401, 'Unauthorized')],
    ['a 403', refused(403, 'Forbidden')],
    ['a 404', refused(404, 'Not Found')],
    ['a 500', refused(500, 'Internal Server Error')],
    ['a 503', refused(503, 'Service Unavailable')],
    ['another 4xx', refused(422)],
    [
      'a code refused before sending',
      { code: 'validation', field: 'otp', problem: 'required', min: 4, max: 10 },
    ],
    ['a setting refused before sending', { code: 'validation', field: 'statusUrl' }],
    ['a send too soon', { code: 'too-soon', wait: 30 }],
  ];
  for (const [what, reason] of clear)
    it(`${what}: a clear refusal, not unconfirmed`, () => {
      expect(lostAnswer(reason)).to.equal(undefined);
    });
});
