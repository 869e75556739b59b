/**
 * `<StcpayOtp>` for React, made with `@lit/react`: props become the element's properties, and
 * `onOtpSent`, `onOtpError`, `onOtpComplete` and `onPaymentProcessed` listen to its events.
 * Importing this module registers `<stcpay-otp>`, as `stcpay-otp/define` does.
 */
import { createComponent, type EventName } from '@lit/react';
import React, { type ComponentProps } from 'react';
import type {
  OtpCompleteEvent,
  OtpErrorEvent,
  OtpSentEvent,
  PaymentProcessedEvent,
} from './events.js';
import { StcpayOtp as StcpayOtpElement } from './stcpay-otp.js';

StcpayOtpElement.define();

export const StcpayOtp = createComponent({
  react: React,
  tagName: 'stcpay-otp',
  elementClass: StcpayOtpElement,
  events: {
    onOtpSent: 'otp-sent' as EventName<OtpSentEvent>,
    onOtpError: 'otp-error' as EventName<OtpErrorEvent>,
    onOtpComplete: 'otp-complete' as EventName<OtpCompleteEvent>,
    onPaymentProcessed: 'payment-processed' as EventName<PaymentProcessedEvent>,
  },
  displayName: 'StcpayOtp',
});

/** Everything `<StcpayOtp>` takes: the element's properties, its event handlers, `ref`, `className`... */
export type StcpayOtpProps = ComponentProps<typeof StcpayOtp>;

export type {
  OtpCompleteDetail,
  OtpCompleteEvent,
  OtpErrorDetail,
  OtpErrorEvent,
  OtpSentDetail,
  OtpSentEvent,
  PaymentProcessedDetail,
  PaymentProcessedEvent,
} from './events.js';
export type { StcpayOtpState } from './stcpay-otp.js';
