// The demo around the checkout: the store's server creates the invoice, <Checkout> takes the
// payment, and the store's server reads the invoice back. "Cancel" unmounts the checkout.
import { useState } from 'react';
import { Checkout } from './Checkout';

interface Order {
  transactionNo: string;
  amount: number;
}

interface LoggedEvent {
  type: string;
  detail: unknown;
}

/**
 * The local mock Paylink by default; `?base-url=/mock/<tenant>/<scenario>` picks another
 * answer.
 */
const baseUrl = new URLSearchParams(location.search).get('base-url') ?? '/mock/demo/ok';
const sar = new Intl.NumberFormat('en', { style: 'currency', currency: 'SAR' });

export function App() {
  const [order, setOrder] = useState<Order>();
  const [orderStatus, setOrderStatus] = useState<string>();
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const [error, setError] = useState('');

  async function checkOut() {
    setError('');
    const response = await fetch('/store/api/checkout', { method: 'POST' });
    const body = await response.json();
    if (!response.ok) return setError(`Checkout failed: ${body.error}`);
    setOrderStatus(undefined);
    setOrder(body);
  }

  async function showOrderStatus(transactionNo: string) {
    const response = await fetch(`/store/api/orders/${encodeURIComponent(transactionNo)}`);
    setOrderStatus((await response.json()).orderStatus);
  }

  return (
    <>
      <header>
        <h1>&lt;StcpayOtp&gt; in React</h1>
        <p>
          A React 19 app using <code>stcpay-otp/react</code>, against the local mock Paylink. Any
          Saudi mobile number; code <kbd>12345</kbd> pays, <kbd>11111</kbd> is wrong.
        </p>
      </header>
      <main>
        <section className="payment" aria-labelledby="payment-title">
          <h2 id="payment-title">Checkout</h2>
          {order ? (
            <>
              <p id="invoice">
                Invoice {order.transactionNo}: {sar.format(order.amount)}
              </p>
              <Checkout
                transactionNo={order.transactionNo}
                total={order.amount}
                baseUrl={baseUrl}
                onEvent={(type, detail) => setEvents((logged) => [{ type, detail }, ...logged])}
                onPaid={() => showOrderStatus(order.transactionNo)}
              />
              {orderStatus !== 'paid' && (
                <p>
                  <button
                    type="button"
                    id="cancel"
                    className="secondary"
                    onClick={() => setOrder(undefined)}
                  >
                    Cancel
                  </button>
                </p>
              )}
            </>
          ) : (
            <button type="button" id="pay" className="primary" onClick={checkOut}>
              Pay with STC Pay
            </button>
          )}
          <p role="alert" className="error">
            {error}
          </p>
          <p>
            Order status from getInvoice: <strong id="order-status">{orderStatus ?? '–'}</strong>
          </p>
        </section>
        <section className="log" aria-labelledby="log-title">
          <h2 id="log-title">Events the handlers received</h2>
          <ol id="events">
            {events.map((event, i) => (
              <li key={events.length - i} data-type={event.type}>
                <strong>{event.type}</strong>
                <pre>{JSON.stringify(event.detail, null, 2)}</pre>
              </li>
            ))}
          </ol>
        </section>
      </main>
    </>
  );
}
