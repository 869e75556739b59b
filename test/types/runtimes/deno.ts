// The server kit on Deno: `deno run --allow-net --allow-env --allow-read deno.ts`.
import { createPaylink } from 'stcpay-otp/server';

const env = (name: string) => Deno.env.get(name);

const paylink = createPaylink({
  apiId: env('PAYLINK_API_ID')!,
  secretKey: env('PAYLINK_SECRET_KEY')!,
  environment: 'testing',
  // Unset in production; a local mock of Paylink in development.
  restBaseUrl: env('PAYLINK_REST_URL'),
  stcpayBaseUrl: env('PAYLINK_STCPAY_URL'),
  webhook: { header: 'Authorization', value: env('PAYLINK_WEBHOOK_AUTHORIZATION')! },
  // Once per paid order: ship here.
  onPaid: ({ orderNumber, transactionNo }) =>
    console.log(`shipped ${orderNumber} (${transactionNo})`),
});

// The store's checkout: the invoice whose transactionNo and amount the page gives the element.
async function checkout(): Promise<Response> {
  const invoice = await paylink.addInvoice({
    orderNumber: `ORDER-${Date.now()}`,
    amount: 65,
    callBackUrl: 'https://shop.example/thanks',
    clientName: 'Noura Al-Harbi',
    clientMobile: '0551234567',
    products: [{ title: 'Arabic coffee, 250 g', price: 65, qty: 1 }],
  });
  return Response.json({ transactionNo: invoice.transactionNo, total: invoice.amount });
}

// POST /checkout; <stcpay-otp base-url="/paylink"> and Paylink's webhook under /paylink.
Deno.serve({ hostname: '127.0.0.1', port: Number(env('PORT') ?? 8000) }, (request) =>
  new URL(request.url).pathname === '/checkout' && request.method === 'POST'
    ? checkout()
    : paylink.handler(request),
);
