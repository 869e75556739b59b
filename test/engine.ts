/**
 * The engine a test runs in (`npm test` runs every file in Chromium, Firefox and WebKit), for
 * the few tests that depend on what the engine or its test driver can do.
 */
const ua = navigator.userAgent;

export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(ua)
  ? 'firefox'
  : /Chrome\//.test(ua)
    ? 'chromium'
    : 'webkit';

/**
 * Whether the test runner can change `prefers-color-scheme` and `prefers-reduced-motion`
 * (`emulateMedia`): only through Chromium's DevTools protocol. Firefox's WebDriver BiDi and
 * WebKit's WebDriver have no such command yet.
 */
export const canEmulateMedia = engine === 'chromium';
