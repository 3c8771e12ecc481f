/**
 * What a join's arguments say, with every secret gone: the facts the args-* rules read and the
 * only form stored, shown or exported. Made at the first trusted boundary (the relay's validation
 * of the hook's event, lib/protocol/validate.ts; the HAR reader for a wc/info body), so no
 * passcode, zak, obfToken, tk or signature value travels past it.
 */

/** A passcode's shape, never its characters. */
export interface PasscodeShape {
  length: number;
  /** Contains %XX (URL-encoded, e.g. `%40` for `@`): copied from a query string without decoding. */
  percentEncoded: boolean;
  /** Leading or trailing whitespace. */
  edgeSpaces: boolean;
  /** Whitespace inside. */
  innerSpaces: boolean;
}

export interface JoinArgFacts {
  /** Where the facts come from: the hooked join call (names as the page wrote them) or the wc/info form (the SDK's own names). */
  from: 'call' | 'wire';
  /** Argument names given with a non-empty value, sorted (callbacks and empty strings excluded). */
  keys: string[];
  /** The passcode's shape (`passWord` or `password`, whichever was given), when one was. */
  passcodeShape?: PasscodeShape | null;
}

const MAX_KEYS = 64;
const KEY = /^[A-Za-z_$][\w$]{0,39}$/;

export function passcodeShape(v: string): PasscodeShape {
  return { length: v.length, percentEncoded: /%[0-9A-Fa-f]{2}/.test(v), edgeSpaces: v !== v.trim(), innerSpaces: /\S\s+\S/.test(v) };
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && v !== '[function]' && typeof v !== 'function';
}

/**
 * Masks a join-argument object (as the hook's `safe()` serialised it, or a wc/info form) into facts.
 * Anything that is not a plain object gives null. Linear in the number of keys, capped.
 */
export function joinArgFacts(raw: unknown, from: JoinArgFacts['from']): JoinArgFacts | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const keys: string[] = [];
  let passcode: PasscodeShape | null = null;
  let seen = 0;
  for (const k of Object.keys(raw)) {
    if (++seen > MAX_KEYS * 4) break;
    const v = (raw as Record<string, unknown>)[k];
    if (!KEY.test(k) || !present(v)) continue;
    if (keys.length < MAX_KEYS) keys.push(k);
    if ((k === 'passWord' || k === 'password') && typeof v === 'string' && passcode === null) passcode = passcodeShape(v);
  }
  keys.sort();
  return { from, keys, ...(passcode ? { passcodeShape: passcode } : {}) };
}

/** A stored or received facts object is well-formed (validation of what crosses later boundaries). */
export function isJoinArgFacts(v: unknown): v is JoinArgFacts {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (o.from !== 'call' && o.from !== 'wire') return false;
  if (!Array.isArray(o.keys) || o.keys.length > MAX_KEYS || !o.keys.every((k) => typeof k === 'string' && KEY.test(k))) return false;
  if (o.passcodeShape === undefined || o.passcodeShape === null) return true;
  const p = o.passcodeShape as Record<string, unknown>;
  return typeof p === 'object' && typeof p.length === 'number' && typeof p.percentEncoded === 'boolean' && typeof p.edgeSpaces === 'boolean' && typeof p.innerSpaces === 'boolean';
}
