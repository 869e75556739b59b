/**
 * Paylink's API as it documents it: the hosts of each environment, the paths, and the request
 * bodies, field for field. Plain data and types, no DOM and no I/O, so the browser clients and
 * the server kit describe the same API from one place.
 */

export type Environment = 'production' | 'testing';

/** Paylink's STC Pay hosts (sendOtp, processPayment). */
export const STCPAY_ORIGINS: Readonly<Record<Environment, string>> = {
  production: 'https://order.paylink.sa',
  testing: 'https://orderpilot.paylink.sa',
};

/** Paylink's REST hosts: auth, invoices, the partner API. */
export const REST_ORIGINS: Readonly<Record<Environment, string>> = {
  production: 'https://restapi.paylink.sa',
  testing: 'https://restpilot.paylink.sa',
};

export const SEND_OTP_PATH = '/rest/pay/stcpay/sendOtp';
export const PROCESS_PAYMENT_PATH = '/rest/pay/stcpay/processPayment';
export const VALIDATE_OTP_PATH = '/api/partner/register/validate-otp';
export const RETRY_OTP_PATH = '/api/partner/register/retry-otp';

/** The sendOtp request body. */
export interface SendOtpBody {
  stcpayMobile: string;
  stcpayMobileCountryCode: string;
  orderNumber: string;
  total: number;
}

/** The processPayment request body: sendOtp's fields, the code, and the session as issued. */
export interface ProcessPaymentBody extends SendOtpBody {
  stcpayPaymentOTP: string;
  paymentSessionId: string;
  signature: string;
  signedBase64Data: string;
}

/** The partner's validate-otp request body. */
export interface ValidateOtpBody {
  signature: string;
  sessionUuid: string;
  mobile: string;
  otp: string;
  partnerProfileNo: string;
}

/** The partner's retry-otp request body: a new code for the session. */
export interface RetryOtpBody {
  sessionUuid: string;
  mobileNumber: string;
  partnerProfileNo: string;
}

/** One of the monthly sales volumes a merchant can choose from in step 3. */
export interface SalesVolume {
  salesVolumeValue: string;
  salesVolumeName: string;
  salesVolumeNameAr: string;
}

/** The validate-otp success body: what the partner's next step (add-info) needs. */
export interface ValidateOtpResponse {
  signature: string;
  mobile: string;
  sessionUuid: string;
  licenseNumber: string;
  licenseType: string;
  licenseName: string;
  nationalIds: string[];
  bankNames: string[];
  monthlySalesVolumes: SalesVolume[];
}

/** The sendOtp success body. `stcMobile` is documented but not needed later, so optional. */
export interface SendOtpResponse {
  stcMobile?: string;
  paymentSessionId: string;
  signature: string;
  stcpayMobile: string;
  signedBase64Data: string;
}

/**
 * The processPayment success body. The browser's word only: the server confirms with
 * getInvoice.
 */
export interface ProcessPaymentResponse {
  orderNumber: string;
  orderAmount: number;
  msg: string;
}

/**
 * What retry-otp answered that the session goes on with. Paylink documents no success body, so
 * every field is optional: each one present (a non-empty string) replaces the session's own.
 */
export interface RetryOtpResponse {
  signature?: string;
  sessionUuid?: string;
  mobile?: string;
}
