// The gallery's partner examples: each gets a fresh registration session from step 1 through
// the demo partner's backend (which holds the token), and the expired one is sent its code.
for (const element of document.querySelectorAll('paylink-validate-mobile[data-session]')) {
  startSession(element).catch(() => {});
}

async function startSession(element) {
  const response = await fetch('/partner/api/partner/register/check-license', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      registrationType: 'cr',
      licenseNumber: '1010101010',
      mobileNumber: '0551234567',
      hijriYear: '1410',
      hijriMonth: '07',
      hijriDay: '15',
      partnerProfileNo: element.getAttribute('partner-profile-no'),
    }),
  });
  if (!response.ok) return;
  const session = await response.json();
  element.setAttribute('signature', session.signature);
  element.setAttribute('session-uuid', session.sessionUuid);
  element.setAttribute('mobile', session.mobile);
  if (!element.dataset.otp) return;
  await customElements.whenDefined('paylink-validate-mobile');
  await element.updateComplete;
  const input = element.shadowRoot.querySelector('[part~="otp"]');
  input.value = element.dataset.otp;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.validate();
}
