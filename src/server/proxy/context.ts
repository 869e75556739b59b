/** What the proxies are: a Request in, a Response out, with what an adapter adds. */

/** What an adapter knows of the request beyond the Request itself. */
export interface HandlerContext {
  /**
   * The client's address, for per-client limits: toNodeHandler sets it from the framework's
   * `req.ip` (Express and Connect set it from `trust proxy`), else the connection's.
   */
  clientAddress?: string;
  /**
   * Keeps work going after the answer is sent (Cloudflare's `ctx.waitUntil`, Vercel's
   * `waitUntil`): the delivery of `onPaid` after a webhook. Node keeps it going anyway.
   */
  waitUntil?: (work: Promise<unknown>) => void;
}

export type Handler = (request: Request, context?: HandlerContext) => Promise<Response>;
