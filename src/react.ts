/**
 * `<StcpayOtp>` for React, made with `@lit/react`: props become the element's properties, and
 * `onOtpSent`, `onOtpError`, `onOtpComplete` and `onPaymentProcessed` listen to its events.
 * Importing this module registers `<stcpay-otp>`, as `stcpay-otp/define` does.
 */
import { createComponent } from '@lit/react';
import React, { type ForwardRefExoticComponent } from 'react';
import { eventProps } from './core/react-events.js';
import type { ElementProps } from './core/react-props.js';
import { StcpayOtp as StcpayOtpElement } from './checkout/stcpay-otp.js';

StcpayOtpElement.define();

const Component = createComponent({
  react: React,
  tagName: 'stcpay-otp',
  elementClass: StcpayOtpElement,
  events: eventProps({
    onOtpSent: 'otp-sent',
    onOtpError: 'otp-error',
    onOtpComplete: 'otp-complete',
    onPaymentProcessed: 'payment-processed',
  }),
  displayName: 'StcpayOtp',
});

/**
 * Everything `<StcpayOtp>` takes: the element's properties, its event handlers, `ref`,
 * `className`... Not `state`, which is read-only, nor the methods: call those through `ref`.
 */
export type StcpayOtpProps = ElementProps<typeof Component, 'send' | 'confirm' | 'reset'>;

export const StcpayOtp = Component as ForwardRefExoticComponent<StcpayOtpProps>;

export type {
  OtpCompleteDetail,
  OtpCompleteEvent,
  OtpErrorDetail,
  OtpErrorEvent,
  OtpSentDetail,
  OtpSentEvent,
  PaymentProcessedDetail,
  PaymentProcessedEvent,
} from './core/events.js';
export type { StcpayOtpState } from './checkout/stcpay-otp.js';
