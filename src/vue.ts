/**
 * Types for `<stcpay-otp>` in Vue templates: its properties as props and its events as
 * `@otp-sent`, `@otp-error`, `@otp-complete` and `@payment-processed`, checked by vue-tsc.
 * Types only; load them once, e.g. in `env.d.ts`: `/// <reference types="stcpay-otp/vue" />`.
 * Tell Vue's compiler the tag is a custom element (`isCustomElement`), and register it with
 * `import 'stcpay-otp/define'`.
 */
import type { LitElement } from 'lit';
import type { DefineComponent } from 'vue';
import type {
  OtpCompleteEvent,
  OtpErrorEvent,
  OtpSentEvent,
  PaymentProcessedEvent,
} from './events.js';
import type { StcpayOtp } from './stcpay-otp.js';

/** The keys of `T` whose properties can be assigned. */
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K>;
}[keyof T];
type IfEquals<X, Y, A> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : never;

/** The element's own settable properties, without methods or what every Lit element has. */
type OwnPropertyKeys = {
  [K in WritableKeys<StcpayOtp>]: K extends keyof LitElement
    ? never
    : StcpayOtp[K] extends (...args: never[]) => unknown
      ? never
      : K;
}[WritableKeys<StcpayOtp>];

/** What `<stcpay-otp>` takes in a Vue template, as props (`transaction-no` is `transactionNo`). */
export type StcpayOtpVueProps = Partial<Pick<StcpayOtp, OwnPropertyKeys>> & {
  onOtpSent?: (event: OtpSentEvent) => void;
  onOtpError?: (event: OtpErrorEvent) => void;
  onOtpComplete?: (event: OtpCompleteEvent) => void;
  onPaymentProcessed?: (event: PaymentProcessedEvent) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'stcpay-otp': DefineComponent<StcpayOtpVueProps>;
  }
}
