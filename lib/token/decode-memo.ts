/**
 * decodeSignature for a stream of joins that repeat their tokens (an app retrying with the
 * signature it already has, a support session replaying a handful of backends' tokens). The panel
 * keeps one analysis per join for as long as the session is open; decoding the same text again for
 * each of 100,000 joins kept 100,000 copies of the same header, payload and members (~3 KB each)
 * and left the garbage collector pauses of 100 ms and more to copy and mark them.
 *
 * Keyed by the exact string, so two joins share a decoded token only when the page passed the
 * same characters; a decoded token depends on nothing else (no clock, no secret). Shared tokens
 * are frozen, so a consumer that tried to change one for its own join fails loudly instead of
 * changing every other join's.
 */
import type { DecodedToken } from './types';
import { decodeSignature } from './decode';

/** Distinct strings kept: well above a session's distinct tokens, a few MB at most. Past it, tokens decode unshared. */
export const DECODE_MEMO_MAX = 4096;

/** Freezes a decoded token and everything in it, with an explicit stack (a hostile payload may nest thousands deep). */
function deepFreeze(root: object): void {
  const todo: object[] = [root];
  while (todo.length > 0) {
    const o = todo.pop()!;
    if (Object.isFrozen(o)) continue;
    Object.freeze(o);
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') todo.push(v);
  }
}

export type Decode = (input: unknown) => DecodedToken;

/** A decodeSignature that returns the same frozen DecodedToken for the same string, up to `max` distinct strings. */
export function decodeMemo(max = DECODE_MEMO_MAX): Decode {
  const kept = new Map<string, DecodedToken>();
  return (input) => {
    if (typeof input !== 'string') return decodeSignature(input);
    const hit = kept.get(input);
    if (hit) return hit;
    const token = decodeSignature(input);
    if (kept.size < max) {
      deepFreeze(token);
      kept.set(input, token);
    }
    return token;
  };
}
