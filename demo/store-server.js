// The server side of the demo store: what a merchant's backend does around <stcpay-otp>.
// It holds the Paylink credentials (the mock's fake ones), creates the invoice whose
// transactionNo the page hands to the element, and asks Paylink for the invoice's status
// afterwards, the only word on payment to trust. It talks to Paylink over HTTP like a real
// backend; here Paylink is the local mock on the same origin.
//
// Routes
//   GET  /store/api/cart                     → {items, total}
//   POST /store/api/checkout                 creates an invoice → {transactionNo, amount}
//   GET  /store/api/orders/<transactionNo>   → {transactionNo, amount, orderStatus} from getInvoice

import { createBearerClient } from './bearer-client.js';
import { MOCK_CREDENTIALS } from './mock-paylink.js';

/** What the demo store sells. */
export const CART = [
  { title: 'Arabic coffee, 250 g', price: 45, qty: 1 },
  { title: 'Dates, Sukkari, 500 g', price: 20, qty: 1 },
];

export function createStoreServer() {
  const paylinkApi = createBearerClient('/api/auth', MOCK_CREDENTIALS);
  let orderCount = 0;

  /** Calls Paylink's REST API as the store, and reads the JSON answer. */
  async function paylink(origin, path, body) {
    const response = await paylinkApi.request(origin, path, body && JSON.stringify(body));
    return { status: response.status, body: await response.json() };
  }

  const total = CART.reduce((sum, item) => sum + item.price * item.qty, 0);

  async function checkout(origin) {
    const amount = total;
    const { status, body } = await paylink(origin, '/api/addInvoice', {
      orderNumber: `STORE-${Date.now()}-${++orderCount}`,
      amount,
      callBackUrl: `${origin}/demo/store.html`,
      clientName: 'Demo customer',
      clientMobile: '0551234567',
      currency: 'SAR',
      products: CART,
    });
    if (status !== 200) return [502, { error: `addInvoice answered ${status}` }];
    // Only what the page needs: never the token or the credentials.
    return [200, { transactionNo: body.transactionNo, amount: body.amount }];
  }

  async function order(origin, transactionNo) {
    const { status, body } = await paylink(origin, `/api/getInvoice/${encodeURIComponent(transactionNo)}`);
    if (status !== 200) return [status === 404 ? 404 : 502, { error: `getInvoice answered ${status}` }];
    return [200, { transactionNo: body.transactionNo, amount: body.amount, orderStatus: body.orderStatus }];
  }

  /** Handles the store's routes (true) or leaves the request to the next handler (false). */
  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://store').pathname;
    const origin = `http://${req.headers.host}`;
    let answer;
    if (path === '/store/api/cart' && req.method === 'GET') answer = Promise.resolve([200, { items: CART, total }]);
    else if (path === '/store/api/checkout' && req.method === 'POST') answer = checkout(origin);
    else if (path.startsWith('/store/api/orders/') && req.method === 'GET')
      answer = order(origin, decodeURIComponent(path.slice('/store/api/orders/'.length)));
    else return false;

    answer
      .catch((error) => [500, { error: String(error.message ?? error) }])
      .then(([status, body]) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(body));
      });
    return true;
  }

  return { handle };
}
