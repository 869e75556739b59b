/**
 * Registers `<stcpay-otp>` and `<paylink-validate-mobile>`. This is the entry a page loads with
 * `<script type="module" src=".../stcpay-otp.js">`; loading it twice does no harm.
 */
import { PaylinkValidateMobile } from './paylink-validate-mobile.js';
import { StcpayOtp } from './stcpay-otp.js';

StcpayOtp.define();
PaylinkValidateMobile.define();

export * from './index.js';
