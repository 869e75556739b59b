// The server side of the demo store, on stcpay-otp/server: what a merchant's backend does
// around <stcpay-otp>. It holds the Paylink credentials (the mock's fake ones), creates the
// invoice whose transactionNo the page hands to the element, mounts the kit's proxy at
// /paylink so the element talks to Paylink through the store's own origin, and asks Paylink
// for the verdict on the payment afterwards, the only word on payment to trust. The kit's
// ledger calls onPaid once per paid order, whichever way the news came (the proxy's
// processPayment, Paylink's webhook, a status poll): that is where this store "ships". Here
// Paylink is the local mock on the same server, and it sends its webhook to /paylink/webhook.
//
// Routes
//   GET  /store/api/cart                     → {items, total}
//   POST /store/api/checkout                 creates an invoice → {transactionNo, amount}
//   GET  /store/api/orders/<transactionNo>   → {transactionNo, amount, orderStatus, paid,
//                                               fulfilled}
//   GET  /store/api/fulfilled                → [{transactionNo, orderNumber, amount, source,
//                                              onPaidCalls}]: each order onPaid shipped, once,
//                                              and how many times onPaid was called for it
//   *    /paylink/...                        the kit: sendOtp, processPayment, payment-status,
//                                            and Paylink's webhook (stcpay-otp/server)

import { createPaylink, PaylinkServerError, toNodeHandler } from 'stcpay-otp/server';
import { MOCK_CREDENTIALS, MOCK_WEBHOOK } from './mock-paylink.js';

/** What the demo store sells. */
export const CART = [
  { title: 'Arabic coffee, 250 g', price: 45, qty: 1 },
  { title: 'Dates, Sukkari, 500 g', price: 20, qty: 1 },
];

/** `rateLimit`: the kit's limits, where they differ from its defaults. */
export function createStoreServer({ rateLimit } = {}) {
  /** The kit for each address the demo is served on: the mock Paylink lives there too. */
  const kits = new Map();
  let orderCount = 0;
  /** The orders shipped, by transactionNo, in the order onPaid shipped them. */
  const fulfilled = new Map();

  /**
   * Where the store ships: the kit calls it once per paid order. A second call for an order is
   * counted (`onPaidCalls`) and refused, so that nothing ships twice and the tests can see it.
   */
  function onPaid({ transactionNo, orderNumber, amount, source }) {
    const shipped = fulfilled.get(transactionNo);
    if (shipped) {
      shipped.onPaidCalls++;
      throw new Error(`${transactionNo} shipped twice`);
    }
    fulfilled.set(transactionNo, { transactionNo, orderNumber, amount, source, onPaidCalls: 1 });
    if (fulfilled.size > 1000) fulfilled.delete(fulfilled.keys().next().value);
  }

  function kitFor(origin) {
    if (!kits.has(origin)) {
      const paylink = createPaylink({
        ...MOCK_CREDENTIALS,
        environment: 'testing',
        restBaseUrl: origin,
        stcpayBaseUrl: origin,
        prefix: '/paylink',
        onPaid,
        // The header set in Paylink's portal; the mock sends it with every webhook.
        webhook: MOCK_WEBHOOK,
        // Longer than the slow test code's 20 s: the store waits for STC Pay, the browser asks it.
        timeout: 30_000,
        ...(rateLimit ? { rateLimit } : {}),
      });
      kits.set(origin, { paylink, proxy: toNodeHandler(paylink.handler) });
    }
    return kits.get(origin);
  }

  const total = CART.reduce((sum, item) => sum + item.price * item.qty, 0);

  async function checkout(paylink, origin) {
    const invoice = await paylink.addInvoice({
      orderNumber: `STORE-${Date.now()}-${++orderCount}`,
      amount: total,
      callBackUrl: `${origin}/demo/store.html`,
      clientName: 'Demo customer',
      clientMobile: '0551234567',
      currency: 'SAR',
      products: CART,
    });
    // Only what the page needs: never the token or the credentials.
    return [200, { transactionNo: invoice.transactionNo, amount: invoice.amount }];
  }

  async function order(paylink, transactionNo) {
    // The store knows what it charged: paid means paid in full, to the halala.
    const { paid, orderStatus, amount } = await paylink.verifyPayment(transactionNo, {
      amount: total,
    });
    return [
      200,
      { transactionNo, amount, orderStatus, paid, fulfilled: fulfilled.has(transactionNo) },
    ];
  }

  /** Handles the store's routes (true) or leaves the request to the next handler (false). */
  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://store').pathname;
    // The server's own address, never the Host header: the credentials go nowhere else.
    const origin = ownOrigin(req);
    const { paylink, proxy } = kitFor(origin);
    if (path === '/paylink' || path.startsWith('/paylink/')) {
      proxy(req, res);
      return true;
    }
    let answer;
    if (path === '/store/api/cart' && req.method === 'GET')
      answer = Promise.resolve([200, { items: CART, total }]);
    else if (path === '/store/api/checkout' && req.method === 'POST')
      answer = checkout(paylink, origin);
    else if (path === '/store/api/fulfilled' && req.method === 'GET')
      answer = Promise.resolve([200, [...fulfilled.values()]]);
    else if (path.startsWith('/store/api/orders/') && req.method === 'GET')
      answer = order(paylink, decodeURIComponent(path.slice('/store/api/orders/'.length)));
    else return false;

    answer
      .catch((error) => {
        if (!(error instanceof PaylinkServerError)) throw error;
        const status = error.code === 'not-found' ? 404 : error.code === 'validation' ? 400 : 502;
        return [status, { error: error.message }];
      })
      .catch(() => [500, { error: 'The store failed' }])
      .then(([status, body]) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(body));
      });
    return true;
  }

  return { handle };
}

/** `http://<address>:<port>` of the socket the request came in on. */
export function ownOrigin(req) {
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  const host = localAddress.replace(/^::ffff:/, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${localPort}`;
}
