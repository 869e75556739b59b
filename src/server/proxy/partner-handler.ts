/**
 * The partner's proxy for `<paylink-validate-mobile base-url="…">`: validate-otp and retry-otp
 * forwarded to Paylink with the partner's Bearer token added here, so the browser never holds
 * it. Only the partner's own profile, only well-formed bodies, within limits per session (its
 * UUID however it is spelt) and per client address, where a call Paylink refuses costs more
 * than one it accepts. Paylink's answer goes back parsed, with no secret in any of its strings.
 */
import { RETRY_OTP_PATH, VALIDATE_OTP_PATH } from '../../core/paylink-api.js';
import { checkRetryOtp, checkValidateOtp } from '../checks.js';
import { clientOf, type ClientAddress } from '../client-address.js';
import type { Answer } from '../http.js';
import type { Limiter } from '../rate-limit.js';
import { redactJson } from '../redact.js';
import type { Handler } from './handler.js';
import {
  guarded,
  invalidField,
  notFound,
  json,
  overLimit,
  problem,
  readPost,
  relay,
  tooMany,
} from './respond.js';

export { RETRY_OTP_PATH, VALIDATE_OTP_PATH };

const REGISTRATION = 'this registration';

/**
 * What a call costs against a per-client limit: counted as refused when it is let through,
 * then the difference is given back once Paylink accepts it (or fails on its own side), so a
 * burst of wrong guesses is held back before any reaches Paylink.
 */
export const CLIENT_COST = { refused: 3, accepted: 1 } as const;

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
    validateOtpPerClient: Limiter;
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
    const perClient = validate ? limits.validateOtpPerClient : limits.retryOtpPerClient;
    const perSession = validate ? limits.validateOtpPerSession : limits.retryOtpPerSession;
    const counted = await perClient.consume(client, CLIENT_COST.refused);
    if (!counted.ok) return tooMany(counted.retryAfter, REGISTRATION);
    // Sent as it came (Paylink wants it as is), counted as the one session it names.
    const refusal = await overLimit(
      perSession,
      sessionKey(checked.value.sessionUuid),
      REGISTRATION,
    );
    if (refusal) return refusal;
    return relay(async () => {
      let answer: Answer | undefined;
      try {
        answer = await options.forward(path, checked.value, request.signal);
        return answer;
      } finally {
        if (!request.signal.aborted && !(answer && refusedBy(answer)))
          await perClient
            .giveBack(client, CLIENT_COST.refused - CLIENT_COST.accepted)
            .catch(() => {});
      }
    }, pass);
  }

  /** Paylink's answer, parsed, with no secret in any string of it, and encoded afresh. */
  function pass(answer: Answer): Response {
    // Paylink still refused the token after a fresh sign-in: the partner's setup, not the
    // browser's.
    if (answer.status === 401)
      return problem(502, 'Bad Gateway', 'The partner could not sign in to Paylink.');
    return json(answer.status, redactJson(answer.json, options.secrets()));
  }

  return (request, context = {}) =>
    guarded(request, allowedOrigins, () => route(request, clientOf(request, options, context)));
}

/**
 * Paylink turned the call down for what it asked (a wrong or expired code, a session that is
 * not open, another mobile): a 4xx other than a 401, which is about the partner's token.
 */
function refusedBy(answer: Answer): boolean {
  return answer.status >= 400 && answer.status < 500 && answer.status !== 401;
}

const UUID =
  /^0*([\da-f]{1,8})-0*([\da-f]{1,4})-0*([\da-f]{1,4})-0*([\da-f]{1,4})-0*([\da-f]{1,12})$/;
const UUID_GROUPS = [8, 4, 4, 4, 12];

/**
 * The key a registration session is counted under: its id lower-cased and, for a UUID, each
 * group written out in full, so the spellings a UUID parser reads as one session ("96EA8E22-…",
 * "96ea8e22-…", a group without its leading zeros) count as one.
 */
export function sessionKey(sessionUuid: string): string {
  const value = sessionUuid.toLowerCase();
  const groups = UUID.exec(value);
  if (!groups) return value;
  return groups
    .slice(1)
    .map((group, i) => group.padStart(UUID_GROUPS[i]!, '0'))
    .join('-');
}
