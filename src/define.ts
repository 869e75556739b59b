/**
 * Registers `<stcpay-otp>`, the storefront's element. This is the entry a storefront loads with
 * `<script type="module" src=".../stcpay-otp.js">`; loading it twice does no harm. The partner
 * element has an entry of its own (define-partner), so storefronts never download it.
 */
import { StcpayOtp } from './checkout/stcpay-otp.js';

StcpayOtp.define();

export * from './checkout.js';
