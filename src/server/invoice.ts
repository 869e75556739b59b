/**
 * Paylink's invoices: what addInvoice takes (checked before anything is sent), what it and
 * getInvoice answer, and whether an invoice counts as paid. Pure functions, no I/O.
 */
import { invalid } from './errors.js';
import { asObject } from './http.js';

/** Paylink's smallest invoice: SAR 5.00. */
export const MIN_INVOICE_AMOUNT = 5;

export interface InvoiceProduct {
  title: string;
  price: number;
  qty: number;
  description?: string;
  imageSrc?: string;
}

/** The addInvoice request, as Paylink documents it. */
export interface AddInvoiceInput {
  /** The merchant's own order number. */
  orderNumber: string;
  /** In SAR (or `currency`), at least 5.00, to the halala. */
  amount: number;
  /** Where Paylink sends the customer after paying on its pages. */
  callBackUrl: string;
  clientName: string;
  clientMobile: string;
  products: InvoiceProduct[];
  currency?: string;
  note?: string;
  cancelUrl?: string;
  clientEmail?: string;
}

/** An invoice as addInvoice and getInvoice answer it; other fields Paylink sends are kept too. */
export interface Invoice {
  /** Paylink's number for the invoice: what `<stcpay-otp transaction-no>` takes. */
  transactionNo: string;
  /** Paylink's payment page for the invoice. */
  url: string;
  amount: number;
  /** `pending`, `paid` (in any case), or another state Paylink reports. */
  orderStatus: string;
  /** The invoice's currency, when Paylink's answer names it. */
  currency?: string;
  qrUrl?: string;
  mobileUrl?: string;
  checkUrl?: string;
  /** The addInvoice request as Paylink recorded it. */
  gatewayOrderRequest?: Partial<AddInvoiceInput>;
}

export interface PaymentVerdict {
  /** True only when Paylink says the invoice is paid and its amount is the one expected. */
  paid: boolean;
  orderStatus: string;
  /** The invoice's amount, as Paylink has it. */
  amount: number;
}

/** An amount in halalas (hundredths), for comparing amounts exactly. */
export function halalas(amount: number): number {
  return Math.round(amount * 100);
}

/** True for an amount with at most two decimals. */
function toTheHalala(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}

export function isPaid(orderStatus: string): boolean {
  return orderStatus.trim().toLowerCase() === 'paid';
}

/** A transactionNo as Paylink issues them: letters, digits, `-` or `_`, at most 64. */
export function checkTransactionNo(transactionNo: unknown): string {
  if (typeof transactionNo !== 'string' || !/^[\w-]{1,64}$/.test(transactionNo))
    throw invalid(
      'transactionNo',
      'must be the transactionNo Paylink issued: letters and digits, at most 64',
    );
  return transactionNo;
}

/** Checks an amount to compare with: a finite number, not negative. */
export function checkAmount(field: string, amount: unknown): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0)
    throw invalid(field, 'must be a finite number, not negative');
  return amount;
}

/**
 * The addInvoice body, checked as Paylink documents it, with only the documented fields.
 * Throws a validation error naming the first field at fault.
 */
export function checkAddInvoice(input: AddInvoiceInput): AddInvoiceInput {
  const value = asObject(input);
  if (!value) throw invalid('input', 'must be an object');
  const text = (field: string, max = 500) => {
    const v = value[field];
    if (typeof v !== 'string' || v.trim() === '' || v.length > max)
      throw invalid(field, `must be a non-empty string of at most ${max} characters`);
    return v;
  };
  const optionalText = (field: string, max = 500) =>
    value[field] === undefined ? undefined : text(field, max);
  const url = (field: string, optional: boolean) => {
    if (optional && value[field] === undefined) return undefined;
    const v = text(field, 2000);
    if (!/^https?:\/\/[^\s]+$/i.test(v) || !URL.canParse(v))
      throw invalid(field, 'must be an absolute http or https URL');
    return v;
  };

  const orderNumber = text('orderNumber', 100);
  const amount = value.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || !toTheHalala(amount))
    throw invalid('amount', 'must be a number with at most two decimals');
  if (amount < MIN_INVOICE_AMOUNT)
    throw invalid('amount', `must be at least ${MIN_INVOICE_AMOUNT.toFixed(2)}`);
  const callBackUrl = url('callBackUrl', false)!;
  const clientName = text('clientName', 200);
  const clientMobile = text('clientMobile', 20);
  if (!/^\+?\d{7,15}$/.test(clientMobile))
    throw invalid('clientMobile', 'must be 7 to 15 digits, with an optional +');
  if (!Array.isArray(value.products) || value.products.length === 0)
    throw invalid('products', 'must be a non-empty list');
  const products = value.products.map((item: unknown, i: number) =>
    checkProduct(item, `products[${i}]`),
  );
  const currency = optionalText('currency', 3);
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
    throw invalid('currency', 'must be a currency code such as "SAR"');
  const clientEmail = optionalText('clientEmail', 254);
  if (clientEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(clientEmail))
    throw invalid('clientEmail', 'must be an email address');

  const checked: AddInvoiceInput = {
    orderNumber,
    amount,
    callBackUrl,
    clientName,
    clientMobile,
    products,
  };
  const note = optionalText('note', 1000);
  const cancelUrl = url('cancelUrl', true);
  if (currency !== undefined) checked.currency = currency;
  if (note !== undefined) checked.note = note;
  if (cancelUrl !== undefined) checked.cancelUrl = cancelUrl;
  if (clientEmail !== undefined) checked.clientEmail = clientEmail;
  return checked;
}

function checkProduct(item: unknown, at: string): InvoiceProduct {
  const value = asObject(item);
  if (!value) throw invalid(at, 'must be an object');
  const { title, price, qty, description, imageSrc } = value;
  if (typeof title !== 'string' || title.trim() === '' || title.length > 500)
    throw invalid(`${at}.title`, 'must be a non-empty string of at most 500 characters');
  if (typeof price !== 'number' || !Number.isFinite(price) || price < 0 || !toTheHalala(price))
    throw invalid(`${at}.price`, 'must be a number, not negative, with at most two decimals');
  if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 1)
    throw invalid(`${at}.qty`, 'must be a whole number, at least 1');
  const product: InvoiceProduct = { title, price, qty };
  if (description !== undefined) {
    if (typeof description !== 'string') throw invalid(`${at}.description`, 'must be a string');
    product.description = description;
  }
  if (imageSrc !== undefined) {
    if (typeof imageSrc !== 'string') throw invalid(`${at}.imageSrc`, 'must be a string');
    product.imageSrc = imageSrc;
  }
  return product;
}

/**
 * The invoice in an addInvoice or getInvoice answer, or null when it lacks what is needed
 * (transactionNo, amount, orderStatus; url for addInvoice). A numeric transactionNo is read as
 * text.
 */
export function parseInvoice(value: unknown, needsUrl: boolean): Invoice | null {
  const body = asObject(value);
  if (!body) return null;
  const transactionNo =
    typeof body.transactionNo === 'number' ? String(body.transactionNo) : body.transactionNo;
  const { amount, orderStatus, url } = body;
  if (typeof transactionNo !== 'string' || transactionNo === '') return null;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  if (typeof orderStatus !== 'string') return null;
  if (needsUrl && typeof url !== 'string') return null;
  return {
    ...body,
    transactionNo,
    amount,
    orderStatus,
    url: typeof url === 'string' ? url : '',
  } as Invoice;
}

/** The currency Paylink's answer names for the invoice, upper-cased, if it names one. */
export function currencyOf(invoice: Invoice): string | undefined {
  const named = [invoice.currency, invoice.gatewayOrderRequest?.currency].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return named?.trim().toUpperCase();
}

/** Whether the invoice is in `currency`: when Paylink's answer names none, it is taken as so. */
export function inCurrency(invoice: Invoice, currency: string): boolean {
  const named = currencyOf(invoice);
  return named === undefined || named === currency.toUpperCase();
}

/** What a paid verdict must find: the invoice asked for, paid for this amount in this currency. */
export interface Expected {
  transactionNo: string;
  amount: number;
  /** Default SAR; compared when Paylink's answer names a currency. */
  currency?: string;
}

/**
 * The verdict on an invoice: paid only when Paylink says so, for the very transactionNo asked
 * about, to the halala of the amount expected, in the currency expected.
 */
export function verdict(invoice: Invoice, expected: Expected): PaymentVerdict {
  return {
    paid:
      isPaid(invoice.orderStatus) &&
      invoice.transactionNo === expected.transactionNo &&
      halalas(invoice.amount) === halalas(expected.amount) &&
      inCurrency(invoice, expected.currency ?? 'SAR'),
    orderStatus: invoice.orderStatus,
    amount: invoice.amount,
  };
}
