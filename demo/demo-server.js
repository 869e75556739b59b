// Everything the demo pages and the tests talk to over HTTP, as one Node request handler:
// the local mocks of Paylink (STC Pay, REST, partner API) and the server sides of the demo
// store and the demo partner. Mounted by vite.config.ts (npm start), the React and Vue demos'
// configs, and web-test-runner.config.mjs (npm test).
import { createPaylinkMock, MOCK_WEBHOOK } from './mock-paylink.js';
import { createPartnerMock } from './mock-partner.js';
import { createPartnerServer } from './partner-server.js';
import { createStoreServer } from './store-server.js';

/**
 * `slowPaymentMs`: how long the slow test code's payment takes (20 s by default, as a store
 * would meet it; the tests take less). `storeRateLimit`: the demo store's kit limits, beyond
 * the kit's defaults (the tests, whose three browsers share one address, widen them).
 */
export function createDemoServer({ slowPaymentMs, storeRateLimit } = {}) {
  const paylink = createPaylinkMock({
    slowPaymentMs,
    // Paylink's payment webhook to the demo store, on the address the invoice was made on.
    webhook: { ...MOCK_WEBHOOK, url: (invoice) => new URL('/paylink/webhook', invoice.url).href },
  });
  const handlers = [
    paylink,
    createPartnerMock(paylink),
    createStoreServer({ rateLimit: storeRateLimit }),
    createPartnerServer(),
  ];
  /** Answers the request (true) if it is one of ours; false passes it on. */
  return (req, res) => handlers.some((handler) => handler.handle(req, res));
}

/** The same, as a Vite plugin: mounted by the dev and preview servers of every demo. */
export function demoServerPlugin() {
  const handle = createDemoServer();
  const middleware = (req, res, next) => {
    if (!handle(req, res)) next();
  };
  return {
    name: 'demo-server',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}
