/**
 * Registers `<stcpay-otp>`. This is the entry a storefront loads with
 * `<script type="module" src=".../stcpay-otp.js">`; loading it twice does no harm.
 */
import { StcpayOtp } from './stcpay-otp.js';

StcpayOtp.define();

export * from './index.js';
