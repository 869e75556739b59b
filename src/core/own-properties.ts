/**
 * Which of an element's members a framework's template may set: the Vue and Svelte template
 * types. Types only.
 */
import type { LitElement } from 'lit';

/** The keys of `T` whose properties can be assigned. */
export type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K>;
}[keyof T];
type IfEquals<X, Y, A> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : never;

/** An element's own settable properties, without methods or what every Lit element has. */
export type OwnPropertyKeys<E> = {
  [K in WritableKeys<E>]: K extends keyof LitElement
    ? never
    : E[K] extends (...args: never[]) => unknown
      ? never
      : K;
}[WritableKeys<E>];
