/**
 * Chaos for <paylink-validate-mobile>: 200 validations in a row against the partner mock's
 * `random` scenario (success, a wrong code, 401, 5xx, unreadable answers, slow, hang, dropped
 * connections, redirects elsewhere, after random short delays), with extra clicks, validate()
 * calls, resets and removals at random moments, and a listener that tries to change every
 * `mobile-validated` detail. After every step it checks what must always hold:
 *
 * - no `mobile-validated` without the whole response, and none Paylink did not answer with success;
 * - no more validate-otp requests on the wire than validations the element accepted (a 401
 *   with getToken may add one retry each, and this page gives no getToken, so none), and no
 *   fewer than it accepted less those interrupted by a removal or reset;
 * - the element is usable again: not busy, the input and button enabled;
 * - nothing sent off the allowed origin: every request went to the base-url, none to where a
 *   redirect pointed;
 * - no listener's change to a detail stuck, in the detail or in what the element shows;
 * - every request in flight when its element was removed or reset ended then and there.
 *
 * One seed drives it all; `CHAOS_SEED=<seed> npm test` replays it (timing aside).
 */
import { expect } from '@open-wc/testing';
import '../src/define-partner.js';
import type { ValidateOtpResponse } from '../src/partner/partner-client.js';
import type { PaylinkValidateMobile } from '../src/partner/paylink-validate-mobile.js';
import { mockPaylink, PARTNER_EXAMPLE_SESSION, partnerToken } from './helpers/mock.js';
import * as chaos from './helpers/chaos.js';
import { part } from './helpers/dom.js';
import { generator } from './helpers/random.js';

const VALIDATIONS = 200;
const TIMEOUT_MS = 800;
/**
 * How soon after a removal or reset the mock must see the request's connection closed: room for
 * a busy test server, well under the time limit (as in chaos.test.ts).
 */
const ABORT_SLACK_MS = 400;
const RESPONSE_FIELDS = [
  'signature',
  'mobile',
  'sessionUuid',
  'licenseNumber',
  'licenseType',
  'licenseName',
] as const;

describe('<paylink-validate-mobile> under chaos', () => {
  it(`survives ${VALIDATIONS} validations against random answers, with extra clicks, resets and removals`, async function () {
    this.timeout(90_000);
    const seed = await chaos.seed('partner chaos');
    const random = generator(seed);
    const mock = mockPaylink(chaos.tenant('partner-chaos', seed));
    const token = await partnerToken();
    const where = (step: number) => `seed ${seed}, step ${step}`;

    const container = document.createElement('div');
    document.body.append(container);
    let accepted = 0;
    const validated: ValidateOtpResponse[] = [];
    const interruptions: { at: number; how: 'removed' | 'reset' }[] = [];
    const tally = { joined: 0, removed: 0, reset: 0, errors: 0 };
    let lastError = '';

    function mount(): PaylinkValidateMobile {
      const el = document.createElement('paylink-validate-mobile');
      Object.assign(el, PARTNER_EXAMPLE_SESSION);
      el.baseUrl = mock.baseUrl('random' as never);
      el.timeout = TIMEOUT_MS;
      el.token = token;
      el.addEventListener('mobile-validated', (event) => {
        validated.push(event.detail);
        // A careless (or hostile) listener: a frozen detail keeps what Paylink said.
        Reflect.set(event.detail, 'licenseName', 'TAMPERED');
        Reflect.set(event.detail.bankNames, 0, 'TAMPERED');
      });
      el.addEventListener('otp-error', (e) => {
        tally.errors++;
        lastError = JSON.stringify(e.detail);
      });
      container.append(el);
      return el;
    }

    function typeCode(el: PaylinkValidateMobile) {
      const otp = part<HTMLInputElement>(el, 'otp');
      otp.value = '7615';
      otp.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }

    const startsNow = (el: PaylinkValidateMobile) => el.state === 'idle' || el.state === 'error';

    function validate(el: PaylinkValidateMobile, step: number, by: 'click' | 'call') {
      // Once validated there is no button to click, and validate() refuses.
      if (el.state === 'validated') {
        if (by === 'call') el.validate().catch(() => {});
        return;
      }
      // reset() clears the code; a customer types it again before trying once more.
      if (startsNow(el) && !part<HTMLInputElement>(el, 'otp').value) typeCode(el);
      const starts = startsNow(el);
      if (by === 'click') part(el, 'submit').click();
      else el.validate().catch(() => {});
      if (starts) accepted++;
      else if (el.state === 'validating') tally.joined++;
      if (starts)
        expect(el.state, `${where(step)}: a validation that should start (${lastError})`).to.equal(
          'validating',
        );
    }

    function interrupt(el: PaylinkValidateMobile, how: 'removed' | 'reset', step: number) {
      const at = chaos.interrupt(el, how, 'validating', where(step));
      if (at !== undefined) interruptions.push({ at, how });
      tally[how]++;
    }

    let el = mount();
    for (let step = 0; step < VALIDATIONS; step++) {
      if (!el.isConnected || el.state === 'validated') el = mount();
      await el.updateComplete;
      typeCode(el);
      validate(el, step, random.chance(0.7) ? 'click' : 'call');

      // While it is in flight: up to three more things, at random moments.
      await chaos.meanwhile(random, el, [
        [35, () => validate(el, step, 'click')],
        [60, () => validate(el, step, 'call')],
        [82, () => interrupt(el, 'removed', step)],
        [100, () => interrupt(el, 'reset', step)],
      ]);

      await chaos.settle(el, ['validating'], TIMEOUT_MS + 1000, where(step));
      await checkInvariants(step);
    }

    async function checkInvariants(step: number) {
      const at = where(step);
      expect(['idle', 'error', 'validated'], `${at}: state`).to.include(el.state);
      if (el.state !== 'validated') {
        expect(part<HTMLInputElement>(el, 'otp').readOnly, `${at}: input usable`).to.equal(false);
        expect(part<HTMLButtonElement>(el, 'submit').disabled, `${at}: button usable`).to.equal(
          false,
        );
      }
      if (el.state === 'validated')
        expect(part(el, 'validated')!.textContent, `${at}: shown`).not.to.contain('TAMPERED');
      for (const detail of validated) {
        expect(JSON.stringify(detail), `${at}: a detail changed`).not.to.contain('TAMPERED');
        for (const field of RESPONSE_FIELDS)
          expect(detail[field], `${at}: mobile-validated ${field}`).to.be.a('string');
        expect(detail.monthlySalesVolumes, `${at}: sales volumes`).to.have.length(4);
      }
      const log = await chaos.closedRequests(mock, at);
      expect(log.length, `${at}: validate-otp requests vs accepted validations`).to.be.at.most(
        accepted,
      );
      expect(
        log.length,
        `${at}: validate-otp requests vs accepted, uninterrupted validations`,
      ).to.be.at.least(accepted - interruptions.length);
      const successes = log.filter(
        (entry) => entry.outcome === 'ok' || entry.outcome === 'slow',
      ).length;
      expect(validated.length, `${at}: mobile-validated events vs success answers`).to.be.at.most(
        successes,
      );
      for (const { at: time, how } of interruptions)
        for (const entry of log) {
          if (entry.receivedAt! > time || entry.closedAt! < time) continue;
          expect(
            entry.closedAt! - time,
            `${at}: ms from ${how} mid-request to the end of a request`,
          ).to.be.at.most(ABORT_SLACK_MS);
        }
    }

    chaos.expectDidTheWork({
      run: `partner chaos seed ${seed}`,
      attempts: 'validations',
      accepted,
      successEvent: 'mobile-validated',
      successes: validated.length,
      interruptions,
      tally,
      log: await mock.requests(),
      outcomes: ['ok', 'hang', 'reset', 'unauthorized', 'wrong-code', 'redirect'],
    });
    container.remove();
  });
});
