// A local stand-in for Paylink's partner API, merchant registration: the partner's sign-in,
// step 1 (check-license, which "texts" the merchant a code), step 2 (validate-otp, the page
// "2. Validate Mobile", and retry-otp for a new code), step 3 (add-info) and step 4
// (confirm-account, polled while the merchant confirms with Nafath). Same paths, fields and
// shapes as Paylink's documentation; every call needs the partner's Bearer id_token. Where
// Paylink documents no answer (retry-otp, add-info) the mock answers the session's
// {signature, mobile, sessionUuid}; retry-otp gives the session a fresh signature first (the
// documentation's example session aside), so a client must go on with what it returns.
// confirm-account answers {status}, 'Pending' twice, then 'Completed'.
//
// Routes
//   POST /api/partner/auth                       {profileNo, apiKey, persistToken} → {id_token}
//   POST [/mock/<tenant>/<scenario>]/api/partner/register/check-license
//   POST [/mock/<tenant>/<scenario>]/api/partner/register/validate-otp
//   POST [/mock/<tenant>/<scenario>]/api/partner/register/retry-otp
//   POST [/mock/<tenant>/<scenario>]/api/partner/register/add-info
//   POST [/mock/<tenant>/<scenario>]/api/partner/register/confirm-account
// With the prefix, the request is recorded under <tenant> (GET /mock/<tenant>/requests, shared
// with the STC Pay mock) and answered as <scenario> says (PARTNER_SCENARIOS).

import { createHash, randomUUID } from 'node:crypto';
import {
  createTokens,
  dropMidAnswer,
  isJson,
  MARKUP_DETAIL,
  parseObject,
  problemBody,
  put,
  readBody,
  seededRandom,
  sendJson,
  sendRedirect,
  sendTruncated,
} from './mock-paylink.js';

/**
 * Fake partner credentials that /api/partner/auth accepts. Real ones stay on the partner's
 * server.
 */
export const MOCK_PARTNER = { profileNo: '19039481', apiKey: 'mock-partner-api-key' };

/**
 * The codes validate-otp takes: the documentation's example code succeeds; `expire` acts as a
 * code that has expired (retry-otp then sends a new one). Any other is wrong.
 */
export const PARTNER_OTPS = { success: '7615', wrong: '1111', expire: '0000' };

/** How validate-otp answers, chosen by the <scenario> segment of the path. */
export const PARTNER_SCENARIOS = {
  ok: 'checks the token, the session and the code',
  'server-error': '500 with {title, status, detail}',
  'missing-field': '200 whose body lacks licenseName',
  truncated: '200 whose JSON body is cut off halfway',
  unauthorized: '401, as for an expired token',
  'markup-error': '400 with {title, status, detail} whose detail is HTML markup',
  hang: 'never answers',
  reset: 'drops the connection without answering',
  redirect: '307 to the same request under the offsite scenario, which a client must not follow',
  offsite:
    'what redirect points to, a stand-in for another site: answers as ok; the log shows what arrived',
  'constructor-license': 'as ok, but the answer\'s licenseType is "constructor"',
  'proto-license': 'as ok, but the answer\'s licenseType is "__proto__"',
  random:
    'a random outcome for each request (ok, the failures above, a wrong code, slow, a redirect) after a random short ' +
    'delay, drawn from a generator seeded by the tenant id; the log entry records the draw and its timing',
};

/** The random scenario's outcomes, each drawn as often as it appears: ok three times as often. */
const RANDOM_OUTCOMES = [
  'ok',
  'ok',
  'ok',
  'server-error',
  'missing-field',
  'truncated',
  'unauthorized',
  'wrong-code',
  'slow',
  'hang',
  'reset',
  'redirect',
];
const RANDOM_DELAY_MS = 60;
const RANDOM_SLOW_MS = 150;

/** The page's example request, and the response the page shows for it. */
export const PARTNER_EXAMPLE = {
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
    monthlySalesVolumes: salesVolumes(),
  },
};

/** The four sales volumes, in English and Arabic, as the page lists them. */
function salesVolumes() {
  return [
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
  ];
}

const MAX = 2000;
const VALIDATE_FIELDS = ['signature', 'sessionUuid', 'mobile', 'otp', 'partnerProfileNo'];
const RETRY_FIELDS = ['sessionUuid', 'mobileNumber', 'partnerProfileNo'];
const ADD_INFO_FIELDS = [
  'signature',
  'sessionUuid',
  'mobile',
  'partnerProfileNo',
  'iban',
  'bankName',
  'categoryDescription',
  'salesVolume',
  'sellingScope',
  'nationalId',
  'licenseName',
  'email',
  'firstName',
  'lastName',
  'password',
];

/**
 * @param {{record: (tenant: string, entry: object) => void}} log where requests are recorded
 * @param {{tokenLifetimeMs?: number}} [options] as createPaylinkMock's
 */
export function createPartnerMock({ record }, { tokenLifetimeMs } = {}) {
  const tokens = createTokens({ lifetimeMs: tokenLifetimeMs });
  /** @type {Map<string, () => number>} the random scenario's generator, by tenant */
  const generators = new Map();
  /**
   * Registration sessions by sessionUuid. 'open' until validated; 'expired' once its code
   * expired, until retry-otp sends a new one; 'invalid' for good once a request changed its
   * signature (as the page warns).
   */
  const sessions = new Map([
    [
      PARTNER_EXAMPLE.request.sessionUuid,
      { ...PARTNER_EXAMPLE.request, example: true, state: 'open' },
    ],
  ]);

  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://mock').pathname;
    if (path === '/api/partner/auth') return answer(req, res, auth, false);
    const route = path.match(
      /^(?:\/mock\/([\w-]+)\/([\w-]+))?\/api\/partner\/register\/(check-license|validate-otp|retry-otp|add-info|confirm-account)$/,
    );
    if (!route) return false;
    const [, tenant, scenario = 'ok', step] = route;
    return answer(req, res, STEPS[step], true, {
      tenant,
      scenario,
      path,
    });
  }

  /** Reads the JSON body, checks the token, records the request, and answers with `step`. */
  function answer(req, res, step, needsToken, { tenant, scenario = 'ok', path } = {}) {
    if (req.method !== 'POST') {
      sendJson(res, 405, problemBody(405, 'Method Not Allowed', 'Use POST'));
      return true;
    }
    readBody(req).then((body) => {
      let entry;
      if (tenant) {
        entry = {
          method: req.method,
          path,
          contentType: req.headers['content-type'] ?? null,
          accept: req.headers.accept ?? null,
          authorization: req.headers.authorization ?? null,
          body,
          abandoned: false,
        };
        record(tenant, entry);
        res.on('close', () => (entry.abandoned = !res.writableFinished));
      }
      if (!Object.hasOwn(PARTNER_SCENARIOS, scenario))
        return sendJson(
          res,
          404,
          problemBody(404, 'Not Found', `unknown mock scenario ${scenario}`),
        );
      if (scenario === 'random' && entry)
        return answerRandomly(tenant, entry, res, (draw) => respond(draw, body));
      respond(scenario, body);
    });
    return true;

    /** Answers as `scenario` says; `ok` checks the token, the session and the code. */
    function respond(scenario, body) {
      if (scenario === 'hang') return;
      if (scenario === 'redirect')
        return sendRedirect(res, path.replace(/^\/mock\/([\w-]+)\/[\w-]+\//, '/mock/$1/offsite/'));
      if (scenario === 'reset') return req.socket.destroy();
      if (scenario === 'server-error')
        return sendJson(res, 500, problemBody(500, 'Internal Server Error', 'Unexpected error'));
      if (scenario === 'markup-error')
        return sendJson(res, 400, problemBody(400, 'Bad Request', MARKUP_DETAIL));
      if (scenario === 'unauthorized' || (needsToken && !tokens.accepts(req)))
        return sendJson(
          res,
          401,
          problemBody(
            401,
            'Unauthorized',
            'A valid Bearer id_token from /api/partner/auth is required',
          ),
        );
      if (!isJson(req))
        return sendJson(
          res,
          415,
          problemBody(415, 'Unsupported Media Type', 'Content-Type must be application/json'),
        );
      const request = parseObject(body);
      if (!request)
        return sendJson(res, 400, problemBody(400, 'Bad Request', 'The body is not a JSON object'));
      const [status, answerBody] = step(request);
      if (status === 200 && scenario === 'truncated') return sendTruncated(res, answerBody);
      if (status === 200 && scenario === 'missing-field') {
        const { licenseName: _dropped, ...rest } = answerBody;
        return sendJson(res, 200, rest);
      }
      if (status === 200 && scenario === 'constructor-license')
        return sendJson(res, 200, { ...answerBody, licenseType: 'constructor' });
      if (status === 200 && scenario === 'proto-license')
        return sendJson(res, 200, { ...answerBody, licenseType: '__proto__' });
      sendJson(res, status, answerBody);
    }
  }

  /** Draws an outcome and a delay for this tenant's next request, records them, then answers. */
  function answerRandomly(tenant, entry, res, respond) {
    if (!generators.has(tenant)) put(generators, tenant, seededRandom(`partner:${tenant}`), MAX);
    const random = generators.get(tenant);
    const outcome = RANDOM_OUTCOMES[Math.floor(random() * RANDOM_OUTCOMES.length)];
    const delay =
      Math.floor(random() * (RANDOM_DELAY_MS + 1)) + (outcome === 'slow' ? RANDOM_SLOW_MS : 0);
    Object.assign(entry, { outcome, delay, receivedAt: Date.now(), closedAt: null });
    res.on('close', () => (entry.closedAt = Date.now()));
    setTimeout(() => {
      if (res.destroyed) return;
      if (outcome === 'wrong-code')
        return sendJson(res, 400, problemBody(400, 'Bad Request', 'Invalid OTP'));
      // Mid-answer, not before it: a drop before any byte, Chromium quietly sends the POST again.
      if (outcome === 'reset') return dropMidAnswer(res);
      respond(outcome === 'slow' ? 'ok' : outcome);
    }, delay);
  }

  function auth({ profileNo, apiKey, persistToken }) {
    if (profileNo !== MOCK_PARTNER.profileNo || apiKey !== MOCK_PARTNER.apiKey)
      return [401, problemBody(401, 'Unauthorized', 'Invalid profileNo or apiKey')];
    return [200, { id_token: tokens.issue(persistToken === true, profileNo) }];
  }

  /** Step 1: checks the license and "sends" the merchant a code (PARTNER_OTPS.success). */
  function checkLicense(request) {
    const {
      registrationType,
      licenseNumber,
      mobileNumber,
      hijriYear,
      hijriMonth,
      hijriDay,
      partnerProfileNo,
    } = request;
    const text = { licenseNumber, mobileNumber, hijriYear, hijriMonth, hijriDay, partnerProfileNo };
    const missing = Object.entries(text).find(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    )?.[0];
    if (registrationType !== 'freelancer' && registrationType !== 'cr')
      return [
        400,
        problemBody(400, 'Bad Request', 'registrationType must be "freelancer" or "cr"'),
      ];
    if (missing)
      return [400, problemBody(400, 'Bad Request', `Missing or invalid field: ${missing}`)];
    const sessionUuid = randomUUID();
    const signature = createHash('sha256')
      .update(`${sessionUuid}:${licenseNumber}:${mobileNumber}`)
      .digest('hex');
    put(
      sessions,
      sessionUuid,
      {
        signature,
        sessionUuid,
        mobile: mobileNumber,
        partnerProfileNo,
        licenseNumber,
        registrationType,
        state: 'open',
      },
      MAX,
    );
    return [200, { signature, mobile: mobileNumber, sessionUuid }];
  }

  /** Step 2: the session must be exactly as step 1 issued it, and the code right. */
  function validateOtp(request) {
    const missing = VALIDATE_FIELDS.find(
      (field) => typeof request[field] !== 'string' || request[field] === '',
    );
    if (missing)
      return [400, problemBody(400, 'Bad Request', `Missing or invalid field: ${missing}`)];
    const session = sessions.get(request.sessionUuid);
    const invalid = [
      400,
      problemBody(400, 'Bad Request', 'The registration session is invalid or has expired'),
    ];
    if (!session || session.state === 'invalid') return invalid;
    if (
      ['signature', 'mobile', 'partnerProfileNo'].some((field) => request[field] !== session[field])
    ) {
      if (!session.example) session.state = 'invalid'; // "Modifying the signature will invalidate the registration session."
      return invalid;
    }
    const expired = [
      400,
      problemBody(400, 'Bad Request', 'The OTP has expired. Request a new OTP'),
    ];
    if (session.state === 'expired') return expired;
    if (request.otp === PARTNER_OTPS.expire && !session.example) {
      session.state = 'expired';
      return expired;
    }
    if (request.otp !== PARTNER_OTPS.success)
      return [400, problemBody(400, 'Bad Request', 'Invalid OTP')];
    if (session.example) return [200, PARTNER_EXAMPLE.response];
    const validated = {
      signature: createHash('sha256').update(`${session.signature}:validated`).digest('hex'),
      mobile: session.mobile,
      sessionUuid: session.sessionUuid,
      licenseNumber: session.licenseNumber,
      licenseType: session.registrationType,
      licenseName:
        session.registrationType === 'cr' ? 'Qahwa & Tamr Trading Co.' : 'Noura Al-Harbi',
      nationalIds: ['1012345678'],
      bankNames: ['Al Rajhi Bank', 'Saudi National Bank', 'Riyad Bank', 'Alinma Bank'],
      monthlySalesVolumes: salesVolumes(),
    };
    session.validated = validated;
    return [200, validated];
  }

  /** retry-otp: {sessionUuid, mobileNumber, partnerProfileNo} of a session still open. */
  function retryOtp(request) {
    const missing = RETRY_FIELDS.find(
      (field) => typeof request[field] !== 'string' || request[field] === '',
    );
    if (missing)
      return [400, problemBody(400, 'Bad Request', `Missing or invalid field: ${missing}`)];
    const session = sessions.get(request.sessionUuid);
    if (
      !session ||
      session.state === 'invalid' ||
      request.mobileNumber !== session.mobile ||
      request.partnerProfileNo !== session.partnerProfileNo
    )
      return [
        400,
        problemBody(400, 'Bad Request', 'The registration session is invalid or has expired'),
      ];
    if (!session.example) {
      // A new code: an expired one no longer counts against the session, and the session takes
      // a fresh signature (the documentation's example session, shared by every page, keeps its).
      session.state = 'open';
      session.signature = createHash('sha256').update(`${session.signature}:retry`).digest('hex');
    }
    return [
      200,
      { signature: session.signature, mobile: session.mobile, sessionUuid: session.sessionUuid },
    ];
  }

  /** Step 3: the validated session's signature, and each field as the README's list says. */
  function addInfo(request) {
    const missing = ADD_INFO_FIELDS.find(
      (field) => typeof request[field] !== 'string' || request[field].trim() === '',
    );
    if (missing)
      return [400, problemBody(400, 'Bad Request', `Missing or invalid field: ${missing}`)];
    const session = sessions.get(request.sessionUuid);
    const validated = session?.validated;
    if (
      !validated ||
      request.signature !== validated.signature ||
      request.mobile !== session.mobile ||
      request.partnerProfileNo !== session.partnerProfileNo
    )
      return [
        400,
        problemBody(400, 'Bad Request', 'The registration session is invalid or has expired'),
      ];
    const wrong = (field) => [
      400,
      problemBody(400, 'Bad Request', `Missing or invalid field: ${field}`),
    ];
    if (!/^[0-9A-Z]{22}$/.test(request.iban) || request.iban.startsWith('SA')) return wrong('iban');
    if (!validated.bankNames.includes(request.bankName)) return wrong('bankName');
    if (request.categoryDescription.length < 100 || request.categoryDescription.length > 1000)
      return wrong('categoryDescription');
    if (
      !validated.monthlySalesVolumes.some(
        (volume) => volume.salesVolumeValue === request.salesVolume,
      )
    )
      return wrong('salesVolume');
    if (request.sellingScope !== 'global' && request.sellingScope !== 'domestic')
      return wrong('sellingScope');
    if (validated.nationalIds.length > 0 && !validated.nationalIds.includes(request.nationalId))
      return wrong('nationalId');
    session.confirming = {
      signature: createHash('sha256').update(`${validated.signature}:info`).digest('hex'),
      polls: 0,
    };
    return [
      200,
      {
        signature: session.confirming.signature,
        mobile: session.mobile,
        sessionUuid: session.sessionUuid,
      },
    ];
  }

  /** Step 4: 'Pending' while the merchant "confirms with Nafath" (two polls), then 'Completed'. */
  function confirmAccount(request) {
    const session = sessions.get(request.sessionUuid);
    const confirming = session?.confirming;
    if (
      !confirming ||
      request.signature !== confirming.signature ||
      request.mobile !== session.mobile ||
      request.partnerProfileNo !== session.partnerProfileNo
    )
      return [
        400,
        problemBody(400, 'Bad Request', 'The registration session is invalid or has expired'),
      ];
    confirming.polls += 1;
    return [200, { status: confirming.polls > 2 ? 'Completed' : 'Pending' }];
  }

  const STEPS = {
    'check-license': checkLicense,
    'validate-otp': validateOtp,
    'retry-otp': retryOtp,
    'add-info': addInfo,
    'confirm-account': confirmAccount,
  };

  return { handle, revokeTokens: tokens.revokeAll };
}
