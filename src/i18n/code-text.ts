/** The code step's strings in each built-in language, by primary language subtag. */
import { arCode } from './ar-code.js';
import { enCode } from './en-code.js';
import type { CodeMessages } from './messages.js';

export const codeText: Readonly<Record<string, CodeMessages>> = { en: enCode, ar: arCode };
