/**
 * The code step of `<stcpay-otp>` and how its payment ends, with their strings: the chunk the
 * element loads after its first render (load-code-step.ts), so that the number step comes first.
 * Built as its own file next to the element's (`stcpay-otp-code.js`).
 */
import { codeText } from '../i18n/code-text.js';
import type { CodeStep } from './host.js';
import { renderCodeStep, runConfirm, startOtpStep } from './code-step.js';
import {
  askStore,
  becomeUnconfirmed,
  renderPaid,
  renderUnconfirmed,
  settle,
  stopAskingStore,
} from './outcome.js';

/** What the element calls once the chunk is loaded. */
export const codeStep: CodeStep = {
  codeText,
  renderCodeStep,
  runConfirm,
  startOtpStep,
  askStore,
  becomeUnconfirmed,
  renderPaid,
  renderUnconfirmed,
  settle,
  stopAskingStore,
};
