/**
 * The WebOTP API: where the browser supports it, it reads the code from the SMS (after asking
 * the customer) and hands it to the page. Absent or refused, the customer types the code.
 */

interface OtpCredentialLike {
  code?: string;
}

/**
 * Resolves with the code from the SMS, or `undefined` when the browser has no WebOTP, the
 * customer declines, or `signal` aborts (which also ends the browser's request).
 */
export async function receiveSmsOtp(signal: AbortSignal): Promise<string | undefined> {
  if (!('OTPCredential' in globalThis) || !navigator.credentials?.get) return undefined;
  try {
    const options = { otp: { transport: ['sms'] }, signal } as CredentialRequestOptions;
    const credential = (await navigator.credentials.get(options)) as OtpCredentialLike | null;
    return signal.aborted ? undefined : credential?.code;
  } catch {
    return undefined;
  }
}
