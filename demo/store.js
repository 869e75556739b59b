// The demo store's page: the cart, the checkout that asks the store's server for an
// invoice, the element that takes the payment, and the order status read back from the
// store's server. Everything is written with textContent or DOM methods.
const sar = new Intl.NumberFormat('en', { style: 'currency', currency: 'SAR' });

const $ = (selector) => document.querySelector(selector);

async function showCart() {
  const { items, total } = await (await fetch('/store/api/cart')).json();
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = `${item.qty} × ${item.title}: ${sar.format(item.price)}`;
    $('#cart-items').append(li);
  }
  $('#cart-total').textContent = sar.format(total);
}
showCart();

async function showOrderStatus(transactionNo) {
  const response = await fetch(`/store/api/orders/${encodeURIComponent(transactionNo)}`);
  const order = await response.json();
  $('#order-status').textContent = response.ok ? order.orderStatus : `unknown (${order.error})`;
  await showShipped();
}

/** The orders the store's onPaid shipped: each once, whichever way the news came. */
async function showShipped() {
  const shipped = await (await fetch('/store/api/fulfilled')).json();
  const items = shipped.map(({ transactionNo, amount, source }) => {
    const li = document.createElement('li');
    li.textContent = `${transactionNo}: ${sar.format(amount)}, shipped (told by ${source})`;
    return li;
  });
  $('#shipped').replaceChildren(...items);
  $('#shipped-none').hidden = items.length > 0;
}
showShipped();

$('#checkout').addEventListener('click', async () => {
  $('#checkout').disabled = true;
  $('#checkout-error').textContent = '';
  try {
    const response = await fetch('/store/api/checkout', { method: 'POST' });
    if (!response.ok) throw new Error((await response.json()).error);
    const { transactionNo, amount } = await response.json();

    $('#order-transaction').textContent = transactionNo;
    await showOrderStatus(transactionNo);

    const checkout = document.createElement('stcpay-otp');
    checkout.setAttribute('transaction-no', transactionNo);
    checkout.setAttribute('total', String(amount));
    checkout.setAttribute('process-payment', '');
    // The store's own proxy (stcpay-otp/server): no call leaves this origin from the browser.
    checkout.setAttribute('base-url', '/paylink');
    // The same kit's payment-status route asks getInvoice, so a payment whose answer was lost
    // resolves itself.
    checkout.setAttribute('status-url', '/paylink/payment-status');
    checkout.setAttribute('resend-after', '30');
    checkout.addEventListener('payment-processed', () => showOrderStatus(transactionNo));
    $('#payment-hint').textContent = `Invoice ${transactionNo} is ready.`;
    $('#payment').replaceChildren(checkout);
    // The button that was clicked is now disabled, so focus would fall to the body: put it in
    // the number input, which exists once the element has rendered.
    await customElements.whenDefined('stcpay-otp');
    await checkout.updateComplete;
    checkout.shadowRoot.querySelector('[part~="mobile"]').focus();
  } catch (error) {
    $('#checkout-error').textContent = `Checkout failed: ${error.message}`;
    $('#checkout').disabled = false;
  }
});
