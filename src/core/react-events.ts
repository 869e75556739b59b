/**
 * The React wrappers' event props, typed from the elements' event map: `onOtpSent` gets an
 * `otp-sent` event with its detail, as addEventListener does, with no cast per event.
 */
import type { EventName } from '@lit/react';
import type { PaylinkEventMap } from './events.js';

type EventProps<E extends Record<string, keyof PaylinkEventMap>> = {
  [P in keyof E]: EventName<PaylinkEventMap[E[P]]>;
};

/** `{onOtpSent: 'otp-sent'}` as `@lit/react` takes it, each name typed with its event. */
export function eventProps<const E extends Record<string, keyof PaylinkEventMap>>(
  events: E,
): EventProps<E> {
  // EventName is a branded string: the names are the same strings, typed by the map.
  return events as unknown as EventProps<E>;
}
