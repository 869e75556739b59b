// The server kit on Cloudflare Workers (bundled by wrangler or esbuild, run by workerd).
import { createPaylink, type Paylink } from 'stcpay-otp/server';

interface Env {
  PAYLINK_API_ID: string;
  PAYLINK_SECRET_KEY: string;
  PAYLINK_WEBHOOK_AUTHORIZATION: string;
  /** Unset in production; a local mock of Paylink in development. */
  PAYLINK_REST_URL?: string;
  PAYLINK_STCPAY_URL?: string;
}

let paylink: Paylink | undefined;

export default {
  fetch(request: Request, env: Env, ctx: { waitUntil(work: Promise<unknown>): void }) {
    // On Workers the secrets arrive with the first request.
    paylink ??= createPaylink({
      apiId: env.PAYLINK_API_ID,
      secretKey: env.PAYLINK_SECRET_KEY,
      environment: 'testing',
      restBaseUrl: env.PAYLINK_REST_URL,
      stcpayBaseUrl: env.PAYLINK_STCPAY_URL,
      clientAddress: (r) => r.headers.get('cf-connecting-ip') ?? undefined,
      webhook: { header: 'Authorization', value: env.PAYLINK_WEBHOOK_AUTHORIZATION },
      // Once per paid order: ship here (one isolate's memory; give it `redis` to share).
      onPaid: ({ orderNumber, transactionNo }) =>
        console.log(`shipped ${orderNumber} (${transactionNo})`),
    });
    if (new URL(request.url).pathname === '/checkout' && request.method === 'POST')
      return checkout(paylink);
    // Work after the answer (onPaid after Paylink's webhook) runs to its end.
    return paylink.handler(request, { waitUntil: (work) => ctx.waitUntil(work) });
  },
};

// The store's checkout: the invoice whose transactionNo and amount the page gives the element.
async function checkout(paylink: Paylink): Promise<Response> {
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
