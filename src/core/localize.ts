import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogFor, catalogLang, messagesFor } from '../i18n/catalogs.js';
import type { CodeMessages, Messages } from '../i18n/messages.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Every connected host, re-rendered when any `lang` attribute in the document changes. */
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

function watchLang(host: Host): void {
  hosts.add(host);
  observer ??= new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  if (hosts.size === 1)
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
}

function unwatchLang(host: Host): void {
  hosts.delete(host);
  if (hosts.size === 0) observer?.disconnect();
}

/**
 * The language an element speaks: its own `lang`, else the closest ancestor's (across shadow
 * roots), else the document's, else English.
 */
export function resolveLang(element: Element): string {
  for (let node: Element | null = element; node;) {
    if (node.getAttribute('lang')) return node.getAttribute('lang')!;
    node =
      node.parentElement ??
      ((node.getRootNode() as ShadowRoot).host as Element | undefined) ??
      null;
  }
  return document.documentElement.lang || 'en';
}

/**
 * Gives its host the messages and direction of the language it resolves to,
 * and re-renders it when a `lang` attribute changes anywhere in the document.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: Host;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    watchLang(this.host);
  }

  hostDisconnected(): void {
    unwatchLang(this.host);
  }

  /** The built-in language in use: `en` or `ar`. */
  get lang(): string {
    return catalogLang(resolveLang(this.host));
  }

  get dir(): 'ltr' | 'rtl' {
    return catalogFor(this.lang).dir;
  }

  messages(overrides?: Partial<Messages>, more?: Readonly<Record<string, CodeMessages>>): Messages {
    return messagesFor(this.lang, overrides, more);
  }
}
