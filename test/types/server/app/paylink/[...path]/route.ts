import { createClient } from 'redis';
import { createPaylink } from 'stcpay-otp/server';

// Serverless instances share no memory: the orders' ledger and the limits live in Redis.
const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', () => {}); // while it is unreachable, payments are refused (503), not risked
void redis.connect();

const paylink = createPaylink({
  apiId: process.env.PAYLINK_API_ID!,
  secretKey: process.env.PAYLINK_SECRET_KEY!,
  environment: 'production',
  prefix: '/paylink',
  clientAddressHeader: 'x-real-ip',
  redis,
  webhook: { header: 'Authorization', value: process.env.PAYLINK_WEBHOOK_AUTHORIZATION! },
  // The orders API ships the order once, if transactionNo is the invoice it made for it.
  onPaid: async ({ orderNumber, transactionNo }) => {
    await fetch(`${process.env.ORDERS_API}/orders/${orderNumber}/ship`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ transactionNo }),
    });
  },
});

export const dynamic = 'force-dynamic';

const handle = (request: Request) => paylink.handler(request);
export { handle as GET, handle as POST };
