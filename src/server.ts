/**
 * `stcpay-otp/server`: the merchant's and the partner's server half, for Node 20+, Deno, Bun,
 * Cloudflare Workers and Next.js route handlers. No DOM and no Lit: nothing here reaches a
 * browser build. See docs/server.md.
 */
export { createPaylink } from './server/paylink.js';
export type {
  Paylink,
  PaylinkOptions,
  PaylinkRateLimits,
  RequestOptions,
} from './server/paylink.js';
export { createPaylinkPartner } from './server/partner.js';
export type {
  AddInfoInput,
  CheckLicenseInput,
  CheckLicenseResponse,
  ConfirmAccountResponse,
  PaylinkPartner,
  PaylinkPartnerOptions,
  PaylinkPartnerRateLimits,
  RegistrationSession,
  RetryOtpInput,
  SalesVolume,
  ValidateOtpInput,
  ValidateOtpResponse,
  WaitOptions,
} from './server/partner.js';
export { toNodeHandler } from './server/node.js';
export type { NodeHandler, NodeRequest, NodeResponse } from './server/node.js';
export { PaylinkServerError } from './server/errors.js';
export type { PaylinkServerErrorCode } from './server/errors.js';
export type { Environment, ServerOptions } from './server/config.js';
export type { Fetch } from './server/http.js';
export type { AddInvoiceInput, Invoice, InvoiceProduct, PaymentVerdict } from './server/invoice.js';
export type { Handler, HandlerContext } from './server/proxy/handler.js';
export type { OnPaid, PaidOrder, PaidSource, PaymentState } from './server/ledger/payments.js';
export type { WebhookAuth } from './server/proxy/webhook.js';
export type { Limit } from './server/rate-limit.js';
