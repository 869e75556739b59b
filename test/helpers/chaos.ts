/**
 * What the chaos runs (test/chaos.test.ts, test/chaos-partner.test.ts) share: the seed, the
 * extra things done while a request is in flight, waiting for an element to settle, the mock's
 * log once every request in it is over, and the closing checks that a run really did the work
 * it is about. Written for `import * as chaos`: `chaos.seed(…)`, `chaos.settle(…)`.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { engine } from '../engine.js';
import { mockPaylink, pause, until, type RecordedRequest } from './mock.js';
import type { generator } from './random.js';

/**
 * The mock's tenant of a run, one per engine: a replay (one seed for the three engines) must
 * not find the engine before's requests, answers or paid orders there.
 */
export const tenant = (name: string, seed: number) => `${name}-${engine}-${seed}`;

/**
 * The run's `n`th transaction number from `base`, its own in each engine for the same reason.
 */
export const transactionNo = (base: number, seed: number, n: number) =>
  `${base + (seed * 3 + ['chromium', 'firefox', 'webkit'].indexOf(engine)) * 1000 + n}`;

/**
 * The seed of a chaos run: CHAOS_SEED's when the run is a replay, else a fresh one. Printed at
 * once, with how to replay it.
 */
export async function seed(name: string): Promise<number> {
  const { seed: given } = (await executeServerCommand('chaos-seed')) as { seed: string | null };
  const seed = given ? Number(given) : crypto.getRandomValues(new Uint32Array(1))[0];
  console.log(`${name} seed ${seed} (replay: CHAOS_SEED=${seed} npm test)`);
  return seed;
}

/**
 * While an attempt is in flight: up to three more things, at random moments (0 to 40 ms apart),
 * as long as `el` is in the page. A roll of 1 to 100 picks each: the first of `actions` whose
 * bound the roll does not pass.
 */
export async function meanwhile(
  random: ReturnType<typeof generator>,
  el: Element,
  actions: readonly (readonly [upTo: number, act: () => unknown])[],
): Promise<void> {
  for (let extra = random.int(0, 3); extra > 0 && el.isConnected; extra--) {
    await pause(random.int(0, 40));
    const roll = random.int(1, 100);
    await actions.find(([upTo]) => roll <= upTo)![1]();
  }
}

/**
 * Removes or resets `el`, as a page may at any moment, and checks it is no longer `busy` right
 * after. Returns when it happened (just before) if `el` was `busy` then, with a request in flight.
 */
export function interrupt(
  el: { state: string; remove(): void; reset(): void },
  how: 'removed' | 'reset',
  busy: string,
  at: string,
): number | undefined {
  const inFlight = el.state === busy ? Date.now() : undefined;
  if (how === 'removed') el.remove();
  else el.reset();
  expect(el.state, `${at}: right after ${how}`).not.to.equal(busy);
  return inFlight;
}

/**
 * Waits until `el` has left the `busy` states, and for its render then. Fails, naming `at`, if it
 * is still busy `ms` later.
 */
export async function settle(
  el: { state: string; updateComplete: Promise<unknown> },
  busy: readonly string[],
  ms: number,
  at: string,
): Promise<void> {
  await until(() => !busy.includes(el.state), ms).catch(() => {
    throw new Error(`${at}: still ${el.state} ${ms} ms later`);
  });
  await el.updateComplete;
}

/**
 * The mock's log under its `random` scenario once no request in it is left open (each was
 * answered, or dropped by one side; only the scenario's sendOtp requests are timed, others have
 * no `closedAt`), and after checking that none went anywhere but the base-url: a redirect is
 * never followed. Fails, naming `at`, if requests stay open 2 s.
 */
export async function closedRequests(
  mock: ReturnType<typeof mockPaylink>,
  at: string,
): Promise<RecordedRequest[]> {
  let log: RecordedRequest[] = [];
  await until(async () => {
    log = await mock.requests();
    return log.every((entry) => entry.closedAt !== null);
  }, 2000).catch(() => {
    const open = log.filter((entry) => entry.closedAt === null);
    throw new Error(`${at}: requests left open: ${JSON.stringify(open)}`);
  });
  const allowed = `${new URL(mock.baseUrl('random')).pathname}/`;
  const elsewhere = log.filter((entry) => !entry.path.startsWith(allowed));
  expect(elsewhere, `${at}: requests off the base-url`).to.deep.equal([]);
  return log;
}

/** The tallies of a run of many attempts (sends, validations) against random answers. */
export interface Tallies {
  /** Names the run in its closing log line, e.g. `chaos seed 42`. */
  run: string;
  /** What the element was asked to do, plural: `sends`, `validations`. */
  attempts: string;
  /** Attempts the element accepted (started). */
  accepted: number;
  /** The event of a success, and how often it came. */
  successEvent: string;
  successes: number;
  /** Elements removed or reset with a request in flight. */
  interruptions: readonly { how: 'removed' | 'reset' }[];
  /** joined: extra clicks or calls that joined an attempt in flight; errors: otp-error events. */
  tally: { joined: number; errors: number };
  /** The mock's log of the whole run. */
  log: readonly { outcome?: string }[];
  /** Outcomes the mock must have drawn at least once each. */
  outcomes: readonly string[];
}

/**
 * Prints what a run did, then checks it was chaotic enough to mean something: some attempts
 * succeeded, some elements were removed and some reset mid-request,
 * some extra clicks or calls joined one in flight, and the mock drew each of `outcomes`.
 */
export function expectDidTheWork(run: Tallies): void {
  const outcomes: Record<string, number> = {};
  for (const entry of run.log) outcomes[entry.outcome!] = (outcomes[entry.outcome!] ?? 0) + 1;
  console.log(
    `${run.run}: ${run.accepted} ${run.attempts} accepted, ${run.log.length} requests, ` +
      `${run.successes} ${run.successEvent}, ${run.tally.errors} otp-error, ` +
      `${run.interruptions.length} interrupted mid-request; ` +
      `${JSON.stringify(run.tally)}; outcomes ${JSON.stringify(outcomes)}`,
  );
  expect(run.successes, `some ${run.attempts} succeeded`).to.be.above(0);
  expect(
    run.interruptions.some((i) => i.how === 'removed'),
    'some elements were removed mid-request',
  ).to.equal(true);
  expect(
    run.interruptions.some((i) => i.how === 'reset'),
    `some ${run.attempts} were reset mid-request`,
  ).to.equal(true);
  expect(run.tally.joined, 'some extra clicks or calls joined one in flight').to.be.above(0);
  expect(Object.keys(outcomes)).to.include.members(run.outcomes);
}
