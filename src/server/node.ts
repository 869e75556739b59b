/**
 * toNodeHandler: a kit handler (Request in, Response out) as Node middleware, for node:http,
 * Express and Connect. The handler sees the full URL the browser asked for (Express's
 * `originalUrl`), so `app.use('/paylink', toNodeHandler(paylink.handler))` matches the
 * handler's default prefix. No import of node: modules, so the entry still loads on edge
 * runtimes; the Node types are described by shape.
 */
import type { Handler } from './proxy/handler.js';

/** The parts of node:http's IncomingMessage (and Express's Request) the adapter reads. */
export interface NodeRequest {
  method?: string;
  url?: string;
  /** Express and Connect keep the URL before the mount path was cut here. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
  /** The client's address as the framework found it: Express and Connect, from `trust proxy`. */
  ip?: string;
  /** A body a parser upstream (express.json()) has read already. */
  body?: unknown;
  readableEnded?: boolean;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The parts of node:http's ServerResponse the adapter writes. */
export interface NodeResponse {
  statusCode: number;
  headersSent?: boolean;
  writableFinished?: boolean;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export type NodeHandler = (
  req: NodeRequest,
  res: NodeResponse,
  next?: (error?: unknown) => void,
) => void;

export function toNodeHandler(handler: Handler): NodeHandler {
  return (req, res, next) => {
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    let request: Request;
    try {
      request = toRequest(req, aborted.signal);
    } catch (error) {
      return fail(error);
    }
    handler(request, { clientAddress: req.ip ?? req.socket?.remoteAddress })
      .then(async (response) => {
        res.statusCode = response.status;
        const cookies = response.headers.getSetCookie?.() ?? [];
        response.headers.forEach((value, name) => {
          if (name !== 'set-cookie') res.setHeader(name, value);
        });
        if (cookies.length > 0) res.setHeader('set-cookie', cookies);
        const body =
          request.method === 'HEAD' ? undefined : new Uint8Array(await response.arrayBuffer());
        res.end(body && body.byteLength > 0 ? body : undefined);
      })
      .catch(fail);

    function fail(error: unknown) {
      if (next) return next(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  };
}

/** The Request the handler sees: the full path, the headers, and the body as a stream. */
function toRequest(req: NodeRequest, signal: AbortSignal): Request {
  // Only the path and query matter to the handler; the host header is not trusted for anything.
  const url = new URL(req.originalUrl ?? req.url ?? '/', 'http://localhost');
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.readableEnded && req.body !== undefined) init.body = alreadyRead(req.body);
    else {
      init.body = streamOf(req);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

/** A body express.json() or express.text() read first: as text again. */
function alreadyRead(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return JSON.stringify(body);
}

function streamOf(req: NodeRequest): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream({
    start(controller) {
      req.on('data', (chunk) => {
        if (open)
          controller.enqueue(
            typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk),
          );
      });
      req.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      req.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    // The handler read enough (a body over its limit): the rest drains unread.
    cancel() {
      open = false;
    },
  });
}
