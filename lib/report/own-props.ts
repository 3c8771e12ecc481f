/**
 * Claims and fields are named by whoever wrote the token, the page or the file: `__proto__`,
 * `constructor` and `prototype` are data like any other name. `out[key] = v` with key
 * `__proto__` sets the copy's prototype instead (the claim vanished from exports and its contents
 * read as inherited claims), so copies define their properties.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `obj[key]` only when it is the object's own property: never Object.prototype's `constructor` or `toString`. */
export function ownValue(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}
