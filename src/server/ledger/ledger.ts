/**
 * The ledger: each order's entry, changed only through the pure changes of entry.ts, each one
 * read, decided and written back atomically (tried again when another instance wrote first).
 * Every call to the store has a short time limit: a Redis that does not answer is an unavailable
 * ledger, never a wait (node-redis queues commands while it is disconnected).
 */
import { PaylinkServerError } from '../errors.js';
import type { Change, LedgerEntry } from './entry.js';
import { isOpen, keepFor } from './entry.js';
import type { LedgerStore } from './store.js';
/** How many times a change is tried when other writers keep coming first. */
const MAX_TRIES = 50;

export interface Ledger {
  get(transactionNo: string): Promise<LedgerEntry | undefined>;
  /** Applies `change` to the order's entry atomically; resolves with what it says. */
  update<R>(
    transactionNo: string,
    change: (entry: LedgerEntry | undefined, now: number) => Change<R>,
  ): Promise<R>;
  /** Up to `limit` orders reconcile() has work on. */
  openOrders(limit: number): Promise<string[]>;
}

/** The error for a store that did not answer in time, or failed. */
export function unavailable(): PaylinkServerError {
  return new PaylinkServerError({
    code: 'store',
    message: 'The payment ledger could not be reached',
  });
}

export function createLedger(store: LedgerStore, storeTimeout: number): Ledger {
  /** The store's answer within `storeTimeout` ms, or the `store` error. */
  async function timed<T>(call: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        call(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(unavailable()), storeTimeout);
        }),
      ]);
    } catch (error) {
      if (error instanceof PaylinkServerError && error.code === 'store') throw error;
      throw unavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  const parse = (raw: string | null): LedgerEntry | undefined => {
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as LedgerEntry;
    } catch {
      return undefined;
    }
  };

  return {
    async get(transactionNo) {
      return parse(await timed(() => store.read(transactionNo)));
    },
    async update(transactionNo, change) {
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        const raw = await timed(() => store.read(transactionNo));
        const { next, result } = change(parse(raw), Date.now());
        if (!next) return result;
        const written = await timed(() =>
          store.swap(transactionNo, raw, JSON.stringify(next), isOpen(next), keepFor(next)),
        );
        if (written) return result;
      }
      throw unavailable();
    },
    openOrders(limit) {
      return timed(() => store.openOrders(limit));
    },
  };
}
