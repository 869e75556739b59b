/** Arabic: every string of the element. */
import type { Catalog, Messages } from './messages.js';

/** Keeps a number, a code or a phone number left-to-right inside Arabic text (LRI … PDI). */
export const ltr = (text: string | number) => `\u2066${text}\u2069`;
/**
 * Keeps text of unknown direction (Paylink's own words) from reordering its neighbours
 * (FSI … PDI).
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

const checkoutSetup = (what: string) =>
  `إعداد صفحة الدفع غير صحيح: ${what}. يرجى التواصل مع المتجر.`;

export const ar: Messages = {
  mobileLabel: 'رقم الجوال المسجّل في STC Pay',
  submit: 'إرسال الرمز',
  // Marked right-to-left on both sides, the sign after the digits, as Intl writes it.
  amount: (digits) => `\u200f${digits}\u00a0ر.س.\u200f`,
  pay: (amount) => `ادفع ${amount}`,
  sending: 'جارٍ إرسال الرمز…',
  sent: (mobile) => `أرسلنا رمز التحقق برسالة نصية إلى ${ltr(mobile)}.`,
  mobileRequired: 'أدخل رقم جوالك المسجّل في STC Pay.',
  mobileNotANumber: 'يجب أن يتكوّن رقم الجوال من أرقام فقط.',
  mobileTooShort: (cc, length, example) =>
    `الرقم قصير: أرقام الجوال في ${ltr(`+${cc}`)} تتكوّن من ${length} أرقام، مثل ${ltr(example)}.`,
  mobileTooLong: (cc, length, example) =>
    `الرقم طويل: أرقام الجوال في ${ltr(`+${cc}`)} تتكوّن من ${length} أرقام، مثل ${ltr(example)}.`,
  mobileWrongPrefix: (cc, prefixes, example) =>
    `أرقام الجوال في ${ltr(`+${cc}`)} تبدأ بـ ${prefixes.map(ltr).join(' أو ')}، مثل ${ltr(example)}.`,
  mobileOtherCountry: (cc) =>
    `مفتاح الدولة في هذا الرقم مختلف. أدخل رقمًا يبدأ بـ ${ltr(`+${cc}`)}.`,
  unsupportedCountry: (cc) => `الدفع عبر STC Pay غير متاح للأرقام التي تبدأ بـ ${ltr(`+${cc}`)}.`,
  countryCodeInvalid: checkoutSetup('مفتاح الدولة ليس رقمًا'),
  transactionNoInvalid: checkoutSetup('رقم العملية مفقود'),
  totalInvalid: checkoutSetup('المبلغ مفقود أو لا يزيد على صفر'),
  environmentInvalid: checkoutSetup('يجب أن تكون البيئة "production" أو "testing"'),
  baseUrlInvalid: checkoutSetup('عنوان خادم الدفع غير صالح'),
  timeoutInvalid: checkoutSetup(
    `يجب أن تكون مهلة الانتظار عددًا من ${ltr(1)} إلى ${ltr(120000)} ميلي ثانية`,
  ),
  serverRejected: (status, serverText) =>
    `رفضت Paylink الطلب (خطأ ${ltr(status)}${serverText ? `: ${isolate(serverText)}` : ''}). تحقّق من الرقم وحاول مرة أخرى.`,
  serverUnavailable: (status) =>
    `خدمة STC Pay غير متاحة حاليًا (خطأ ${ltr(status)}). يرجى المحاولة بعد قليل.`,
  network: 'تعذّر الوصول إلى خدمة الدفع. تحقّق من اتصالك وحاول مرة أخرى.',
  timeout: (seconds) => `لم تستجب خدمة الدفع خلال ${ltr(seconds)} ثانية. يرجى المحاولة مرة أخرى.`,
  badResponse: 'وصل من خدمة الدفع رد تعذّرت قراءته. يرجى المحاولة مرة أخرى.',

  otpLabel: 'رمز التحقق',
  otpSentTo: (mobile) => `أدخل الرمز الذي أرسلناه برسالة نصية إلى ${ltr(mobile)}.`,
  otpResent: (mobile) => `أرسلنا رمزًا جديدًا إلى ${ltr(mobile)}.`,
  confirm: 'تأكيد',
  confirmPayment: 'تأكيد الدفع',
  verifying: 'جارٍ تأكيد الدفع…',
  resend: 'إعادة إرسال الرمز',
  resendIn: (time) => `إعادة الإرسال بعد ${ltr(time)}`,
  resendWait: (seconds) => `يمكنك طلب رمز جديد بعد ${ltr(seconds)} ثانية.`,
  resendReady: 'يمكنك الآن طلب رمز جديد.',
  changeMobile: 'تغيير الرقم',
  paid: (amount) => `تم دفع ${amount} بنجاح. شكرًا لك!`,
  otpRequired: 'أدخل الرمز المرسل في الرسالة النصية.',
  otpNotANumber: 'يجب أن يتكوّن الرمز من أرقام فقط.',
  otpWrongLength: (min, max) =>
    min === max
      ? `يتكوّن الرمز من ${ltr(min)} أرقام.`
      : `يتكوّن الرمز من ${ltr(min)} إلى ${ltr(max)} أرقام.`,
  otpWrong: 'الرمز غير صحيح. تحقّق من الرسالة النصية وحاول مرة أخرى، أو اطلب رمزًا جديدًا.',
  otpExpired: 'انتهت صلاحية الرمز. اطلب رمزًا جديدًا.',

  inputMissing: (field) =>
    `إعداد هذه الصفحة غير صحيح: القيمة ${ltr(field)} مفقودة. يرجى التواصل مع الموقع.`,
};

/** Arabic, written right to left. */
export const arabic: Catalog = { dir: 'rtl', messages: ar };
