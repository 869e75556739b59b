// The ledger entry's changes, as pure functions (src/server/ledger/entry.ts): sequences that
// are hard to bring about over HTTP, such as an instance that stopped mid-payment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  beginAttempt,
  dropAttempt,
  isOpen,
  isPending,
  unknownSince,
} from '../../dist/lib/server/ledger/entry.js';

const LOCK_MS = 35_000;
const PENDING_MS = 300_000;
const times = { lockMs: LOCK_MS, pendingMs: PENDING_MS };

test("a stopped instance's attempt stays a lost answer when the next attempt is dropped", () => {
  const t0 = 1_000_000;
  // An instance took the lock and stopped: no outcome was ever written.
  const stopped = beginAttempt(undefined, t0, { id: 'a1', ...times }).next;
  assert.equal(unknownSince(stopped, t0 + LOCK_MS), t0 + LOCK_MS);

  // Past its pending window a new attempt may begin; it must ask Paylink afresh first...
  const later = t0 + LOCK_MS + PENDING_MS + 1;
  const begun = beginAttempt(stopped, later, { id: 'a2', ...times });
  assert.deepEqual(begun.result, { ok: true, earlier: true });
  // ...and when that fails (Paylink down), the attempt is dropped unrelayed.
  const dropped = dropAttempt(begun.next, later + 100, { id: 'a2' }).next;

  // The first attempt's outcome is still unknown: reconcile() keeps asking, and the next
  // attempt asks Paylink afresh again.
  assert.equal(unknownSince(dropped, later + 100), t0 + LOCK_MS);
  assert.equal(isOpen(dropped), true);
  assert.equal(isPending(dropped, later + 100, PENDING_MS), false);
  assert.deepEqual(beginAttempt(dropped, later + 200, { id: 'a3', ...times }).result, {
    ok: true,
    earlier: true,
  });
});

test('a first attempt, dropped, leaves the order as it was: nothing unknown, nothing open', () => {
  const t0 = 2_000_000;
  const begun = beginAttempt({ sends: 1, updated: t0 }, t0, { id: 'a1', ...times });
  assert.deepEqual(begun.result, { ok: true, earlier: false });
  const dropped = dropAttempt(begun.next, t0 + 10, { id: 'a1' }).next;
  assert.deepEqual(dropped, { sends: 1, updated: t0 + 10 });
  assert.equal(isOpen(dropped), false);
});
