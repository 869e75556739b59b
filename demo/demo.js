// Wires the demo page's controls to the element. Everything is written with textContent.
const checkout = document.querySelector('#checkout');
const scenario = document.querySelector('#scenario');
const events = document.querySelector('#events');
const markup = document.querySelector('#markup');

function showMarkup() {
  markup.textContent = checkout.outerHTML.replace(/ state="[^"]*"/, '').replace('></stcpay-otp>', '>\n</stcpay-otp>');
}

scenario.addEventListener('change', () => {
  checkout.setAttribute('base-url', `/mock/demo/${scenario.value}`);
  checkout.timeout = scenario.value === 'hang' ? 5000 : 15000;
  checkout.reset();
  showMarkup();
});

document.querySelector('#reset').addEventListener('click', () => checkout.reset());

for (const type of ['otp-sent', 'otp-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = type;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify(event.detail, null, 2);
    item.append(name, detail);
    events.prepend(item);
  });
}

showMarkup();
