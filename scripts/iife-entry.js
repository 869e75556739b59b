// The classic-script build's entry: it registers <stcpay-otp> and exports nothing, so the
// script adds no global of its own to the page (only the four every copy of Lit 3 adds).
import { StcpayOtp } from '../src/checkout/stcpay-otp.ts';

StcpayOtp.define();
