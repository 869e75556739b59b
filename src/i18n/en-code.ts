/** English: the code step's strings and how a payment ends (what the code step's chunk adds). */
import type { CodeMessages } from './messages.js';

export const enCode: CodeMessages = {
  stillConfirming: "Still confirming with STC Pay… Please don't close this page.",
  otpLabel: 'Verification code',
  otpSentTo: (mobile) => `Enter the code we sent by SMS to ${mobile}.`,
  otpResent: (mobile) => `We sent a new code to ${mobile}.`,
  confirm: 'Confirm',
  confirmPayment: 'Confirm payment',
  verifying: 'Confirming payment…',
  resend: 'Resend code',
  resendIn: (time) => `Resend code in ${time}`,
  changeMobile: 'Change number',
  paid: (amount) => `Payment of ${amount} complete. Thank you!`,
  paymentChecking:
    "Checking your payment… You will not be charged twice, so please don't pay again or close this page.",
  paymentUnconfirmed:
    'We could not confirm your payment yet. You have not been charged twice: the store will confirm it with you.',
  paymentUnpaid:
    'Your payment did not go through, and you have not been charged. Send yourself a new code to try again.',
};
