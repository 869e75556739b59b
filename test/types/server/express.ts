import express from 'express';
import { createPaylink, toNodeHandler } from 'stcpay-otp/server';

/** The store's orders that have shipped, by transactionNo (a database table in a real store). */
const shipped = new Map<string, { orderNumber: string; amount: number }>();

const paylink = createPaylink({
  apiId: process.env.PAYLINK_API_ID!,
  secretKey: process.env.PAYLINK_SECRET_KEY!,
  environment: 'testing',
  // Unset in production; a local mock of Paylink in development.
  restBaseUrl: process.env.PAYLINK_REST_URL,
  stcpayBaseUrl: process.env.PAYLINK_STCPAY_URL,
  // Paylink's payment webhook, set in its portal to POST https://shop.example/paylink/webhook
  // with this header.
  webhook: { header: 'Authorization', value: process.env.PAYLINK_WEBHOOK_AUTHORIZATION! },
  // Each paid invoice, on Paylink's word, whichever way the news came: ship here, once per
  // transactionNo (an invoice this store did not create is paid too, and is not this store's).
  onPaid: ({ orderNumber, transactionNo, amount }) => {
    if (!shipped.has(transactionNo)) shipped.set(transactionNo, { orderNumber, amount });
  },
});

// Payments whose answer was lost, and deliveries that failed: settled every minute.
setInterval(() => void paylink.reconcile().catch(console.error), 60_000).unref();

export const app = express();
// Behind a load balancer or proxy, say which, so that req.ip is the shopper's, as the limits
// need: app.set('trust proxy', 1);

// <stcpay-otp base-url="/paylink"> talks to Paylink through here, and so does the webhook.
// Mount it before any body parser.
app.use('/paylink', toNodeHandler(paylink.handler));

// The invoice whose transactionNo and amount the page gives the element.
app.post('/checkout', async (_req, res) => {
  const invoice = await paylink.addInvoice({
    orderNumber: `ORDER-${Date.now()}`,
    amount: 65,
    callBackUrl: 'https://shop.example/thanks',
    clientName: 'Noura Al-Harbi',
    clientMobile: '0551234567',
    products: [{ title: 'Arabic coffee, 250 g', price: 65, qty: 1 }],
  });
  res.json({ transactionNo: invoice.transactionNo, total: invoice.amount });
});

// Paylink's word that the invoice is paid, in full, and whether onPaid has shipped it.
app.get('/orders/:transactionNo', async (req, res) => {
  const { transactionNo } = req.params;
  const { paid } = await paylink.verifyPayment(transactionNo, { amount: 65 });
  res.json({ paid, shipped: shipped.has(transactionNo) });
});
