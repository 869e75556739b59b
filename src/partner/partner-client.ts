/**
 * Paylink's partner API, step 2 of merchant registration ("Validate Mobile") and its resend
 * (retry-otp): the requests, the checked responses, and what a refusal means. Built on the same
 * transport as the STC Pay calls, so statuses, bodies and time limits map to errors the same way.
 */
import type { ErrorReason } from '../core/errors.js';
import {
  REST_ORIGINS,
  RETRY_OTP_PATH,
  VALIDATE_OTP_PATH,
  type RetryOtpBody,
  type RetryOtpResponse,
  type SalesVolume,
  type ValidateOtpBody,
  type ValidateOtpResponse,
} from '../core/paylink-api.js';
import { call, type RequestOptions } from '../core/transport.js';

export {
  REST_ORIGINS,
  type RetryOtpBody,
  type RetryOtpResponse,
  type SalesVolume,
  type ValidateOtpBody,
  type ValidateOtpResponse,
} from '../core/paylink-api.js';

export interface PartnerRequestOptions extends RequestOptions {
  /** The partner's id_token, sent as `Authorization: Bearer`. Omit when a backend adds it. */
  token?: string;
}

/** A partner API request: POSTs `body`, then resolves with the checked answer. */
export type PartnerCall<Body, Answer> = (
  body: Body,
  options?: PartnerRequestOptions,
) => Promise<Answer>;

/**
 * The request to `path` at the partner API's hosts, with the token (when given) as
 * `Authorization: Bearer`, that reads the answer with `parse` and a refusal with `refusal`.
 */
function partnerCall<Body, Answer>(
  path: string,
  parse: (value: unknown) => Answer | null,
  refusal: (reason: Extract<ErrorReason, { code: 'http' }>) => ErrorReason,
): PartnerCall<Body, Answer> {
  return (body, { token, ...requestOptions } = {}) =>
    call(
      path,
      body,
      requestOptions,
      { origins: REST_ORIGINS, headers: token ? { Authorization: `Bearer ${token}` } : {} },
      parse,
      refusal,
    );
}

/** POSTs validate-otp and resolves with its checked answer. */
export const validateOtp: PartnerCall<ValidateOtpBody, ValidateOtpResponse> = partnerCall(
  VALIDATE_OTP_PATH,
  parseValidateOtpResponse,
  registrationRefusal,
);

/**
 * POSTs retry-otp (Paylink texts the merchant a new code) and resolves with the session fields
 * it returned.
 */
export const retryOtp: PartnerCall<RetryOtpBody, RetryOtpResponse> = partnerCall(
  RETRY_OTP_PATH,
  parseRetryOtpResponse,
  retryRefusal,
);

/**
 * Reads what a refused validate-otp meant. 401 stays as it is (the token); a reason about the
 * session or its signature means the registration session is gone; one about expiry alone, that
 * the code expired (a new one can be asked for); any other 4xx is taken to be a wrong code.
 */
export function registrationRefusal(reason: Extract<ErrorReason, { code: 'http' }>): ErrorReason {
  if (reason.status < 400 || reason.status >= 500 || reason.status === 401) return reason;
  const text = reason.serverText ?? '';
  if (/session|signature/i.test(text)) return { ...reason, otp: 'session' };
  if (/expire/i.test(text)) return { ...reason, otp: 'expired' };
  return { ...reason, otp: 'wrong' };
}

/** Reads what a refused retry-otp meant: no code was involved, so only a session that is gone. */
export function retryRefusal(reason: Extract<ErrorReason, { code: 'http' }>): ErrorReason {
  if (reason.status < 400 || reason.status >= 500 || reason.status === 401) return reason;
  if (/session|signature|expire/i.test(reason.serverText ?? ''))
    return { ...reason, otp: 'session' };
  return reason;
}

/**
 * The session fields of a retry-otp answer, each taken if it is a filled string. Paylink
 * documents no body, so a 2xx with an empty body, or JSON without them, is a success too.
 */
export function parseRetryOtpResponse(value: unknown): RetryOtpResponse {
  const response: RetryOtpResponse = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return response;
  for (const key of ['signature', 'sessionUuid', 'mobile'] as const) {
    const field = Object.prototype.hasOwnProperty.call(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
    if (typeof field === 'string' && field !== '') response[key] = field;
  }
  return response;
}

export function parseValidateOtpResponse(value: unknown): ValidateOtpResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = [
    'signature',
    'mobile',
    'sessionUuid',
    'licenseNumber',
    'licenseType',
    'licenseName',
  ] as const;
  if (!strings.every((key) => typeof v[key] === 'string')) return null;
  if (!isStringArray(v.nationalIds) || !isStringArray(v.bankNames)) return null;
  if (!Array.isArray(v.monthlySalesVolumes) || !v.monthlySalesVolumes.every(isSalesVolume))
    return null;
  const response = Object.fromEntries(strings.map((key) => [key, v[key]])) as Pick<
    ValidateOtpResponse,
    (typeof strings)[number]
  >;
  return {
    ...response,
    nationalIds: [...v.nationalIds],
    bankNames: [...v.bankNames],
    monthlySalesVolumes: v.monthlySalesVolumes.map(
      ({ salesVolumeValue, salesVolumeName, salesVolumeNameAr }) => ({
        salesVolumeValue,
        salesVolumeName,
        salesVolumeNameAr,
      }),
    ),
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isSalesVolume(value: unknown): value is SalesVolume {
  if (typeof value !== 'object' || value === null) return false;
  const { salesVolumeValue, salesVolumeName, salesVolumeNameAr } = value as Record<string, unknown>;
  return [salesVolumeValue, salesVolumeName, salesVolumeNameAr].every(
    (field) => typeof field === 'string',
  );
}

/**
 * The sales volume choices for the partner's next form, labelled in the language:
 * `salesVolumeNameAr` for Arabic, `salesVolumeName` otherwise. The value is what add-info takes.
 */
export function salesVolumeOptions(
  volumes: readonly SalesVolume[],
  lang: string,
): Array<{ value: string; label: string }> {
  const arabic = lang.trim().toLowerCase().split(/[-_]/)[0] === 'ar';
  return volumes.map((volume) => ({
    value: volume.salesVolumeValue,
    label: arabic ? volume.salesVolumeNameAr : volume.salesVolumeName,
  }));
}
