/**
 * Types only: what the React wrappers let a page pass.
 *
 * `@lit/react` sets every prop whose name the element's class has as a property of the
 * element. Its types allow every public member, so, left as they are, `state={...}` would
 * type-check and then throw (a getter has no setter), and `send={...}` would replace a method.
 */
import type { LitElement } from 'lit';
import type { ComponentProps, ElementType } from 'react';

/**
 * The props of the `@lit/react` component `C`, without Lit's own members, the read-only
 * `state`, and the element's `Methods`.
 */
export type ElementProps<C extends ElementType, Methods extends string> = Omit<
  ComponentProps<C>,
  Exclude<keyof LitElement, keyof HTMLElement> | 'state' | Methods
>;
