/**
 * The browser's SMS code reader (WebOTP), played by a test: each request the page makes is kept,
 * with its abort signal, and answers when the test says so. useFakeWebOtp() installs it
 * around each test of a describe block. In an engine without WebOTP (Firefox, WebKit), it plays
 * the whole of it, down to `navigator.credentials` where the engine has none (WebKit here).
 */
export interface FakeSmsRequest {
  signal: AbortSignal;
  resolve: (credential: { code: string } | null) => void;
}

export function fakeWebOtp(): { requests: FakeSmsRequest[]; restore: () => void } {
  const requests: FakeSmsRequest[] = [];
  const hadOtpCredential = 'OTPCredential' in window;
  const hadCredentials = navigator.credentials !== undefined;
  if (!hadCredentials)
    Object.defineProperty(navigator, 'credentials', {
      configurable: true,
      value: {} as CredentialsContainer,
    });
  const get = navigator.credentials.get;
  (window as unknown as Record<string, unknown>).OTPCredential ??= class {};
  navigator.credentials.get = (options?: CredentialRequestOptions) =>
    new Promise((resolve) =>
      requests.push({ signal: options!.signal!, resolve: resolve as never }),
    );
  const restore = () => {
    if (hadCredentials) navigator.credentials.get = get;
    else delete (navigator as unknown as Record<string, unknown>).credentials;
    if (!hadOtpCredential) delete (window as unknown as Record<string, unknown>).OTPCredential;
  };
  return { requests, restore };
}

/** fakeWebOtp() around each test of the calling describe block: `sms.requests`, `sms.restore()`. */
export function useFakeWebOtp(): { requests: FakeSmsRequest[]; restore: () => void } {
  const sms = { requests: [] as FakeSmsRequest[], restore: () => {} };
  beforeEach(() => Object.assign(sms, fakeWebOtp()));
  afterEach(() => sms.restore());
  return sms;
}
