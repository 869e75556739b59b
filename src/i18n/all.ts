/**
 * Every built-in string, whole, in English and Arabic: what the package exports as `en` and
 * `ar`, for a host page to start its own `messages` from. The elements load them per step.
 */
import { arSend } from './ar.js';
import { arCode } from './ar-code.js';
import { enSend } from './en.js';
import { enCode } from './en-code.js';
import type { Messages } from './messages.js';

export const en: Messages = { ...enSend, ...enCode };
export const ar: Messages = { ...arSend, ...arCode };
