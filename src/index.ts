/**
 * The package's public API, without side effects: nothing is registered by importing it. An
 * app's bundler keeps only what the app imports.
 */
export * from './checkout.js';
export * from './partner.js';
/** Every built-in string, in English and Arabic: a start for `messages`. */
export { en, ar } from './i18n/all.js';
