// Compiled by `npm run typecheck`, never run: `emit` takes only the elements' events, each with
// its own detail. Each `@ts-expect-error` fails the type check if the line below it compiles.
import { PaylinkElement } from '../../src/core/paylink-element.js';
import type { OtpSentDetail } from '../../src/core/events.js';
import type { ProcessPaymentBody } from '../../src/checkout/stcpay-client.js';

const sent: OtpSentDetail = {
  paymentSessionId: 'session',
  signature: 'signature',
  signedBase64Data: 'data',
  stcpayMobile: '0501234567',
  stcpayMobileCountryCode: '966',
  orderNumber: '1712345678901',
  total: 5,
};

export class Probe extends PaylinkElement<'probing'> {
  protected handleOtpInput(): void {}
  protected handleResend(): void {}

  emitAll(): void {
    this.emit('otp-sent', sent);
    this.emit('otp-complete', { ...sent, stcpayPaymentOTP: '1234' });
    this.emit('otp-error', { code: 'network', message: 'Offline', retryable: true });

    // @ts-expect-error: otp-complete carries the code as well
    this.emit('otp-complete', sent);
    // @ts-expect-error: otp-sent's total is a number, as Paylink's processPayment takes it
    this.emit('otp-sent', { ...sent, total: '5' });
    // @ts-expect-error: an error detail has a code, a message and retryable
    this.emit('otp-error', { message: 'Offline' });
    // @ts-expect-error: payment-processed carries Paylink's answer, not the request
    this.emit('payment-processed', { ...sent, stcpayPaymentOTP: '1234' });
    // @ts-expect-error: only the elements' own events
    this.emit('otp-sen', sent);
  }
}

// otp-sent's detail is the processPayment body without the code, field for field.
export const spread: ProcessPaymentBody = { ...sent, stcpayPaymentOTP: '1234' };
// @ts-expect-error: and nothing of the body is missing from it
export const incomplete: OtpSentDetail = { ...sent, signature: undefined };

// A host page's listener sees the detail's type.
document.addEventListener('otp-sent', (event) => {
  const total: number = event.detail.total;
  // @ts-expect-error: the code is not in otp-sent
  void event.detail.stcpayPaymentOTP;
  void total;
});
