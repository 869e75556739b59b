/**
 * The partner's proxy for `<paylink-validate-mobile base-url="…">`: validate-otp and retry-otp
 * forwarded to Paylink with the partner's Bearer token added here, so the browser never holds
 * it. Only the partner's own profile, only well-formed bodies, within limits per session.
 */
import { RETRY_OTP_PATH, VALIDATE_OTP_PATH } from '../../core/paylink-api.js';
import { checkRetryOtp, checkValidateOtp } from '../checks.js';
import { clientOf, type ClientAddress } from '../client-address.js';
import { redact } from '../errors.js';
import type { Answer } from '../http.js';
import type { Limiter } from '../rate-limit.js';
import type { Handler } from './handler.js';
import {
  guarded,
  invalidField,
  notFound,
  overLimit,
  problem,
  readPost,
  relay,
  text,
} from './respond.js';

export { RETRY_OTP_PATH, VALIDATE_OTP_PATH };

const REGISTRATION = 'this registration';

export interface PartnerProxyOptions {
  prefix: string;
  profileNo: string;
  allowedOrigins: readonly string[];
  clientAddressHeader?: string;
  clientAddress?: ClientAddress;
  bodyTimeout: number;
  maxBodyBytes: number;
  limits: {
    validateOtpPerSession: Limiter;
    retryOtpPerSession: Limiter;
    retryOtpPerClient: Limiter;
  };
  /** POSTs a checked body to Paylink's partner API with the token. */
  forward: (path: string, body: unknown, signal: AbortSignal) => Promise<Answer>;
  /** What must never leave: the API key and the token held now. */
  secrets: () => Array<string | undefined>;
}

export function createPartnerProxyHandler(options: PartnerProxyOptions): Handler {
  const { prefix, allowedOrigins, limits } = options;

  async function route(request: Request, client: string): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${prefix}/`)) return notFound();
    const path = pathname.slice(prefix.length);
    if (path !== VALIDATE_OTP_PATH && path !== RETRY_OTP_PATH) return notFound();
    const body = await readPost(request, allowedOrigins, options.maxBodyBytes, options.bodyTimeout);
    if (!body.ok) return body.response;

    const validate = path === VALIDATE_OTP_PATH;
    const checked = (validate ? checkValidateOtp : checkRetryOtp)(body.value, options.profileNo);
    if (!checked.ok) return invalidField(checked.field);
    const session = checked.value.sessionUuid;
    const refusal = validate
      ? await overLimit(limits.validateOtpPerSession, session, REGISTRATION)
      : ((await overLimit(limits.retryOtpPerClient, client, REGISTRATION)) ??
        (await overLimit(limits.retryOtpPerSession, session, REGISTRATION)));
    if (refusal) return refusal;
    return relay(() => options.forward(path, checked.value, request.signal), pass);
  }

  /** Paylink's answer, with no secret in it. */
  function pass(answer: Answer): Response {
    // Paylink still refused the token after a fresh sign-in: the partner's setup, not the
    // browser's.
    if (answer.status === 401)
      return problem(502, 'Bad Gateway', 'The partner could not sign in to Paylink.');
    return text(answer.status, redact(answer.text, options.secrets()));
  }

  return (request, context = {}) =>
    guarded(request, allowedOrigins, () => route(request, clientOf(request, options, context)));
}
