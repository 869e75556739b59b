// The demo partner's page: step 1 posts to the partner's backend, step 2 is the element, and
// the result feeds the next step's form. Everything is written with textContent or DOM methods.
import { salesVolumeOptions } from '/src/define-partner.ts';

const PARTNER_PROFILE_NO = '19039481';
const $ = (selector) => document.querySelector(selector);
let validated;

$('#step1').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#step1-error').textContent = '';
  const fields = Object.fromEntries(new FormData(event.target));
  const response = await fetch('/partner/api/partner/register/check-license', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...fields, partnerProfileNo: PARTNER_PROFILE_NO }),
  });
  const session = await response.json();
  if (!response.ok) {
    $('#step1-error').textContent = `Step 1 failed: ${session.detail ?? response.status}`;
    return;
  }
  const step2 = document.createElement('paylink-validate-mobile');
  step2.setAttribute('signature', session.signature);
  step2.setAttribute('session-uuid', session.sessionUuid);
  step2.setAttribute('mobile', session.mobile);
  step2.setAttribute('partner-profile-no', PARTNER_PROFILE_NO);
  step2.setAttribute('base-url', '/partner'); // the partner's backend adds the token
  step2.setAttribute('resend-after', '30');
  step2.addEventListener('mobile-validated', (e) => showResult(e.detail));
  $('#step2').replaceChildren(step2);
  await step2.updateComplete;
  step2.focus();
});

function showResult(result) {
  validated = result;
  const rows = [
    ['License name', result.licenseName],
    ['License type', result.licenseType],
    ['License number', result.licenseNumber],
    ['National IDs', result.nationalIds.join(', ') || 'any'],
    ['Banks', result.bankNames.join(', ')],
  ];
  $('#license').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  showSalesVolumes();
}

function showSalesVolumes() {
  if (!validated) return;
  const select = $('#sales-volume');
  select.disabled = false;
  select.replaceChildren(
    ...salesVolumeOptions(validated.monthlySalesVolumes, document.documentElement.lang).map(
      ({ value, label }) => {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = label;
        return option;
      },
    ),
  );
}

$('#lang-toggle').addEventListener('click', () => {
  const arabic = document.documentElement.lang !== 'ar';
  document.documentElement.lang = arabic ? 'ar' : 'en';
  $('#lang-toggle').textContent = arabic ? 'English' : 'العربية';
  showSalesVolumes();
});
