import type { Messages } from '../i18n/messages.js';
import { formatNational, maskNational } from '../input/mobile.js';
import type { CheckoutHost } from './host.js';

/** A request is in flight, or a payment is unconfirmed: the forms wait. */
export function busy(el: CheckoutHost): boolean {
  return el.status === 'sending' || el.status === 'verifying' || el.status === 'unconfirmed';
}

/** What the polite status line of either step says now, in the language of the moment. */
export function statusText(el: CheckoutHost, m: Messages): string {
  // "Sending code…" is in the button; the status line speaks only once it takes long.
  if (el.status === 'sending') return el.inFlight.slow ? m.stillSending : '';
  if (el.status === 'verifying' && el.inFlight.slow) return m.stillConfirming;
  // Kept as a key, so that it is worded in the language of the moment.
  if (el.notice && (el.onOtpStep || el.status === 'idle')) return m[el.notice];
  if (el.status === 'error' && !el.onOtpStep) return ''; // the error speaks instead
  if (el.status === 'verifying') return m.verifying;
  const session = el.session;
  if (!session) return '';
  const cc = `+${session.stcpayMobileCountryCode}\u00a0`;
  if (!el.collectsOtp) return m.sent(cc + formatNational(session.stcpayMobile));
  const masked = cc + maskNational(session.stcpayMobile);
  return session.resent ? m.otpResent(masked) : m.otpSentTo(masked);
}
