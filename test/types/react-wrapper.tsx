// Type tests for `stcpay-otp/react`: tsc (npm test, with demo/react's config) fails when a line
// marked @ts-expect-error type-checks, or an unmarked one does not.
import { useRef } from 'react';
import type {
  OtpErrorDetail,
  OtpSentDetail,
  PaymentProcessedDetail,
  StcpayOtp as StcpayOtpElement,
} from 'stcpay-otp';
import { StcpayOtp, type StcpayOtpProps } from 'stcpay-otp/react';
import { PaylinkValidateMobile, type PaylinkValidateMobileProps } from 'stcpay-otp/react/partner';

const sent: OtpSentDetail[] = [];
const errors: OtpErrorDetail[] = [];
const payments: PaymentProcessedDetail[] = [];

export function Valid() {
  const ref = useRef<StcpayOtpElement>(null);
  return (
    <StcpayOtp
      ref={ref}
      className="checkout"
      transactionNo="1679123751896"
      total={10}
      environment="testing"
      baseUrl="/mock/demo/ok"
      processPayment
      otpLength={5}
      onOtpSent={(event) => sent.push(event.detail)}
      onOtpError={(event) => errors.push(event.detail)}
      onOtpComplete={(event) => event.detail.stcpayPaymentOTP.length}
      onPaymentProcessed={(event) => payments.push(event.detail)}
    />
  );
}

export const props: StcpayOtpProps = {
  transactionNo: '1',
  total: 10,
  onOtpSent: (event) => event.detail.signature,
};

export function Invalid() {
  return (
    <>
      {/* @ts-expect-error total is a number */}
      <StcpayOtp transactionNo="1" total="ten" />
      {/* @ts-expect-error environment is production or testing */}
      <StcpayOtp transactionNo="1" total={10} environment="staging" />
      {/* @ts-expect-error no such property */}
      <StcpayOtp transactionNumber="1" total={10} />
      {/* @ts-expect-error otp-sent's detail is not an error detail */}
      <StcpayOtp transactionNo="1" total={10} onOtpSent={(event) => errors.push(event.detail)} />
      <StcpayOtp
        transactionNo="1"
        total={10}
        // @ts-expect-error payment-processed's detail has no signature
        onPaymentProcessed={(event) => event.detail.signature}
      />
      {/* @ts-expect-error state is read-only: setting it would throw */}
      <StcpayOtp transactionNo="1" total={10} state="idle" />
      {/* @ts-expect-error a method is called through ref, not replaced */}
      <StcpayOtp transactionNo="1" total={10} send={() => Promise.reject(new Error('no'))} />
      {/* @ts-expect-error Lit's own members are not props */}
      <StcpayOtp transactionNo="1" total={10} updateComplete={Promise.resolve(true)} />
    </>
  );
}

export function Partner() {
  return (
    <>
      <PaylinkValidateMobile
        signature="ae135f2506dc3c********"
        sessionUuid="96ea8e22-edef-414b-9724-3bd2d494b710"
        mobile="0599925477"
        partnerProfileNo="19039481"
        baseUrl="/partner-api"
        getToken={() => Promise.resolve('token')}
        onMobileValidated={(event) => event.detail.licenseName}
        onOtpError={(event) => errors.push(event.detail)}
      />
      {/* @ts-expect-error state is read-only: setting it would throw */}
      <PaylinkValidateMobile state="validated" />
      {/* @ts-expect-error a method is called through ref, not replaced */}
      <PaylinkValidateMobile validate={() => Promise.reject(new Error('no'))} />
      {/* @ts-expect-error resend is a method too */}
      <PaylinkValidateMobile resend={() => Promise.resolve()} />
    </>
  );
}

export const partnerProps: PaylinkValidateMobileProps = { token: 'token', otpLength: 4 };
