import { StcpayOtp } from 'stcpay-otp/react';

interface CheckoutProps {
  /** The invoice your server created with Paylink's addInvoice. */
  transactionNo: string;
  total: number;
  /** Leave it out to talk to Paylink; the demo points it at the local mock. */
  baseUrl?: string;
  onEvent: (type: string, detail: unknown) => void;
  onPaid: () => void;
}

export function Checkout({ transactionNo, total, baseUrl, onEvent, onPaid }: CheckoutProps) {
  return (
    <StcpayOtp
      transactionNo={transactionNo}
      total={total}
      environment="testing"
      baseUrl={baseUrl}
      // Where the element asks whether a payment whose answer was lost went through; your
      // server answers it (stcpay-otp/server's handler has it), here the local mock.
      statusUrl="/payment-status"
      processPayment
      onOtpSent={(event) => onEvent(event.type, event.detail)}
      onOtpError={(event) => onEvent(event.type, event.detail)}
      onOtpComplete={(event) => onEvent(event.type, event.detail)}
      onPaymentUnconfirmed={(event) => onEvent(event.type, event.detail)}
      onPaymentProcessed={(event) => {
        onEvent(event.type, event.detail);
        onPaid(); // Not proof of payment: your server asks Paylink's getInvoice.
      }}
    />
  );
}
