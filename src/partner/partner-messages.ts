/**
 * The strings only `<paylink-validate-mobile>` shows, in English and Arabic, and how it words
 * the failures that are its own. Kept apart so storefront code never carries them.
 */
import type { ErrorReason } from '../core/errors.js';
import { isolate, ltr } from '../i18n/ar.js';
import { catalogLang } from '../i18n/catalogs.js';

export interface PartnerMessages {
  validate: string;
  validating: string;
  /** After success: the license holder's name and the kind of license, in words. */
  validated: (licenseName: string, licenseType: string) => string;
  licenseTypes: Readonly<Record<string, string>>;
  /** A step-1 value the page did not give; `field` is the property name. */
  registrationInputMissing: (field: string) => string;
  tokenMissing: string;
  /** A 401 answer: the token is missing or expired. */
  unauthorized: string;
  registrationSessionInvalid: string;
}

export const partnerEn: PartnerMessages = {
  validate: 'Verify number',
  validating: 'Verifying…',
  validated: (licenseName, licenseType) => `Number verified for ${licenseName} (${licenseType}).`,
  licenseTypes: { cr: 'commercial registration', freelancer: 'freelance certificate' },
  registrationInputMissing: (field) =>
    `This step is not set up correctly: ${field} from the first step is missing. Start the registration again.`,
  tokenMissing:
    'This step is not set up correctly: it has no Paylink sign-in (token). Sign in, then retry.',
  unauthorized: 'Your Paylink sign-in is missing or has expired. Sign in again, then retry.',
  registrationSessionInvalid:
    'This registration session is no longer valid: it expired, or its signature or session was changed. Start the registration again.',
};

export const partnerAr: PartnerMessages = {
  validate: 'تحقّق من الرقم',
  validating: 'جارٍ التحقق…',
  validated: (licenseName, licenseType) =>
    `تم التحقق من الرقم لـ ${isolate(licenseName)} (${licenseType}).`,
  licenseTypes: { cr: 'سجل تجاري', freelancer: 'وثيقة عمل حر' },
  registrationInputMissing: (field) =>
    `إعداد هذه الخطوة غير صحيح: القيمة ${ltr(field)} من الخطوة الأولى مفقودة. ابدأ التسجيل من جديد.`,
  tokenMissing:
    'إعداد هذه الخطوة غير صحيح: لا يوجد تسجيل دخول إلى Paylink (رمز الوصول). سجّل الدخول ثم أعد المحاولة.',
  unauthorized:
    'تسجيل دخولك إلى Paylink مفقود أو انتهت صلاحيته. سجّل الدخول من جديد ثم أعد المحاولة.',
  registrationSessionInvalid:
    'جلسة التسجيل هذه لم تعد صالحة: انتهت صلاحيتها أو تغيّر توقيعها أو معرّفها. ابدأ التسجيل من جديد.',
};

const PARTNER_CATALOGS: Readonly<Record<string, PartnerMessages>> = {
  en: partnerEn,
  ar: partnerAr,
};

/** The language's partner strings with `overrides` on top. */
export function partnerMessagesFor(
  lang: string,
  overrides: Partial<PartnerMessages> = {},
): PartnerMessages {
  return { ...PARTNER_CATALOGS[catalogLang(lang)], ...overrides };
}

/** The partner's own wording of a failure, or undefined where the shared wording fits. */
export function describePartnerError(reason: ErrorReason, m: PartnerMessages): string | undefined {
  if (reason.code === 'validation' && 'missing' in reason)
    return reason.field === 'token' ? m.tokenMissing : m.registrationInputMissing(reason.field);
  if (reason.code === 'http' && reason.otp === 'session') return m.registrationSessionInvalid;
  if (reason.code === 'http' && reason.status === 401) return m.unauthorized;
  return undefined;
}
