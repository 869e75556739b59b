import { createClient } from 'redis';
import { createPaylink } from 'stcpay-otp/server';

// Serverless instances share no memory: count the limits in Redis.
const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', () => {}); // until it connects, each instance counts in memory
void redis.connect();

const paylink = createPaylink({
  apiId: process.env.PAYLINK_API_ID!,
  secretKey: process.env.PAYLINK_SECRET_KEY!,
  environment: 'production',
  prefix: '/paylink',
  clientAddressHeader: 'x-real-ip',
  rateLimit: { redis },
});

export const dynamic = 'force-dynamic';

const handle = (request: Request) => paylink.handler(request);
export { handle as GET, handle as POST };
