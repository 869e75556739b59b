import { Hono } from 'hono';
import { createPaylink, type Paylink } from 'stcpay-otp/server';

type Bindings = { PAYLINK_API_ID: string; PAYLINK_SECRET_KEY: string };

const app = new Hono<{ Bindings: Bindings }>();
let paylink: Paylink | undefined;

app.all('/paylink/*', (c) => {
  // On Workers the secrets arrive with the first request.
  paylink ??= createPaylink({
    apiId: c.env.PAYLINK_API_ID,
    secretKey: c.env.PAYLINK_SECRET_KEY,
    environment: 'production',
    clientAddressHeader: 'cf-connecting-ip',
  });
  // Work after the answer (onPaid after Paylink's webhook) runs to its end.
  return paylink.handler(c.req.raw, { waitUntil: (work) => c.executionCtx.waitUntil(work) });
});

export default app;
