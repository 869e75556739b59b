/**
 * Acts on an element as a person does and reads what they see, in the spirit of Material Web's
 * harness.ts: type into the mobile or code input key by key, click a button, wait for the
 * event that settles it, read the visible error, status and state. Works on <stcpay-otp> and
 * <paylink-validate-mobile>, from src/ or from a built script (it imports no src/ code).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OtpErrorDetail, PaylinkEventMap } from '../../src/core/events.js';
import { part, text } from './dom.js';

export { hasPart, loadScript, part, text, watchPageErrors } from './dom.js';

/** The events that settle a click, besides `otp-error`. */
type Success = Exclude<keyof PaylinkEventMap, 'otp-error'>;

/** How a click settled: the success event's detail, or the `otp-error` detail. */
export interface Settled<K extends Success> {
  ok?: PaylinkEventMap[K]['detail'];
  error?: OtpErrorDetail;
}

/** Focuses the input with part `field` and types `keys` into it, key by key. */
export async function typeInto(el: Element, field: 'mobile' | 'otp', keys: string): Promise<void> {
  part(el, field).focus();
  await sendKeys({ type: keys });
}

/** Clicks the button with part `button` and waits for `success` or `otp-error`, whichever comes. */
export function clickAndSettle<K extends Success>(
  el: Element,
  button: string,
  success: K,
): Promise<Settled<K>> {
  const outcome = Promise.race([
    oneEvent(el, success).then((e) => ({ ok: (e as CustomEvent).detail }) as Settled<K>),
    oneEvent(el, 'otp-error').then((e) => ({ error: (e as CustomEvent<OtpErrorDetail>).detail })),
  ]);
  part(el, button).click();
  return outcome;
}

/**
 * Checks a refusal of what was typed in `field`, before anything is sent: `error` (the
 * `otp-error` detail) is a validation error saying `message`, the element shows `message`, and
 * the field is marked invalid and has the focus, for the shopper to correct it.
 */
export function expectInputRefused(
  el: Element,
  field: 'mobile' | 'otp',
  error: OtpErrorDetail | undefined,
  message: string,
): void {
  expect(error).to.deep.equal({ code: 'validation', field, message, retryable: false });
  expect(text(el, 'error')).to.equal(message);
  expect(part(el, field).getAttribute('aria-invalid')).to.equal('true');
  expect(el.shadowRoot!.activeElement).to.equal(part(el, field));
}

/** The error the element shows, as it reads ('' when none). */
export const visibleError = (el: Element): string => text(el, 'error');

/** The status line the element shows, as it reads. */
export const visibleStatus = (el: Element): string => text(el, 'status');

/** The element's state, as its `state` attribute reflects it. */
export const stateOf = (el: Element): string | null => el.getAttribute('state');

/**
 * A checkout with the sendOtp page's example order and a Saudi number typed in, talking to
 * `baseUrl`: one click on send from a request. Needs <stcpay-otp> defined, from src/ or a build.
 */
export function checkoutWithNumber(baseUrl: string): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`
    <stcpay-otp
      transaction-no="1679123751896"
      total="10"
      mobile="0551234567"
      base-url=${baseUrl}
    ></stcpay-otp>
  `);
}

/**
 * A checkout of 10 for a Saudi number, on a transaction of its own (the mock remembers paid
 * orders across tests and engines), talking to `baseUrl`, in `lang`. `processPayment` adds the
 * code step; `timeout` sets the element's time limit (left to its default when not given).
 * Needs <stcpay-otp> defined, from src/ or a build.
 */
export function freshCheckout<T extends HTMLElement = HTMLElement>(
  baseUrl: string,
  {
    lang = 'en',
    processPayment = false,
    timeout,
  }: { lang?: 'en' | 'ar'; processPayment?: boolean; timeout?: number } = {},
): Promise<T> {
  const el: HTMLElement = document.createElement('stcpay-otp');
  el.setAttribute('lang', lang);
  el.setAttribute('transaction-no', `T${crypto.randomUUID().slice(0, 8)}`);
  el.setAttribute('total', '10');
  el.setAttribute('mobile', '0551234567');
  if (processPayment) el.setAttribute('process-payment', '');
  if (timeout !== undefined) el.setAttribute('timeout', String(timeout));
  el.setAttribute('base-url', baseUrl);
  return fixture<T>(el as T);
}

/** What step 1 of a partner's registration (check-license) gives the page. */
export interface PartnerSession {
  signature: string;
  sessionUuid: string;
  mobile: string;
}

/**
 * <paylink-validate-mobile> as a partner page sets it up from step 1's `session` for the
 * partner `partnerProfileNo`, with any more `attributes` (base-url, lang…). Needs the element
 * defined, from src/ or a build.
 */
export function validateMobileFor<T extends HTMLElement = HTMLElement>(
  session: PartnerSession,
  partnerProfileNo: string,
  attributes: Record<string, string> = {},
): Promise<T> {
  const el: HTMLElement = document.createElement('paylink-validate-mobile');
  el.setAttribute('signature', session.signature);
  el.setAttribute('session-uuid', session.sessionUuid);
  el.setAttribute('mobile', session.mobile);
  el.setAttribute('partner-profile-no', partnerProfileNo);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return fixture<T>(el as T);
}
