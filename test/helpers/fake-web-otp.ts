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

/**
 * The page as an engine without WebOTP sees it, in every engine: `OTPCredential` is gone until
 * `restore()`. `asked` counts what is asked of `navigator.credentials.get` meanwhile (nothing
 * should be); where the engine has no `navigator.credentials` (WebKit here), one is put in place
 * that counts and refuses, so the count means the same in every engine.
 */
export function withoutWebOtp(): { asked: () => number; restore: () => void } {
  const global = window as unknown as Record<string, unknown>;
  const descriptor = Object.getOwnPropertyDescriptor(window, 'OTPCredential');
  delete global.OTPCredential;
  if ('OTPCredential' in window) throw new Error('OTPCredential could not be removed');
  let asked = 0;
  const hadCredentials = navigator.credentials !== undefined;
  if (!hadCredentials)
    Object.defineProperty(navigator, 'credentials', {
      configurable: true,
      value: {} as CredentialsContainer,
    });
  const credentials = navigator.credentials;
  const own = Object.getOwnPropertyDescriptor(credentials, 'get');
  const get = credentials.get as CredentialsContainer['get'] | undefined;
  credentials.get = (...args: Parameters<CredentialsContainer['get']>) => {
    asked++;
    return get
      ? get.apply(credentials, args)
      : Promise.reject(new DOMException('', 'NotSupportedError'));
  };
  return {
    asked: () => asked,
    restore: () => {
      if (!hadCredentials) delete (navigator as unknown as Record<string, unknown>).credentials;
      else if (own) Object.defineProperty(credentials, 'get', own);
      else delete (credentials as unknown as Record<string, unknown>).get;
      if (descriptor) Object.defineProperty(window, 'OTPCredential', descriptor);
    },
  };
}

/** withoutWebOtp() around each test of the calling describe block: `webOtp.asked()`. */
export function useNoWebOtp(): { asked: () => number } {
  let current: ReturnType<typeof withoutWebOtp> | undefined;
  beforeEach(() => (current = withoutWebOtp()));
  afterEach(() => current?.restore());
  return { asked: () => current!.asked() };
}

/** fakeWebOtp() around each test of the calling describe block: `sms.requests`, `sms.restore()`. */
export function useFakeWebOtp(): { requests: FakeSmsRequest[]; restore: () => void } {
  const sms = { requests: [] as FakeSmsRequest[], restore: () => {} };
  beforeEach(() => Object.assign(sms, fakeWebOtp()));
  afterEach(() => sms.restore());
  return sms;
}
