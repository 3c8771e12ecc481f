/**
 * Answers many rules ask of the same token, worked out once per analysis instead of once per rule:
 * which Zoom token it is (classifyForeignToken: asked by ~30 rules through sdkPayload,
 * signaturePayload and videoPayload), which backend wrote it (inferGenerator: asked by every
 * finding's fix), and its iat and exp in seconds (epochSeconds: asked by every time rule). analyseDecodedToken opens a scope for the token it analyses and closes it before it
 * returns; the helpers that compute an answer keep it in the scope. Outside a scope (a rule run on its
 * own, a test) they compute it every time. The scope belongs to one token object during one
 * synchronous run of the catalogue, so nothing outlives it and a token changed later is read afresh.
 */
import type { DecodedToken } from '../token/types';

/** Which other Zoom token a payload is (token-not-sdk-jwt.ts classifyForeignToken). */
export interface ForeignToken {
  kind: 'video-sdk' | 'oauth' | 'rest-api';
  evidence: string[];
}

/** What lang.ts infers about the generator (kept structural here so this module imports nothing). */
export interface GuessLike {
  lang: string;
  evidence: string;
}

/** `undefined`: not asked yet in this scope. */
export interface TokenFacts {
  readonly token: DecodedToken;
  foreign: ForeignToken | null | undefined;
  guess: GuessLike | null | undefined;
  /** iat and exp as claim-values.ts epochSeconds reads them (about a dozen reads per token). */
  iat: number | null | undefined;
  exp: number | null | undefined;
}

let current: TokenFacts | null = null;

/** The facts of `token` when an analysis of exactly this token object is running; null otherwise. */
export function factsOf(token: DecodedToken): TokenFacts | null {
  return current !== null && current.token === token ? current : null;
}

/**
 * Opens the scope of `token` and returns the scope it replaces, which the caller hands back to
 * closeFactScope in a `finally` (an analysis started inside a rule keeps the outer one intact).
 */
export function openFactScope(token: DecodedToken): TokenFacts | null {
  const outer = current;
  current = { token, foreign: undefined, guess: undefined, iat: undefined, exp: undefined };
  return outer;
}

export function closeFactScope(outer: TokenFacts | null): void {
  current = outer;
}
