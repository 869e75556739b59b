/**
 * Event details as the host page gets them: a fresh copy, frozen all the way down, so a
 * listener can neither change what the element keeps, sends or shows, nor what the next
 * listener sees. For the plain data the elements dispatch (objects, arrays, primitives).
 */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const copy: unknown = Array.isArray(value)
    ? value.map((item: unknown) => frozenCopy(item))
    : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, frozenCopy(item)]));
  return Object.freeze(copy) as T;
}
