/**
 * Paylink's payment webhook, read: Paylink signs nothing, so the only proof that a call comes
 * from it is the header the merchant typed into Paylink's portal, compared in constant time
 * before anything else is read. Of the body (v1 `{amount, merchantEmail, transactionNo,
 * merchantOrderNumber, orderStatus}`, v2 with more), only `transactionNo` is taken, and only as
 * the order to ask getInvoice about: the rest is never trusted.
 */
import { TRANSACTION_NO } from '../checks.js';
import { asObject } from '../http.js';
import { invalidField, methodNotAllowed, problem, readJson } from './respond.js';

/** The header name and value set in Paylink's portal for the webhook. */
export interface WebhookAuth {
  header: string;
  value: string;
}

/**
 * The largest webhook body read, whatever `maxBodyBytes` says for the shoppers' requests: a
 * version 2 body has fields we have no list of, and it is read only once its header matched.
 */
export const WEBHOOK_MAX_BYTES = 65_536;

export type WebhookRequest =
  { ok: true; transactionNo: string } | { ok: false; response: Response };

export async function readWebhook(
  request: Request,
  auth: WebhookAuth,
  maxBytes: number,
  timeout: number,
): Promise<WebhookRequest> {
  if (request.method !== 'POST') return { ok: false, response: methodNotAllowed('POST') };
  const given = request.headers.get(auth.header) ?? '';
  if (!(await sameText(given, auth.value)))
    return { ok: false, response: problem(401, 'Unauthorized') };
  const body = await readJson(request, Math.max(maxBytes, WEBHOOK_MAX_BYTES), timeout);
  if (!body.ok) return body;
  const raw = asObject(body.value)?.transactionNo;
  const transactionNo = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof transactionNo !== 'string' || !TRANSACTION_NO.test(transactionNo))
    return { ok: false, response: invalidField('transactionNo') };
  return { ok: true, transactionNo };
}

/**
 * Whether two texts are equal, in a time that does not depend on where they differ: both are
 * hashed (SHA-256, Web Crypto, on every runtime the kit runs on) and the digests compared whole.
 */
export async function sameText(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [x, y] = await Promise.all(
    [a, b].map(
      async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))),
    ),
  );
  let difference = 0;
  for (let i = 0; i < x!.length; i++) difference |= x![i]! ^ y![i]!;
  return difference === 0;
}
