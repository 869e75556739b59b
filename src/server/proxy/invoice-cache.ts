/**
 * The invoices the proxy checks orders against, kept briefly: a customer's sendOtp and
 * processPayment, and their retries, cost one getInvoice between them, and many requests for
 * one order at once wait for the same one. Failures are not kept.
 */
import { PaylinkServerError } from '../errors.js';
import type { Invoice } from '../invoice.js';

const MAX_ENTRIES = 1000;

export interface InvoiceCache {
  /** The invoice, or null when Paylink has none with this transactionNo. */
  get(transactionNo: string): Promise<Invoice | null>;
  /** Forgets the invoice: it has just changed (paid). */
  forget(transactionNo: string): void;
}

export function createInvoiceCache(
  getInvoice: (transactionNo: string) => Promise<Invoice>,
  ttlMs: number,
): InvoiceCache {
  const entries = new Map<string, { at: number; invoice: Promise<Invoice | null> }>();

  return {
    get(transactionNo) {
      const entry = entries.get(transactionNo);
      if (entry && Date.now() - entry.at < ttlMs) return entry.invoice;
      const invoice: Promise<Invoice | null> = getInvoice(transactionNo).catch((error: unknown) => {
        if (error instanceof PaylinkServerError && error.code === 'not-found') return null;
        if (entries.get(transactionNo)?.invoice === invoice) entries.delete(transactionNo);
        throw error;
      });
      entries.delete(transactionNo);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(transactionNo, { at: Date.now(), invoice });
      return invoice;
    },
    forget(transactionNo) {
      entries.delete(transactionNo);
    },
  };
}
