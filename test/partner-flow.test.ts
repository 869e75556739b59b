/**
 * The demo partner's registration page on stcpay-otp/server: step 1 through the partner's
 * backend, then <paylink-validate-mobile base-url="/partner"> with no token in the browser at
 * all. Paylink's partner API (the mock) takes no call without the partner's Bearer token, so a
 * validation that goes through shows the kit's handler added it.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define-partner.js';
import type { PaylinkValidateMobile } from '../src/partner/paylink-validate-mobile.js';
import { validateMobileFor } from './helpers/harness.js';
import { MOCK_PARTNER, PARTNER_OTPS } from './helpers/mock.js';

describe('the demo partner, step 1 and step 2 through its backend', () => {
  it('validates the merchant with no token in the page', async () => {
    const response = await fetch('/partner/api/partner/register/check-license', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        registrationType: 'freelancer',
        licenseNumber: 'FL-123456',
        mobileNumber: '0551234567',
        hijriYear: '1410',
        hijriMonth: '07',
        hijriDay: '21',
        partnerProfileNo: MOCK_PARTNER.profileNo,
      }),
    });
    expect(response.status).to.equal(200);
    const session = await response.json();
    expect(Object.keys(session).sort()).to.deep.equal(['mobile', 'sessionUuid', 'signature']);

    const el = await validateMobileFor<PaylinkValidateMobile>(session, MOCK_PARTNER.profileNo, {
      'base-url': '/partner',
    });
    expect(el.token).to.equal(undefined);
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="otp"]')!.focus();
    await sendKeys({ type: PARTNER_OTPS.success });
    const validated = oneEvent(el, 'mobile-validated');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
    const { detail } = await validated;
    expect(detail).to.include({ sessionUuid: session.sessionUuid, licenseName: 'Noura Al-Harbi' });

    // The backend forwards the element's calls only: Paylink's sign-in is not reachable through it.
    const auth = await fetch('/partner/api/partner/auth', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(MOCK_PARTNER),
    });
    expect(auth.status).to.equal(404);
  });
});
