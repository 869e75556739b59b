/**
 * createPaylinkPartner: a Paylink partner's server half of merchant registration. The partner
 * token (from /api/partner/auth, kept as the merchant's is), each registration step as a
 * typed call, a bounded wait for the merchant's Nafath confirmation, and the proxy that
 * `<paylink-validate-mobile base-url="…">` calls, so the token never reaches the browser.
 */
import type { ValidateOtpResponse } from '../core/paylink-api.js';
import {
  checkOptionsObject,
  checkSecret,
  checkServerOptions,
  type ServerOptions,
} from './config.js';
import { invalid, misconfigured, PaylinkServerError } from './errors.js';
import { asObject, failure, type Answer } from './http.js';
import type { Handler } from './proxy/handler.js';
import {
  CLIENT_COST,
  createPartnerProxyHandler,
  RETRY_OTP_PATH,
  VALIDATE_OTP_PATH,
} from './proxy/partner-handler.js';
import type { Limit, LimitStore } from './rate-limit.js';
import { createRestClient } from './rest.js';
import { createTokenSource } from './token.js';
import type { RequestOptions } from './paylink.js';

const CHECK_LICENSE_PATH = '/api/partner/register/check-license';
const ADD_INFO_PATH = '/api/partner/register/add-info';
const CONFIRM_ACCOUNT_PATH = '/api/partner/register/confirm-account';

/** Step 1. `partnerProfileNo` defaults to the partner's own. */
export interface CheckLicenseInput {
  registrationType: 'freelancer' | 'cr';
  licenseNumber: string;
  mobileNumber: string;
  hijriYear: string;
  hijriMonth: string;
  hijriDay: string;
  partnerProfileNo?: string;
}

export interface CheckLicenseResponse {
  signature: string;
  mobile: string;
  sessionUuid: string;
}

/** What every later step passes on exactly as the step before answered it. */
export interface RegistrationSession {
  signature: string;
  sessionUuid: string;
  mobile: string;
}

export interface ValidateOtpInput extends RegistrationSession {
  otp: string;
}

export type { SalesVolume, ValidateOtpResponse } from '../core/paylink-api.js';

export interface RetryOtpInput {
  sessionUuid: string;
  mobileNumber: string;
}

/** Step 3, with the signature validate-otp answered. */
export interface AddInfoInput extends RegistrationSession {
  /** 22 characters, without the leading "SA". */
  iban: string;
  /** One of validate-otp's bankNames. */
  bankName: string;
  /** 100 to 1000 characters. */
  categoryDescription: string;
  /** One of validate-otp's salesVolumeValue. */
  salesVolume: string;
  sellingScope: 'global' | 'domestic';
  /** One of validate-otp's nationalIds, any if that list was empty. */
  nationalId: string;
  licenseName: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}

/** Step 4's answer: `status` is polled until Completed, Rejected or Expired. */
export interface ConfirmAccountResponse {
  status: string;
}

export interface WaitOptions extends RequestOptions {
  /** Between two polls, in ms. Default 5000. */
  intervalMs?: number;
  /** Gives up after this many ms with a `timeout` error. Default 600000 (10 minutes). */
  timeoutMs?: number;
}

/**
 * The handler's limits. Per session, every call counts 1; the session is its UUID however it is
 * spelt (case, leading zeros). Per client address, a call costs 3 points when Paylink refuses
 * it and 1 when Paylink accepts it (or fails on its own side), so many merchants behind one
 * carrier address can all register while someone guessing runs out fast; those limits need at
 * least 3 points.
 */
export interface PaylinkPartnerRateLimits extends LimitStore {
  /**
   * validate-otp for one registration session (each is a guess at the code). Default 10 in 15
   * minutes.
   */
  validateOtpPerSession?: Limit;
  /**
   * validate-otp from one client address, over every session. Default 30 points in 15 minutes:
   * 10 wrong codes, or 30 merchants each typing theirs right.
   */
  validateOtpPerClient?: Limit;
  /** retry-otp for one session (it texts the merchant). Default 3 in 15 minutes. */
  retryOtpPerSession?: Limit;
  /**
   * retry-otp from one client address. Default 30 points in 15 minutes: 10 that Paylink
   * refuses, or 30 new codes (ten merchants using their session's three).
   */
  retryOtpPerClient?: Limit;
}

export interface PaylinkPartnerOptions extends ServerOptions {
  /** The partner profile number Paylink gave on signing the contract. */
  profileNo: string;
  /** The partner's API key. Stays on the server: never in a page, a log or an error. */
  apiKey: string;
  /** The path `handler` is mounted at, as the browser sees it. Default `/paylink-partner`. */
  prefix?: string;
  rateLimit?: PaylinkPartnerRateLimits;
}

export interface PaylinkPartner {
  checkLicense(input: CheckLicenseInput, options?: RequestOptions): Promise<CheckLicenseResponse>;
  validateOtp(input: ValidateOtpInput, options?: RequestOptions): Promise<ValidateOtpResponse>;
  /** Asks Paylink to text the merchant a new code. */
  retryOtp(input: RetryOtpInput, options?: RequestOptions): Promise<Record<string, unknown>>;
  addInfo(input: AddInfoInput, options?: RequestOptions): Promise<Record<string, unknown>>;
  /** One look at the merchant's Nafath confirmation. */
  confirmAccount(
    input: RegistrationSession,
    options?: RequestOptions,
  ): Promise<ConfirmAccountResponse>;
  /** Polls confirmAccount until its status is Completed, Rejected or Expired; bounded in time. */
  waitForConfirmation(
    input: RegistrationSession,
    options?: WaitOptions,
  ): Promise<ConfirmAccountResponse>;
  /** The proxy for `<paylink-validate-mobile base-url="{prefix}">`: validate-otp and retry-otp. */
  handler: Handler;
}

const DEFAULT_LIMITS = {
  validateOtpPerSession: { points: 10, duration: 15 * 60 },
  validateOtpPerClient: { points: 30, duration: 15 * 60 },
  retryOtpPerSession: { points: 3, duration: 15 * 60 },
  retryOtpPerClient: { points: 30, duration: 15 * 60 },
};
/** The limits a call costs CLIENT_COST.refused points of. */
const PER_CLIENT = ['validateOtpPerClient', 'retryOtpPerClient'] as const;

const FINAL_STATUSES = ['completed', 'rejected', 'expired'];

export function createPaylinkPartner(options: PaylinkPartnerOptions): PaylinkPartner {
  checkOptionsObject(options);
  const profileNo = checkSecret('profileNo', options.profileNo);
  const apiKey = checkSecret('apiKey', options.apiKey);
  const checked = checkServerOptions(options, '/paylink-partner', DEFAULT_LIMITS, 'partner-');
  for (const name of PER_CLIENT) {
    const points = options.rateLimit?.[name]?.points;
    if (points !== undefined && points < CLIENT_COST.refused)
      throw misconfigured(
        `rateLimit.${name}`,
        `must allow at least ${CLIENT_COST.refused} points: a refused call costs that many`,
      );
  }
  const { rest, timeout, fetch: fetchFn } = checked;

  const tokens = createTokenSource({
    url: `${rest}/api/partner/auth`,
    label: '/api/partner/auth',
    credentials: { profileNo, apiKey },
    fetch: fetchFn,
    timeout,
  });
  const client = createRestClient(rest, tokens, fetchFn, timeout);
  const secrets = () => [apiKey, tokens.held()];

  /** POSTs a registration step and resolves with its answer as an object, or rejects. */
  async function step(
    path: string,
    body: object,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const answer: Answer = await client.call(path, body, signal);
    if (answer.status < 200 || answer.status > 299) throw failure(path, answer, secrets());
    const value = asObject(answer.json);
    if (!value)
      throw new PaylinkServerError({
        code: 'bad-response',
        status: answer.status,
        message: `${path}: the answer is not a JSON object`,
      });
    return value;
  }

  function needs<T extends object>(
    path: string,
    value: Record<string, unknown>,
    fields: string[],
  ): T {
    const missing = fields.find((field) => typeof value[field] !== 'string');
    if (missing)
      throw new PaylinkServerError({
        code: 'bad-response',
        message: `${path}: the answer lacks ${missing}`,
      });
    return value as T;
  }

  const session = (input: RegistrationSession) => ({
    signature: text(input, 'signature'),
    sessionUuid: text(input, 'sessionUuid'),
    mobile: text(input, 'mobile'),
    partnerProfileNo: profileNo,
  });

  const partner: PaylinkPartner = {
    async checkLicense(input, { signal } = {}) {
      if (input?.registrationType !== 'freelancer' && input?.registrationType !== 'cr')
        throw invalid('registrationType', 'must be "freelancer" or "cr"');
      const body = {
        registrationType: input.registrationType,
        licenseNumber: text(input, 'licenseNumber'),
        mobileNumber: text(input, 'mobileNumber'),
        hijriYear: text(input, 'hijriYear'),
        hijriMonth: text(input, 'hijriMonth'),
        hijriDay: text(input, 'hijriDay'),
        partnerProfileNo:
          input.partnerProfileNo === undefined ? profileNo : text(input, 'partnerProfileNo'),
      };
      return needs(CHECK_LICENSE_PATH, await step(CHECK_LICENSE_PATH, body, signal), [
        'signature',
        'mobile',
        'sessionUuid',
      ]);
    },
    async validateOtp(input, { signal } = {}) {
      const otp = text(input, 'otp');
      if (!/^\d{4,10}$/.test(otp)) throw invalid('otp', 'must be 4 to 10 digits');
      const answer = await step(VALIDATE_OTP_PATH, { ...session(input), otp }, signal);
      return needs(VALIDATE_OTP_PATH, answer, [
        'signature',
        'mobile',
        'sessionUuid',
        'licenseName',
      ]);
    },
    async retryOtp(input, { signal } = {}) {
      const body = {
        sessionUuid: text(input, 'sessionUuid'),
        mobileNumber: text(input, 'mobileNumber'),
        partnerProfileNo: profileNo,
      };
      return step(RETRY_OTP_PATH, body, signal);
    },
    async addInfo(input, { signal } = {}) {
      const body = {
        ...session(input),
        iban: text(input, 'iban'),
        bankName: text(input, 'bankName'),
        categoryDescription: text(input, 'categoryDescription'),
        salesVolume: text(input, 'salesVolume'),
        sellingScope: input?.sellingScope,
        nationalId: text(input, 'nationalId'),
        licenseName: text(input, 'licenseName'),
        email: text(input, 'email'),
        firstName: text(input, 'firstName'),
        lastName: text(input, 'lastName'),
        password: text(input, 'password'),
      };
      if (!/^[0-9A-Z]{22}$/.test(body.iban) || body.iban.startsWith('SA'))
        throw invalid('iban', 'must be the 22 characters after "SA"');
      if (body.categoryDescription.length < 100 || body.categoryDescription.length > 1000)
        throw invalid('categoryDescription', 'must be 100 to 1000 characters');
      if (body.sellingScope !== 'global' && body.sellingScope !== 'domestic')
        throw invalid('sellingScope', 'must be "global" or "domestic"');
      if (!/^[^\s@]+@[^\s@]+$/.test(body.email)) throw invalid('email', 'must be an email address');
      return step(ADD_INFO_PATH, body, signal);
    },
    async confirmAccount(input, { signal } = {}) {
      return needs(CONFIRM_ACCOUNT_PATH, await step(CONFIRM_ACCOUNT_PATH, session(input), signal), [
        'status',
      ]);
    },
    async waitForConfirmation(input, { signal, intervalMs = 5000, timeoutMs = 600_000 } = {}) {
      if (!(intervalMs > 0) || !(timeoutMs > 0))
        throw invalid('intervalMs', 'and timeoutMs must be positive');
      const end = Date.now() + timeoutMs;
      for (;;) {
        const answer = await partner.confirmAccount(input, { signal });
        if (FINAL_STATUSES.includes(answer.status.trim().toLowerCase())) return answer;
        if (Date.now() + intervalMs > end)
          throw new PaylinkServerError({
            code: 'timeout',
            message: `${CONFIRM_ACCOUNT_PATH}: still ${answer.status.slice(0, 40)} after ${timeoutMs} ms`,
          });
        await sleep(intervalMs, signal);
      }
    },
    handler: createPartnerProxyHandler({
      ...checked.handler,
      profileNo,
      limits: checked.limiters,
      forward: (path, body, signal) => client.call(path, body, signal),
      secrets,
    }),
  };
  return partner;
}

/** `input[field]` if it is a non-empty string; a validation error otherwise. */
function text(input: object | undefined, field: string): string {
  const value = (input as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2048)
    throw invalid(field, 'must be a non-empty string');
  return value;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), {
      once: true,
    });
  });
}
