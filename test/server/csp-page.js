// A merchant's checkout page served under a Content Security Policy given by the test, with
// the built bundle and nothing inline. Mounted by web-test-runner.config.mjs.
//
//   GET /csp/page.html?policy=...&element=stcpay-otp&tenant=...&copies=1&legacy-styles&lit-nonce
//     policy         the Content-Security-Policy header, verbatim; {nonce} becomes a fresh nonce
//     element        which of the package's elements the page holds (see CHECKOUTS)
//     tenant         the mock Paylink tenant the element talks to (same origin)
//     copies         how many copies of dist/stcpay-otp.js the page loads (default 1)
//     legacy-styles  first hides constructable stylesheets, as browsers without them are
//     lit-nonce      first loads /csp/lit-nonce.js with the nonce, which sets window.litNonce
//   GET /csp/watch.js        records securitypolicyviolation events and errors in window.cspReport
//   GET /csp/legacy-styles.js, /csp/lit-nonce.js
import { randomBytes } from 'node:crypto';
import { PARTNER_EXAMPLE } from '../../demo/mock-partner.js';

const EXAMPLE = PARTNER_EXAMPLE.request;

const SCRIPTS = {
  // Loaded first, as a classic script, so it sees everything the page does after it.
  'watch.js': `
window.cspReport = { violations: [], errors: [] };
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspReport.violations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
  });
});
window.addEventListener('error', (event) => {
  window.cspReport.errors.push(String(event.error ?? event.message ?? event.target?.src));
}, true);
window.addEventListener('unhandledrejection', (event) => {
  window.cspReport.errors.push(String(event.reason));
});
`,
  // What Lit sees in a browser without constructable stylesheets (Safari before 16.4,
  // Firefox before 101): it then writes <style> elements into each shadow root.
  'legacy-styles.js': `delete CSSStyleSheet.prototype.replace;\n`,
  // The nonce comes from the script tag's own nonce attribute: no inline script needed.
  'lit-nonce.js': `window.litNonce = document.currentScript.nonce;\n`,
};

/** The markup of each element on the page, talking to the mock on the page's own origin. */
const CHECKOUTS = {
  'stcpay-otp': ({ tenant, transactionNo }) =>
    `<stcpay-otp transaction-no="${transactionNo}" total="10" process-payment base-url="/mock/${tenant}/ok"></stcpay-otp>`,
  // The documentation page's example session, which the partner mock always accepts; the test
  // hands the token over as a property, as a partner's page does.
  'paylink-validate-mobile': ({ tenant }) =>
    `<paylink-validate-mobile signature="${EXAMPLE.signature}" session-uuid="${EXAMPLE.sessionUuid}" mobile="${EXAMPLE.mobile}" ` +
    `partner-profile-no="${EXAMPLE.partnerProfileNo}" base-url="/mock/${tenant}/ok"></paylink-validate-mobile>`,
};

/** The script each element ships in. */
const BUNDLES = {
  'stcpay-otp': '/dist/stcpay-otp.js',
  'paylink-validate-mobile': '/dist/paylink-validate-mobile.js',
};

/** Answers /csp/... (true) or leaves the request to the next handler (false). */
export function handleCspPage(req, res) {
  const url = new URL(req.url ?? '/', 'http://test');
  if (!url.pathname.startsWith('/csp/')) return false;
  const name = url.pathname.slice('/csp/'.length);
  if (Object.hasOwn(SCRIPTS, name)) {
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(SCRIPTS[name]);
  } else if (name === 'page.html') {
    const nonce = randomBytes(16).toString('base64');
    const policy = (url.searchParams.get('policy') ?? '').replaceAll('{nonce}', nonce);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': policy,
      'Cache-Control': 'no-store',
    });
    res.end(page(url.searchParams, nonce));
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
  return true;
}

function page(params, nonce) {
  const tenant = /^[\w-]+$/.test(params.get('tenant') ?? '') ? params.get('tenant') : 'csp';
  const copies = Math.min(Math.max(Number(params.get('copies')) || 1, 1), 3);
  const transactionNo =
    String(Date.now()) + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const element = Object.hasOwn(CHECKOUTS, params.get('element') ?? '')
    ? params.get('element')
    : 'stcpay-otp';
  const checkout = CHECKOUTS[element];
  const bundles = Array.from(
    { length: copies },
    // Another URL is another module: the browser evaluates each copy.
    (_, i) =>
      `<script type="module" src="${BUNDLES[element]}${i ? `?copy=${i + 1}` : ''}"></script>`,
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Checkout under a strict Content Security Policy</title>
    <script src="/csp/watch.js"></script>
    ${params.has('legacy-styles') ? '<script src="/csp/legacy-styles.js"></script>' : ''}
    ${params.has('lit-nonce') ? `<script src="/csp/lit-nonce.js" nonce="${nonce}"></script>` : ''}
    ${bundles.join('\n    ')}
  </head>
  <body>
    ${checkout({ tenant, transactionNo })}
  </body>
</html>
`;
}
