/**
 * Types for `<stcpay-otp>` and `<paylink-validate-mobile>` in Svelte 5 markup, checked by
 * svelte-check: their properties (`total={10}`, `processPayment={flag}`), their attributes
 * (`transaction-no="…"`, `process-payment`) and their events, both as `onotp-sent={…}` and as
 * `on:otp-sent={…}`, each handler typed with its event's `detail`.
 * Types only; load them once, e.g. in `src/app.d.ts`: `import type {} from 'stcpay-otp/svelte';`.
 * Register the tags before the component mounts (`import 'stcpay-otp/define'` for
 * `<stcpay-otp>`, `import 'stcpay-otp/define-partner'` for `<paylink-validate-mobile>`): Svelte
 * then sets what the element has as a property, and the rest as attributes.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { PaylinkEventMap } from './core/events.js';
import type { OwnPropertyKeys } from './core/own-properties.js';
import type { PaylinkValidateMobile } from './partner/paylink-validate-mobile.js';
import type { StcpayOtp } from './checkout/stcpay-otp.js';

/** `transactionNo` as its attribute is named, `transaction-no`. */
type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;

/**
 * What Svelte may give an attribute: it sets it as text. A boolean attribute is on when present,
 * whatever its text (`process-payment={false}` would turn it on), so it takes only `true`, as
 * written bare; a value that changes goes to the property (`processPayment={flag}`).
 */
type AttributeValue<V> = [Exclude<V, undefined>] extends [boolean]
  ? true | null | undefined
  : [Exclude<V, undefined>] extends [number]
    ? number | `${number}` | null | undefined
    : V | null;

/** An element's settable properties by name, and by attribute name where that differs. */
type Settable<E, AttributeKeys extends keyof E & string> = Partial<Pick<E, OwnPropertyKeys<E>>> & {
  [K in AttributeKeys as Kebab<K> extends K ? never : Kebab<K>]?: AttributeValue<E[K]>;
};

/** A handler for each event, as `onotp-sent` and as `on:otp-sent`. */
type Handlers<E extends EventTarget, Types extends keyof PaylinkEventMap> = {
  [T in Types as `on${T}` | `on:${T}`]?: (
    event: PaylinkEventMap[T] & { currentTarget: EventTarget & E },
  ) => void;
};

/** Svelte's attributes of any element, without the names the element gives its own types. */
type Element<E extends EventTarget, Own> = Omit<HTMLAttributes<E>, keyof Own> & Own;

/** What `<stcpay-otp>` takes in Svelte markup. */
export type StcpayOtpSvelteAttributes = Element<
  StcpayOtp,
  Settable<StcpayOtp, Exclude<OwnPropertyKeys<StcpayOtp>, 'messages' | 'verifyPayment'>> & {
    verifyPayment?: StcpayOtp['verifyPayment'];
  } & Handlers<
      StcpayOtp,
      'otp-sent' | 'otp-error' | 'otp-complete' | 'payment-processed' | 'payment-unconfirmed'
    >
>;

/**
 * What `<paylink-validate-mobile>` takes in Svelte markup. Best, give it `base-url` and let the
 * partner's own server add the token; a token in the page goes to the property,
 * `token={token}` with the tag registered, never an attribute.
 */
export type PaylinkValidateMobileSvelteAttributes = Element<
  PaylinkValidateMobile,
  Settable<
    PaylinkValidateMobile,
    Exclude<OwnPropertyKeys<PaylinkValidateMobile>, 'messages' | 'token' | 'getToken'>
  > & {
    getToken?: PaylinkValidateMobile['getToken'];
  } & Handlers<PaylinkValidateMobile, 'mobile-validated' | 'otp-error'>
>;

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'stcpay-otp': StcpayOtpSvelteAttributes;
    'paylink-validate-mobile': PaylinkValidateMobileSvelteAttributes;
  }
}
