import { codeStep } from './stcpay-otp-code.js';
import type { CodeStep } from './host.js';

/**
 * load-code-step.ts for the classic script (dist/stcpay-otp.iife.js), which is one file: its code
 * step is inside it, so loading it cannot fail. The build puts this module in that one's place.
 */
export function loadCodeStep(): Promise<CodeStep> {
  return Promise.resolve(codeStep);
}
