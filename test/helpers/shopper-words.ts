/**
 * Every string the elements show, as the shopper (or the partner's merchant) must read it, in
 * English and Arabic: written out here, never read from the catalogs under test
 * (src/i18n/en.ts, src/i18n/ar.ts, src/partner/partner-messages.ts). One row a message key, one
 * entry a language; a message that takes values has samples, each the values and the text they
 * give. test/messages.test.ts checks each catalog against its row; the element tests take their
 * expected text from here with `said()`.
 *
 * A change of wording is a change of these rows, and only of them.
 */
import type { Refusal } from '../../src/core/errors.js';
import type { Messages } from '../../src/i18n/messages.js';
import type { PartnerMessages } from '../../src/partner/partner-messages.js';

export type Lang = 'en' | 'ar';
export const LANGS: readonly Lang[] = ['en', 'ar'];

/** Values a message takes, and the text it must give for them. */
type Samples<A extends unknown[]> = ReadonlyArray<readonly [args: A, text: string]>;

/** What a catalog entry must say: a string, samples of a function, or a string by key. */
export type Expected<V> = V extends string
  ? string
  : V extends (...args: infer A) => string
    ? Samples<A>
    : { readonly [K in keyof V]: string };

/** A catalog's expected words: every key, in both languages. */
export type WordsOf<M> = { readonly [K in keyof M]: Readonly<Record<Lang, Expected<M[K]>>> };

/** Left-to-right isolate (LRI … PDI): a number or code kept left to right in Arabic text. */
const ltr = (text: string | number) => `\u2066${text}\u2069`;
/** First-strong isolate (FSI … PDI): text of unknown direction, e.g. a server's own words. */
const isolate = (text: string) => `\u2068${text}\u2069`;
const NBSP = '\u00a0';
const RLM = '\u200f';

const AMOUNT = { en: `SAR${NBSP}10.00`, ar: `${RLM}10.00${NBSP}ر.س.${RLM}` };
const NUMBER = `+966${NBSP}55${NBSP}123${NBSP}4567`;
const MASKED = `+966${NBSP}55${NBSP}•••${NBSP}••67`;
const EXAMPLE = '05X XXX XXXX';
/** The license holder the mock's check-license step names. */
const COMPANY = 'Qahwa & Tamr Trading Co.';

export const CHECKOUT_WORDS: WordsOf<Messages> = {
  mobileLabel: { en: 'STC Pay mobile number', ar: 'رقم الجوال المسجّل في STC Pay' },
  submit: { en: 'Send code', ar: 'إرسال الرمز' },
  amount: { en: [[['10.00'], AMOUNT.en]], ar: [[['10.00'], AMOUNT.ar]] },
  pay: {
    en: [[[AMOUNT.en], `Send code to pay ${AMOUNT.en}`]],
    ar: [[[AMOUNT.ar], `أرسل الرمز لدفع ${AMOUNT.ar}`]],
  },
  sending: { en: 'Sending code…', ar: 'جارٍ إرسال الرمز…' },
  stillSending: { en: 'Still waiting for STC Pay…', ar: 'ما زلنا بانتظار STC Pay…' },
  stillConfirming: {
    en: "Still confirming with STC Pay… Please don't close this page.",
    ar: 'ما زلنا نؤكّد الدفع مع STC Pay… يرجى عدم إغلاق هذه الصفحة.',
  },
  cancel: { en: 'Cancel', ar: 'إلغاء' },
  sendCancelled: { en: 'Cancelled. Nothing was charged.', ar: 'تم الإلغاء. لم يُخصم أي مبلغ.' },
  // The send button while sends for the transaction are spaced.
  sendIn: {
    en: [
      [['0:42'], 'Send code in 0:42'],
      [['1:00'], 'Send code in 1:00'],
      [['0:59'], 'Send code in 0:59'],
    ],
    ar: [[['0:42'], `إرسال الرمز بعد ${ltr('0:42')}`]],
  },
  sent: {
    en: [[[NUMBER], `We sent a verification code by SMS to ${NUMBER}.`]],
    ar: [[[NUMBER], `أرسلنا رمز التحقق برسالة نصية إلى ${ltr(NUMBER)}.`]],
  },
  mobileRequired: {
    en: 'Enter your STC Pay mobile number.',
    ar: 'أدخل رقم جوالك المسجّل في STC Pay.',
  },
  mobileNotANumber: {
    en: 'A mobile number can only contain digits.',
    ar: 'يجب أن يتكوّن رقم الجوال من أرقام فقط.',
  },
  mobileTooShort: {
    en: [
      [
        ['966', 10, EXAMPLE],
        `This number is too short: a mobile number has 10 digits, like ${EXAMPLE}.`,
      ],
    ],
    ar: [
      [
        ['966', 10, EXAMPLE],
        `الرقم قصير: يتكوّن رقم الجوال من ${ltr(10)} أرقام، مثل ${ltr(EXAMPLE)}.`,
      ],
    ],
  },
  mobileTooLong: {
    en: [
      [
        ['966', 10, EXAMPLE],
        `This number is too long: a mobile number has 10 digits, like ${EXAMPLE}.`,
      ],
    ],
    ar: [
      [
        ['966', 10, EXAMPLE],
        `الرقم طويل: يتكوّن رقم الجوال من ${ltr(10)} أرقام، مثل ${ltr(EXAMPLE)}.`,
      ],
    ],
  },
  mobileWrongPrefix: {
    en: [
      [['966', ['05'], EXAMPLE], `A mobile number starts with 05, like ${EXAMPLE}.`],
      [['966', ['05', '06'], EXAMPLE], `A mobile number starts with 05 or 06, like ${EXAMPLE}.`],
    ],
    ar: [
      [['966', ['05'], EXAMPLE], `يبدأ رقم الجوال بـ ${ltr('05')}، مثل ${ltr(EXAMPLE)}.`],
      [
        ['966', ['05', '06'], EXAMPLE],
        `يبدأ رقم الجوال بـ ${ltr('05')} أو ${ltr('06')}، مثل ${ltr(EXAMPLE)}.`,
      ],
    ],
  },
  mobileOtherCountry: {
    en: [[['966'], 'This number has another country code. Enter a +966 number.']],
    ar: [[['966'], `مفتاح الدولة في هذا الرقم مختلف. أدخل رقمًا يبدأ بـ ${ltr('+966')}.`]],
  },
  unsupportedCountry: {
    en: [[['971'], 'STC Pay payments are not available for +971 numbers.']],
    ar: [[['971'], `الدفع عبر STC Pay غير متاح للأرقام التي تبدأ بـ ${ltr('+971')}.`]],
  },
  countryCodeInvalid: {
    en: 'This checkout is not set up correctly: its country code is not a number. Please contact the store.',
    ar: 'إعداد صفحة الدفع غير صحيح: مفتاح الدولة ليس رقمًا. يرجى التواصل مع المتجر.',
  },
  transactionNoInvalid: {
    en: 'This checkout is not set up correctly: its transaction number is missing. Please contact the store.',
    ar: 'إعداد صفحة الدفع غير صحيح: رقم العملية مفقود. يرجى التواصل مع المتجر.',
  },
  totalInvalid: {
    en: 'This checkout is not set up correctly: the amount to pay is missing or not above zero. Please contact the store.',
    ar: 'إعداد صفحة الدفع غير صحيح: المبلغ مفقود أو لا يزيد على صفر. يرجى التواصل مع المتجر.',
  },
  environmentInvalid: {
    en: 'This checkout is not set up correctly: its environment must be "production" or "testing". Please contact the store.',
    ar: 'إعداد صفحة الدفع غير صحيح: يجب أن تكون البيئة "production" أو "testing". يرجى التواصل مع المتجر.',
  },
  baseUrlInvalid: {
    en: 'This checkout is not set up correctly: its payment server address is not a valid URL. Please contact the store.',
    ar: 'إعداد صفحة الدفع غير صحيح: عنوان خادم الدفع غير صالح. يرجى التواصل مع المتجر.',
  },
  statusUrlInvalid: {
    en: 'This checkout is not set up correctly: its payment status address is not a valid URL. Please contact the store.',
    ar: 'إعداد صفحة الدفع غير صحيح: عنوان التحقق من حالة الدفع غير صالح. يرجى التواصل مع المتجر.',
  },
  timeoutInvalid: {
    en: 'This checkout is not set up correctly: its time limit must be a number of milliseconds from 1 to 120000. Please contact the store.',
    ar: `إعداد صفحة الدفع غير صحيح: يجب أن تكون مهلة الانتظار عددًا من ${ltr(1)} إلى ${ltr(120000)} ميلي ثانية. يرجى التواصل مع المتجر.`,
  },
  refusals: {
    en: {
      'code-wrong': 'That code is not right. Check the SMS and try again, or ask for a new code.',
      'code-expired': 'This code has expired. Send yourself a new one: it takes one tap.',
      'code-wrong-or-expired':
        'That code is not right, or it has expired. Check the SMS, or send yourself a new code.',
      'code-rejected':
        'STC Pay did not accept this code. Check the SMS and try again, or ask for a new code.',
      'already-paid':
        'This order may already be paid. You have not been charged twice: we are checking it.',
      'number-not-registered':
        'This number has no STC Pay wallet. Enter the number you use with STC Pay.',
      'number-rejected':
        'STC Pay could not send a code to this number. Check that it is your STC Pay number.',
      'not-allowed':
        'This checkout cannot take STC Pay payments right now. Please contact the store.',
      'not-found':
        'This payment could not be found. Please start the checkout again, or contact the store.',
      unavailable: 'STC Pay is unavailable right now. Please try again in a moment.',
      other:
        'The payment could not go ahead. Please try again; if it happens again, contact the store.',
    },
    ar: {
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
  },
  serverRejected: {
    en: [
      [[400], 'Paylink refused the request (error 400). Check the number and try again.'],
      [
        [400, 'Bad Request'],
        'Paylink refused the request (error 400: Bad Request). Check the number and try again.',
      ],
    ],
    ar: [
      [[400], `رفضت Paylink الطلب (خطأ ${ltr(400)}). تحقّق من الرقم وحاول مرة أخرى.`],
      [
        [400, 'Bad Request'],
        `رفضت Paylink الطلب (خطأ ${ltr(400)}: ${isolate('Bad Request')}). تحقّق من الرقم وحاول مرة أخرى.`,
      ],
    ],
  },
  serverUnavailable: {
    en: [[[500], 'STC Pay is unavailable right now (error 500). Please try again in a moment.']],
    ar: [[[500], `خدمة STC Pay غير متاحة حاليًا (خطأ ${ltr(500)}). يرجى المحاولة بعد قليل.`]],
  },
  network: {
    en: 'Could not reach the payment service. Check your connection and try again.',
    ar: 'تعذّر الوصول إلى خدمة الدفع. تحقّق من اتصالك وحاول مرة أخرى.',
  },
  // A send or payment that had no answer in time; the seconds as the element rounds them, in
  // words by each language's plural rules (Arabic's forms for 1, 2 and 3 to 10 vary a little
  // between engines' data: test/duration.test.ts checks those).
  timeout: {
    en: [
      [[30], 'The payment service did not answer within 30 seconds. Please try again.'],
      [[1], 'The payment service did not answer within 1 second. Please try again.'],
      [[0.3], 'The payment service did not answer within 0.3 seconds. Please try again.'],
      [[0.2], 'The payment service did not answer within 0.2 seconds. Please try again.'],
    ],
    ar: [
      [[30], 'لم تستجب خدمة الدفع خلال 30 ثانية. يرجى المحاولة مرة أخرى.'],
      [[0.3], 'لم تستجب خدمة الدفع خلال 0.3 ثانية. يرجى المحاولة مرة أخرى.'],
    ],
  },
  badResponse: {
    en: 'The payment service sent an answer that could not be read. Please try again.',
    ar: 'وصل من خدمة الدفع رد تعذّرت قراءته. يرجى المحاولة مرة أخرى.',
  },
  otpLabel: { en: 'Verification code', ar: 'رمز التحقق' },
  otpSentTo: {
    en: [[[MASKED], `Enter the code we sent by SMS to ${MASKED}.`]],
    ar: [[[MASKED], `أدخل الرمز الذي أرسلناه برسالة نصية إلى ${ltr(MASKED)}.`]],
  },
  otpResent: {
    en: [[[MASKED], `We sent a new code to ${MASKED}.`]],
    ar: [[[MASKED], `أرسلنا رمزًا جديدًا إلى ${ltr(MASKED)}.`]],
  },
  confirm: { en: 'Confirm', ar: 'تأكيد' },
  confirmPayment: { en: 'Confirm payment', ar: 'تأكيد الدفع' },
  verifying: { en: 'Confirming payment…', ar: 'جارٍ تأكيد الدفع…' },
  resend: { en: 'Resend code', ar: 'إعادة إرسال الرمز' },
  resendIn: {
    en: [
      [['0:42'], 'Resend code in 0:42'],
      [['0:02'], 'Resend code in 0:02'],
      [['0:01'], 'Resend code in 0:01'],
    ],
    ar: [
      [['0:42'], `إعادة الإرسال بعد ${ltr('0:42')}`],
      [['0:01'], `إعادة الإرسال بعد ${ltr('0:01')}`],
    ],
  },
  // Announced as the resend countdown starts, and the words of a send refused as too soon or
  // held after failed sends: seconds, or from two minutes whole minutes, as the button counts.
  resendWait: {
    en: [
      [[60], 'You can ask for a new code in 60 seconds.'],
      [[59], 'You can ask for a new code in 59 seconds.'],
      [[2], 'You can ask for a new code in 2 seconds.'],
      [[1], 'You can ask for a new code in 1 second.'],
      [[900], 'You can ask for a new code in 15 minutes.'],
    ],
    ar: [
      [[60], 'يمكنك طلب رمز جديد بعد 60 ثانية.'],
      [[900], 'يمكنك طلب رمز جديد بعد 15 دقيقة.'],
    ],
  },
  // A failed send that leaves the number waiting (three lost in a row, or Retry-After).
  sendHeld: {
    en: [
      [[60], 'Too many tries for this number just now. You can ask for a new code in 60 seconds.'],
      [[900], 'Too many tries for this number just now. You can ask for a new code in 15 minutes.'],
    ],
    ar: [[[60], 'تجاوزت عدد المحاولات المسموح به لهذا الرقم. يمكنك طلب رمز جديد بعد 60 ثانية.']],
  },
  resendReady: { en: 'You can ask for a new code now.', ar: 'يمكنك الآن طلب رمز جديد.' },
  changeMobile: { en: 'Change number', ar: 'تغيير الرقم' },
  paid: {
    en: [[[AMOUNT.en], `Payment of ${AMOUNT.en} complete. Thank you!`]],
    ar: [[[AMOUNT.ar], `تم دفع ${AMOUNT.ar} بنجاح. شكرًا لك!`]],
  },
  paymentChecking: {
    en: "Checking your payment… You will not be charged twice, so please don't pay again or close this page.",
    ar: 'جارٍ التحقق من دفعتك… لن يُخصم المبلغ مرتين، فلا تدفع مرة أخرى ولا تغلق هذه الصفحة.',
  },
  paymentUnconfirmed: {
    en: 'We could not confirm your payment yet. You have not been charged twice: the store will confirm it with you.',
    ar: 'لم نتمكن من تأكيد دفعتك بعد. لم يُخصم المبلغ مرتين: سيؤكّد المتجر الدفع معك.',
  },
  paymentUnpaid: {
    en: 'Your payment did not go through, and you have not been charged. Send yourself a new code to try again.',
    ar: 'لم تتم عملية الدفع، ولم يُخصم منك أي مبلغ. اطلب رمزًا جديدًا لتحاول مرة أخرى.',
  },
  otpRequired: { en: 'Enter the code from the SMS.', ar: 'أدخل الرمز المرسل في الرسالة النصية.' },
  otpNotANumber: {
    en: 'The code can only contain digits.',
    ar: 'يجب أن يتكوّن الرمز من أرقام فقط.',
  },
  otpWrongLength: {
    en: [
      [[6, 6], 'The code has 6 digits.'],
      [[4, 10], 'The code has 4 to 10 digits.'],
    ],
    ar: [
      [[6, 6], `يتكوّن الرمز من ${ltr(6)} أرقام.`],
      [[4, 10], `يتكوّن الرمز من ${ltr(4)} إلى ${ltr(10)} أرقام.`],
    ],
  },
  otpWrong: {
    en: 'That code is not right. Check the SMS and try again, or ask for a new code.',
    ar: 'الرمز غير صحيح. تحقّق من الرسالة النصية وحاول مرة أخرى، أو اطلب رمزًا جديدًا.',
  },
  otpExpired: {
    en: 'This code has expired. Ask for a new code.',
    ar: 'انتهت صلاحية الرمز. اطلب رمزًا جديدًا.',
  },
  inputMissing: {
    en: [
      [
        ['transactionNo'],
        'This page is not set up correctly: transactionNo is missing. Please contact the site.',
      ],
    ],
    ar: [
      [
        ['transactionNo'],
        `إعداد هذه الصفحة غير صحيح: القيمة ${ltr('transactionNo')} مفقودة. يرجى التواصل مع الموقع.`,
      ],
    ],
  },
};

export const PARTNER_WORDS: WordsOf<PartnerMessages> = {
  validate: { en: 'Verify number', ar: 'تحقّق من الرقم' },
  validating: { en: 'Verifying…', ar: 'جارٍ التحقق…' },
  validated: {
    en: [
      [
        [COMPANY, 'commercial registration'],
        `Number verified for ${COMPANY} (commercial registration).`,
      ],
      // A license type the element has no name for is shown as sent.
      [[COMPANY, 'constructor'], `Number verified for ${COMPANY} (constructor).`],
      [[COMPANY, '__proto__'], `Number verified for ${COMPANY} (__proto__).`],
    ],
    ar: [[[COMPANY, 'سجل تجاري'], `تم التحقق من الرقم لـ ${isolate(COMPANY)} (سجل تجاري).`]],
  },
  licenseTypes: {
    en: { cr: 'commercial registration', freelancer: 'freelance certificate' },
    ar: { cr: 'سجل تجاري', freelancer: 'وثيقة عمل حر' },
  },
  registrationInputMissing: {
    en: (['signature', 'sessionUuid', 'mobile', 'partnerProfileNo'] as const).map((field) => [
      [field],
      `This step is not set up correctly: ${field} from the first step is missing. Start the registration again.`,
    ]),
    ar: [
      [
        ['signature'],
        `إعداد هذه الخطوة غير صحيح: القيمة ${ltr('signature')} من الخطوة الأولى مفقودة. ابدأ التسجيل من جديد.`,
      ],
    ],
  },
  tokenMissing: {
    en: 'This step is not set up correctly: it has no Paylink sign-in (token). Sign in, then retry.',
    ar: 'إعداد هذه الخطوة غير صحيح: لا يوجد تسجيل دخول إلى Paylink (رمز الوصول). سجّل الدخول ثم أعد المحاولة.',
  },
  unauthorized: {
    en: 'Your Paylink sign-in is missing or has expired. Sign in again, then retry.',
    ar: 'تسجيل دخولك إلى Paylink مفقود أو انتهت صلاحيته. سجّل الدخول من جديد ثم أعد المحاولة.',
  },
  registrationSessionInvalid: {
    en: 'This registration session is no longer valid: it expired, or its signature or session was changed. Start the registration again.',
    ar: 'جلسة التسجيل هذه لم تعد صالحة: انتهت صلاحيتها أو تغيّر توقيعها أو معرّفها. ابدأ التسجيل من جديد.',
  },
};

type StringKey<M> = { [K in keyof M]: M[K] extends string ? K : never }[keyof M];
type FunctionKey<M> = {
  [K in keyof M]: M[K] extends (...args: never[]) => string ? K : never;
}[keyof M];
type ArgsOf<F> = F extends (...args: infer A) => string ? A : never;

/**
 * What the checkout must say for `key` in `lang`: its string, or the sample of its row with
 * exactly `args`. A sample the row lacks is an error that says which row to add.
 */
export function said<K extends StringKey<Messages>>(lang: Lang, key: K): string;
export function said<K extends FunctionKey<Messages>>(
  lang: Lang,
  key: K,
  ...args: ArgsOf<Messages[K]>
): string;
export function said(lang: Lang, key: keyof Messages, ...args: unknown[]): string {
  return expectedText(CHECKOUT_WORDS, lang, key, args);
}

/** What the partner element must say for `key` in `lang`, as `said()` for the checkout. */
export function partnerSaid<K extends StringKey<PartnerMessages>>(lang: Lang, key: K): string;
export function partnerSaid<K extends FunctionKey<PartnerMessages>>(
  lang: Lang,
  key: K,
  ...args: ArgsOf<PartnerMessages[K]>
): string;
export function partnerSaid(lang: Lang, key: keyof PartnerMessages, ...args: unknown[]): string {
  return expectedText(PARTNER_WORDS, lang, key, args);
}

/** What the checkout says for a refusal in `lang`. */
export const saidForRefusal = (lang: Lang, refusal: Refusal): string =>
  CHECKOUT_WORDS.refusals[lang][refusal];

function expectedText<M>(table: WordsOf<M>, lang: Lang, key: keyof M, args: unknown[]): string {
  const row: unknown = table[key][lang];
  if (typeof row === 'string') return row;
  const wanted = JSON.stringify(args);
  const sample = (row as Samples<unknown[]>).find(([given]) => JSON.stringify(given) === wanted);
  if (!sample)
    throw new Error(
      `shopper-words.ts has no ${lang} sample of ${String(key)}(${wanted.slice(1, -1)})`,
    );
  return sample[1];
}
