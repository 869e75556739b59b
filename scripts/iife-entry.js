// The classic-script build's entry: it registers <stcpay-otp> and exports nothing, so the
// script adds no global to the page.
import { StcpayOtp } from '../src/checkout/stcpay-otp.ts';

StcpayOtp.define();
