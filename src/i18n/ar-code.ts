/** Arabic: the code step's strings and how a payment ends (what the code step's chunk adds). */
import { ltr } from './ar.js';
import type { CodeMessages } from './messages.js';

export const arCode: CodeMessages = {
  stillConfirming: 'ما زلنا نؤكّد الدفع مع STC Pay… يرجى عدم إغلاق هذه الصفحة.',
  otpLabel: 'رمز التحقق',
  otpSentTo: (mobile) => `أدخل الرمز الذي أرسلناه برسالة نصية إلى ${ltr(mobile)}.`,
  otpResent: (mobile) => `أرسلنا رمزًا جديدًا إلى ${ltr(mobile)}.`,
  confirm: 'تأكيد',
  confirmPayment: 'تأكيد الدفع',
  verifying: 'جارٍ تأكيد الدفع…',
  resend: 'إعادة إرسال الرمز',
  resendIn: (time) => `إعادة الإرسال بعد ${ltr(time)}`,
  changeMobile: 'تغيير الرقم',
  paid: (amount) => `تم دفع ${amount} بنجاح. شكرًا لك!`,
  paymentChecking:
    'جارٍ التحقق من دفعتك… لن يُخصم المبلغ مرتين، فلا تدفع مرة أخرى ولا تغلق هذه الصفحة.',
  paymentUnconfirmed: 'لم نتمكن من تأكيد دفعتك بعد. لم يُخصم المبلغ مرتين: سيؤكّد المتجر الدفع معك.',
  paymentUnpaid: 'لم تتم عملية الدفع، ولم يُخصم منك أي مبلغ. اطلب رمزًا جديدًا لتحاول مرة أخرى.',
};
