/**
 * Arabic: the number step's strings, and those both steps share. The code step's are in
 * ar-code.ts, loaded with it.
 */
import type { Catalog, SendMessages } from './messages.js';
import { duration } from './duration.js';

/** Keeps a number, a code or a phone number left-to-right inside Arabic text (LRI … PDI). */
export const ltr = (text: string | number) => `\u2066${text}\u2069`;
/**
 * Keeps text of unknown direction (Paylink's own words) from reordering its neighbours
 * (FSI … PDI).
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A length of time in words, in the numbers a countdown shows. */
const time = duration('ar-u-nu-latn');

const checkoutSetup = (what: string) =>
  `إعداد صفحة الدفع غير صحيح: ${what}. يرجى التواصل مع المتجر.`;

export const arSend: SendMessages = {
  mobileLabel: 'رقم الجوال المسجّل في STC Pay',
  submit: 'إرسال الرمز',
  // Marked right-to-left on both sides, the sign after the digits, as Intl writes it.
  amount: (digits) => `\u200f${digits}\u00a0ر.س.\u200f`,
  pay: (amount) => `أرسل الرمز لدفع ${amount}`,
  sending: 'جارٍ إرسال الرمز…',
  stillSending: 'ما زلنا بانتظار STC Pay…',
  cancel: 'إلغاء',
  sendCancelled: 'تم الإلغاء. لم يُخصم أي مبلغ.',
  sendIn: (time) => `إرسال الرمز بعد ${ltr(time)}`,
  sent: (mobile) => `أرسلنا رمز التحقق برسالة نصية إلى ${ltr(mobile)}.`,
  mobileRequired: 'أدخل رقم جوالك المسجّل في STC Pay.',
  mobileNotANumber: 'يجب أن يتكوّن رقم الجوال من أرقام فقط.',
  mobileTooShort: (_cc, length, example) =>
    `الرقم قصير: يتكوّن رقم الجوال من ${ltr(length)} أرقام، مثل ${ltr(example)}.`,
  mobileTooLong: (_cc, length, example) =>
    `الرقم طويل: يتكوّن رقم الجوال من ${ltr(length)} أرقام، مثل ${ltr(example)}.`,
  mobileWrongPrefix: (_cc, prefixes, example) =>
    `يبدأ رقم الجوال بـ ${prefixes.map(ltr).join(' أو ')}، مثل ${ltr(example)}.`,
  mobileOtherCountry: (cc) =>
    `مفتاح الدولة في هذا الرقم مختلف. أدخل رقمًا يبدأ بـ ${ltr(`+${cc}`)}.`,
  unsupportedCountry: (cc) => `الدفع عبر STC Pay غير متاح للأرقام التي تبدأ بـ ${ltr(`+${cc}`)}.`,
  countryCodeInvalid: checkoutSetup('مفتاح الدولة ليس رقمًا'),
  transactionNoInvalid: checkoutSetup('رقم العملية مفقود'),
  totalInvalid: checkoutSetup('المبلغ مفقود أو لا يزيد على صفر'),
  environmentInvalid: checkoutSetup('يجب أن تكون البيئة "production" أو "testing"'),
  baseUrlInvalid: checkoutSetup('عنوان خادم الدفع غير صالح'),
  refusals: {
    'code-wrong': 'الرمز غير صحيح. تحقّق من الرسالة النصية وحاول مرة أخرى، أو اطلب رمزًا جديدًا.',
    'code-expired': 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا بضغطة واحدة.',
    'code-wrong-or-expired':
      'الرمز غير صحيح أو انتهت صلاحيته. تحقّق من الرسالة النصية، أو اطلب رمزًا جديدًا.',
    'code-rejected':
      'لم تقبل STC Pay هذا الرمز. تحقّق من الرسالة النصية وحاول مرة أخرى، أو اطلب رمزًا جديدًا.',
    'already-paid': 'قد يكون هذا الطلب مدفوعًا من قبل. لن يُخصم المبلغ مرتين: نتحقق من ذلك الآن.',
    'number-not-registered':
      'لا توجد محفظة STC Pay لهذا الرقم. أدخل الرقم الذي تستخدمه في STC Pay.',
    'number-rejected': 'تعذّر على STC Pay إرسال رمز إلى هذا الرقم. تأكّد أنه رقمك في STC Pay.',
    'not-allowed': 'لا يمكن الدفع عبر STC Pay في صفحة الدفع هذه حاليًا. يرجى التواصل مع المتجر.',
    'not-found': 'تعذّر العثور على عملية الدفع هذه. ابدأ الدفع من جديد، أو تواصل مع المتجر.',
    unavailable: 'خدمة STC Pay غير متاحة حاليًا. يرجى المحاولة بعد قليل.',
    other: 'تعذّر إتمام الدفع. حاول مرة أخرى، وإن تكرر ذلك فتواصل مع المتجر.',
  },
  statusUrlInvalid: checkoutSetup('عنوان التحقق من حالة الدفع غير صالح'),
  timeoutInvalid: checkoutSetup(
    `يجب أن تكون مهلة الانتظار عددًا من ${ltr(1)} إلى ${ltr(120000)} ميلي ثانية`,
  ),
  serverRejected: (status, serverText) =>
    `رفضت Paylink الطلب (خطأ ${ltr(status)}${serverText ? `: ${isolate(serverText)}` : ''}). تحقّق من الرقم وحاول مرة أخرى.`,
  serverUnavailable: (status) =>
    `خدمة STC Pay غير متاحة حاليًا (خطأ ${ltr(status)}). يرجى المحاولة بعد قليل.`,
  network: 'تعذّر الوصول إلى خدمة الدفع. تحقّق من اتصالك وحاول مرة أخرى.',
  timeout: (seconds) => `لم تستجب خدمة الدفع خلال ${time(seconds)}. يرجى المحاولة مرة أخرى.`,
  badResponse: 'وصل من خدمة الدفع رد تعذّرت قراءته. يرجى المحاولة مرة أخرى.',

  resendWait: (seconds) => `يمكنك طلب رمز جديد بعد ${time(seconds)}.`,
  sendHeld: (seconds) =>
    `تجاوزت عدد المحاولات المسموح به لهذا الرقم. ${arSend.resendWait(seconds)}`,
  resendReady: 'يمكنك الآن طلب رمز جديد.',
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
export const arabic: Catalog = { dir: 'rtl', messages: arSend };
