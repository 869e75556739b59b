/** Reading an element's shadow DOM, and loading a script as a page does. Imports no src/. */

/** The node of `el`'s shadow root with `part` `name`; throws when there is none. */
export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string): T {
  const node = el.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!node) throw new Error(`<${el.localName}> shows no part "${name}"`);
  return node;
}

/** Whether `el`'s shadow root has a node with `part` `name` now. */
export function hasPart(el: Element, name: string): boolean {
  return el.shadowRoot?.querySelector(`[part~="${name}"]`) != null;
}

/** The text of part `name` as it reads, trimmed. */
export function text(el: Element, name: string): string {
  return part(el, name).textContent!.trim();
}

/** Adds a script tag for `src` and waits until it has run (or failed to load). */
export function loadScript(src: string, type: 'classic' | 'module' = 'classic'): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    if (type === 'module') script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** The errors the page throws during the calling describe block's tests, for them to check. */
export function watchPageErrors(): unknown[] {
  const pageErrors: unknown[] = [];
  const onError = (event: ErrorEvent) => pageErrors.push(event.error ?? event.message);
  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));
  return pageErrors;
}
