/**
 * The partner's proxy for `<paylink-validate-mobile base-url="…">`: validate-otp and retry-otp
 * forwarded to Paylink with the partner's Bearer token added here, so the browser never holds
 * it. Only the partner's own profile, only well-formed bodies, within limits per session.
 */
import { RETRY_OTP_PATH, VALIDATE_OTP_PATH } from '../../core/paylink-api.js';
import { checkRetryOtp, checkValidateOtp, type Checked } from '../checks.js';
import { redact } from '../errors.js';
import type { Answer } from '../http.js';
import type { Limiter } from '../rate-limit.js';
import type { Handler } from './handler.js';
import {
  clientAddress,
  guarded,
  invalidField,
  isJson,
  methodNotAllowed,
  notFound,
  preflight,
  problem,
  readJson,
  text,
  tooMany,
  upstreamFailure,
} from './respond.js';

export { RETRY_OTP_PATH, VALIDATE_OTP_PATH };

export interface PartnerProxyOptions {
  prefix: string;
  profileNo: string;
  allowedOrigins: readonly string[];
  clientAddressHeader?: string;
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
    if (request.method === 'OPTIONS') return preflight(request, allowedOrigins);
    if (request.method !== 'POST') return methodNotAllowed('POST');
    if (!isJson(request))
      return problem(415, 'Unsupported Media Type', 'The body must be application/json.');
    const body = await readJson(request, options.maxBodyBytes);
    if (!body.ok) return body.response;

    let checked: Checked<{ sessionUuid: string }>;
    if (path === VALIDATE_OTP_PATH) {
      checked = checkValidateOtp(body.value, options.profileNo);
      if (!checked.ok) return invalidField(checked.field);
      const allowed = await limits.validateOtpPerSession.consume(checked.value.sessionUuid);
      if (!allowed.ok) return tooMany(allowed.retryAfter, 'this registration');
    } else {
      checked = checkRetryOtp(body.value, options.profileNo);
      if (!checked.ok) return invalidField(checked.field);
      const perClient = await limits.retryOtpPerClient.consume(client);
      if (!perClient.ok) return tooMany(perClient.retryAfter, 'this registration');
      const perSession = await limits.retryOtpPerSession.consume(checked.value.sessionUuid);
      if (!perSession.ok) return tooMany(perSession.retryAfter, 'this registration');
    }
    return relay(path, checked.value, request.signal);
  }

  async function relay(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
    let answer: Answer;
    try {
      answer = await options.forward(path, body, signal);
    } catch (error) {
      return upstreamFailure(error);
    }
    if (answer.json === undefined || answer.text.trim() === '')
      return problem(502, 'Bad Gateway', 'Paylink answered with something other than JSON.');
    // Paylink still refused the token after a fresh sign-in: the partner's setup, not the
    // browser's.
    if (answer.status === 401)
      return problem(502, 'Bad Gateway', 'The partner could not sign in to Paylink.');
    return text(answer.status, redact(answer.text, options.secrets()));
  }

  return (request, context = {}) =>
    guarded(request, allowedOrigins, () =>
      route(request, clientAddress(request, options.clientAddressHeader, context.clientAddress)),
    );
}
