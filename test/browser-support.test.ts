/**
 * What README's browser support section promises where the browser lacks something the
 * element needs. Each test takes an API away, loads the classic-script build (as an old
 * browser would run it) and puts the API back. This file never imports src/.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { checkoutWithNumber, clickAndSettle, loadScript } from './helpers/harness.js';
import { mockPaylink } from './helpers/mock.js';

const IIFE = '/dist/stcpay-otp.iife.js';

/** Replaces `object[name]` with `value` until the returned function puts it back. */
function without(object: object, name: string, value: unknown = undefined): () => void {
  const original = Object.getOwnPropertyDescriptor(object, name)!;
  Object.defineProperty(object, name, { configurable: true, writable: true, value });
  return () => Object.defineProperty(object, name, original);
}

describe('where the browser lacks something', () => {
  it('without custom elements, the script fails and the content inside the tag stays', async () => {
    // A page of its own, so the script's error is that page's, as in an old browser.
    const frame = document.createElement('iframe');
    frame.srcdoc = `
      <script>
        window.errors = [];
        window.onerror = (message, source, line, column, error) => void errors.push(error);
        Object.defineProperty(window, 'customElements', { value: undefined });
      </script>
      <stcpay-otp transaction-no="1679123751896" total="10"><a href="#paylink">Pay on Paylink's page</a></stcpay-otp>
      <script src="${location.origin}${IIFE}"></script>
    `;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    const page = frame.contentWindow as Window & { errors: unknown[] };
    try {
      expect(page.errors).to.have.length(1);
      expect(page.errors[0]).to.be.instanceOf((page as unknown as typeof globalThis).TypeError);
      const el = page.document.querySelector('stcpay-otp')!;
      expect(el.shadowRoot).to.equal(null);
      expect(el.querySelector('a')!.getClientRects().length).to.be.above(0);
    } finally {
      frame.remove();
    }
  });

  it('without AbortSignal.throwIfAborted and Object.hasOwn (Safari before 15.4), sending ends in a network otp-error', async () => {
    await loadScript(`${IIFE}?old-safari`);
    const mock = mockPaylink();
    const el = await checkoutWithNumber(mock.baseUrl());
    const restore = [without(AbortSignal.prototype, 'throwIfAborted'), without(Object, 'hasOwn')];
    try {
      const { error } = await clickAndSettle(el, 'submit', 'otp-sent');
      expect(error).to.include({ code: 'network', retryable: true });
    } finally {
      restore.forEach((put) => put());
    }
    expect(await mock.requests()).to.deep.equal([]);
    expect(el.getAttribute('state')).to.equal('error');
  });
});
