/**
 * Every wording a refusal is known to come in, written out as the tests expect them, by voice:
 * English and Arabic as Paylink's REST endpoints word reasons, and STC Pay's own API, which uses
 * one sentence for a wrong and an expired code. The mock's pay-words-* scenarios must say exactly
 * these (test/mock-paylink.test.ts), and the element must read each (test/refusal.test.ts).
 */
export const WORDS = {
  en: {
    session: 'Invalid payment session',
    expired: 'The payment session has expired',
    paid: 'The order is already paid',
    wrong: 'Invalid OTP',
  },
  ar: {
    session: 'جلسة الدفع غير صالحة',
    expired: 'انتهت صلاحية رمز التحقق',
    paid: 'الطلب مدفوع مسبقًا',
    wrong: 'رمز التحقق غير صحيح',
  },
  stcpay: {
    session: 'Invalid OTP either expired or not found, please request a new OTP.',
    expired: 'Invalid OTP either expired or not found, please request a new OTP.',
    paid: 'Already Paid.',
    wrong: 'Invalid OTP either expired or not found, please request a new OTP.',
  },
} as const;
