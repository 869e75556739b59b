// Wires the gallery: adds the Arabic twins, shows the markup under each example, puts the
// "error", "sent" and code examples into their state, and runs the playground. Everything is
// written as text.
const examples = document.querySelectorAll('.example:not(.playground)');

// A card marked data-arabic-too shows its example again beside it in Arabic: the same markup
// with lang="ar".
for (const live of document.querySelectorAll('.live[data-arabic-too]')) {
  const arabic = live.firstElementChild.cloneNode();
  arabic.setAttribute('lang', 'ar');
  live.append(arabic);
}

// The markup is shown as written, before the examples below get their own transaction numbers.

for (const example of examples) {
  const element = example.querySelector('stcpay-otp, paylink-validate-mobile');
  const markup = document.createElement('pre');
  const code = document.createElement('code');
  code.textContent = markupOf(element);
  markup.append(code);
  example.querySelector('.live').after(markup);
}

// The themed example's CSS, shown as the page runs it.
for (const code of document.querySelectorAll('[data-css]')) {
  const css = document.getElementById(code.dataset.css).textContent;
  code.textContent = css
    .replace(/^\n/, '')
    .replace(/^ {10}/gm, '')
    .trimEnd();
}

/** The element's markup as the author wrote it, without the demo's own data- attributes. */
function markupOf(element) {
  const attributes = [...element.attributes]
    .filter((attribute) => !attribute.name.startsWith('data-') && attribute.name !== 'state')
    .map((attribute) =>
      attribute.value === '' ? attribute.name : `${attribute.name}="${attribute.value}"`,
    );
  return `<${element.localName}\n  ${attributes.join('\n  ')}\n></${element.localName}>`;
}

// Each example its own transaction, fresh on every load: codes for one transaction are spaced
// page-wide, and a transaction paid here is never paid again.
let example = 0;
const loaded = Date.now();
for (const element of document.querySelectorAll('stcpay-otp[data-send]')) {
  element.transactionNo = `${loaded}${String(++example).padStart(2, '0')}`;
  element.resendAfter = 45;
  element
    .send()
    .then(async () => {
      if (!element.dataset.otp) return;
      await element.updateComplete;
      const input = element.shadowRoot.querySelector('[part~="otp"]');
      input.value = element.dataset.otp;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await element.confirm();
    })
    .catch(() => {});
}

// The playground.
const checkout = document.querySelector('#checkout');
const scenario = document.querySelector('#scenario');
const events = document.querySelector('#events');

scenario.addEventListener('change', () => {
  checkout.setAttribute('base-url', `/mock/demo/${scenario.value}`);
  checkout.timeout = scenario.value === 'hang' || scenario.value === 'random' ? 5000 : 15000;
  checkout.reset();
});
document.querySelector('#reset').addEventListener('click', () => checkout.reset());

for (const type of [
  'otp-sent',
  'otp-error',
  'otp-complete',
  'payment-processed',
  'payment-unconfirmed',
]) {
  checkout.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = type;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify(event.detail, null, 2);
    item.append(name, detail);
    events.prepend(item);
  });
}
