/**
 * The code step of `<stcpay-otp>` and how its payment ends, with their strings: the chunk the
 * element loads after its first render (load-code-step.ts), so that the number step comes first.
 * Built as its own file next to the element's (`stcpay-otp-code.js`).
 */
export {
  handleOtpInput,
  handleResend,
  renderCodeStep,
  runConfirm,
  startOtpStep,
} from './code-step.js';
export {
  askStore,
  becomeUnconfirmed,
  renderPaid,
  renderUnconfirmed,
  settle,
  stopAskingStore,
} from './outcome.js';
export { codeText } from '../i18n/code-text.js';
