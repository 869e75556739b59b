/**
 * Types for `<stcpay-otp>` and `<paylink-validate-mobile>` in Vue templates: their properties as
 * props and their events (`@otp-sent`, `@otp-error`, `@otp-complete`, `@payment-processed`,
 * `@payment-unconfirmed`, `@mobile-validated`), checked by vue-tsc.
 * Types only; load them once, e.g. in `env.d.ts`: `/// <reference types="stcpay-otp/vue" />`.
 * Tell Vue's compiler the tag is a custom element (`isCustomElement`), and register it with
 * `import 'stcpay-otp/define'`.
 */
import type { DefineComponent } from 'vue';
import type {
  MobileValidatedEvent,
  OtpCompleteEvent,
  OtpErrorEvent,
  OtpSentEvent,
  PaymentProcessedEvent,
  PaymentUnconfirmedEvent,
} from './core/events.js';
import type { PaylinkValidateMobile } from './partner/paylink-validate-mobile.js';
import type { StcpayOtp } from './checkout/stcpay-otp.js';
import type { OwnPropertyKeys } from './core/own-properties.js';

/** What `<stcpay-otp>` takes in a Vue template, as props (`transaction-no` is `transactionNo`). */
export type StcpayOtpVueProps = Partial<Pick<StcpayOtp, OwnPropertyKeys<StcpayOtp>>> & {
  verifyPayment?: StcpayOtp['verifyPayment'];
  onPaymentUnconfirmed?: (event: PaymentUnconfirmedEvent) => void;
  onOtpSent?: (event: OtpSentEvent) => void;
  onOtpError?: (event: OtpErrorEvent) => void;
  onOtpComplete?: (event: OtpCompleteEvent) => void;
  onPaymentProcessed?: (event: PaymentProcessedEvent) => void;
};

/**
 * What `<paylink-validate-mobile>` takes in a Vue template. Best, give it `base-url` and let the
 * partner's own server add the token; else bind the token as a property, `:token.prop="t"`
 * (`:get-token.prop` likewise). A plain `:token` may become an attribute (server-side rendering,
 * or the element defined after mount), where the HTML carries it: the element then removes it
 * unused and warns.
 */
export type PaylinkValidateMobileVueProps = Partial<
  Pick<PaylinkValidateMobile, OwnPropertyKeys<PaylinkValidateMobile>>
> & {
  getToken?: PaylinkValidateMobile['getToken'];
  onMobileValidated?: (event: MobileValidatedEvent) => void;
  onOtpError?: (event: OtpErrorEvent) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'stcpay-otp': DefineComponent<StcpayOtpVueProps>;
    'paylink-validate-mobile': DefineComponent<PaylinkValidateMobileVueProps>;
  }
}
