/**
 * The WebOTP API: where the browser supports it, it reads the code from the SMS (after asking
 * the customer) and hands it to the page. Absent or refused, the customer types the code.
 *
 * The page makes one browser request at a time, shared by every element on its code step.
 * The browser keeps only one per page anyway (a new one cancels the older), and Chromium kills
 * the whole tab ("bad IPC message") when two overlapping requests are aborted together, as
 * happens when two elements on their code steps leave at once.
 */

interface OtpCredentialLike {
  code?: string;
}

interface Waiter {
  signal: AbortSignal;
  resolve: (code: string | undefined) => void;
  onAbort: () => void;
}

/** The request in flight, and who gets its code: the newest waiter, as the browser would. */
let pending: { controller: AbortController; waiter?: Waiter } | undefined;

/**
 * Resolves with the code from the SMS, or `undefined` when the browser has no WebOTP, the
 * customer declines, `signal` aborts, or a newer call takes the request over. The browser's
 * request ends once nobody waits for it.
 */
export function receiveSmsOtp(signal: AbortSignal): Promise<string | undefined> {
  if (!('OTPCredential' in globalThis) || !navigator.credentials?.get || signal.aborted)
    return Promise.resolve(undefined);
  const request = (pending ??= start());
  release(request, undefined);
  return new Promise((resolve) => {
    const waiter: Waiter = {
      signal,
      resolve,
      onAbort: () => {
        release(request, undefined);
        if (pending === request) pending = undefined;
        request.controller.abort();
      },
    };
    request.waiter = waiter;
    signal.addEventListener('abort', waiter.onAbort, { once: true });
  });
}

function start() {
  const request: NonNullable<typeof pending> = { controller: new AbortController() };
  const options = {
    otp: { transport: ['sms'] },
    signal: request.controller.signal,
  } as CredentialRequestOptions;
  navigator.credentials
    .get(options)
    .then(
      (credential) => (credential as OtpCredentialLike | null)?.code,
      () => undefined,
    )
    .then((code) => {
      if (pending === request) pending = undefined;
      release(request, code);
    });
  return request;
}

/** Hands the request's waiter, if any, its answer and lets it go. */
function release(request: NonNullable<typeof pending>, code: string | undefined): void {
  const waiter = request.waiter;
  if (!waiter) return;
  request.waiter = undefined;
  waiter.signal.removeEventListener('abort', waiter.onAbort);
  waiter.resolve(waiter.signal.aborted ? undefined : code);
}
