import express from 'express';
import { createPaylink, toNodeHandler } from 'stcpay-otp/server';

const paylink = createPaylink({
  apiId: process.env.PAYLINK_API_ID!,
  secretKey: process.env.PAYLINK_SECRET_KEY!,
  environment: 'testing',
  // Unset in production; a local mock of Paylink in development.
  restBaseUrl: process.env.PAYLINK_REST_URL,
  stcpayBaseUrl: process.env.PAYLINK_STCPAY_URL,
});

export const app = express();

// <stcpay-otp base-url="/paylink"> talks to Paylink through here. Mount it before any body parser.
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

// Before shipping: Paylink's word that the invoice is paid, in full.
app.get('/orders/:transactionNo', async (req, res) => {
  const { paid } = await paylink.verifyPayment(req.params.transactionNo, { amount: 65 });
  res.json({ paid });
});
