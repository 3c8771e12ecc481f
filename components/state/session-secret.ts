/**
 * The SDK secret for the whole session, in memory only. A support engineer with 39 failures from
 * one backend pastes the secret once; every attempt's token is checked with it (each distinct
 * token once), and the log, the groups and the exports then carry secret-mismatch /
 * secret-swapped / secret-whitespace where they apply.
 *
 * Deliberately apart from the panel store: nothing that snapshots, exports or persists the
 * panel's state can reach the secret. It is never written to storage, never sent in a message,
 * and dropped when the panel document goes away (pagehide) or the user clears it. What outlives
 * it is only what the rules concluded (e.g. "does not verify"), never the secret.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { JoinAttempt } from '../../lib/model/attempt';
import type { SecretVerification } from '../../lib/rules/types';
import { decodeSignature } from '../../lib/token/decode';
import { verifySecret } from '../../lib/verify-secret';
import { redactKnownSecret } from '../../lib/report/redact-secret';

export interface SessionSecretState {
  /** Present while the user's secret is set; never exported (see module comment). */
  secret: string;
  key: string;
  /** Verifications by exact token text. */
  byToken: Map<string, SecretVerification>;
  checking: boolean;
  /** Bumped whenever a verification lands, so analyses and views recompute. */
  version: number;
}

const initial = (): SessionSecretState => ({ secret: '', key: '', byToken: new Map(), checking: false, version: 0 });

export const sessionSecret = createStore<SessionSecretState>(() => initial());

/** Subscribe a component to the secret's results (not to the secret itself). */
export function useSecretVersion(): number {
  return useStore(sessionSecret, (s) => s.version);
}

export function useSessionSecret<T>(pick: (s: SessionSecretState) => T): T {
  return useStore(sessionSecret, pick);
}

/**
 * What the panel shows, without the session secret in any form the rules try (trimmed, base64/hex,
 * inside a token's payload segment: lib/report/redact-secret.ts). A swapped backend sends the
 * secret as appKey, so the claim table, the raw payload, the messages and the signature row would
 * all show it; only the secret's own input field may.
 */
export function withoutSessionSecret<T>(value: T): T {
  const { secret } = sessionSecret.getState();
  return secret ? redactKnownSecret(value, secret) : value;
}

/** The verification of this attempt's token with the session secret, when one is set and done. */
export function verificationFor(a: JoinAttempt): SecretVerification | undefined {
  const s = sessionSecret.getState();
  if (!s.secret || typeof a.signature !== 'string') return undefined;
  return s.byToken.get(a.signature);
}

let run = 0;

/**
 * Sets the secret (and optional key) for the session and checks every distinct token in
 * `attempts`. Attempts captured later are checked by `verifyNewAttempts`.
 */
export async function setSessionSecret(secret: string, key: string, attempts: readonly JoinAttempt[]): Promise<void> {
  const mine = ++run;
  sessionSecret.setState({ secret, key, byToken: new Map(), checking: true, version: sessionSecret.getState().version + 1 });
  await verifyTokens(attempts, mine);
}

/** Checks tokens of attempts that arrived after the secret was set. Cheap when there are none. */
export async function verifyNewAttempts(attempts: readonly JoinAttempt[]): Promise<void> {
  const s = sessionSecret.getState();
  if (!s.secret) return;
  if (!attempts.some((a) => typeof a.signature === 'string' && !s.byToken.has(a.signature))) return;
  await verifyTokens(attempts, run);
}

async function verifyTokens(attempts: readonly JoinAttempt[], mine: number): Promise<void> {
  const todo = new Set<string>();
  const { byToken } = sessionSecret.getState();
  for (const a of attempts) if (typeof a.signature === 'string' && !byToken.has(a.signature)) todo.add(a.signature);
  if (todo.size === 0) {
    if (mine === run) sessionSecret.setState({ checking: false });
    return;
  }
  sessionSecret.setState({ checking: true });
  const found = new Map<string, SecretVerification>();
  for (const token of todo) {
    const { secret, key } = sessionSecret.getState();
    if (mine !== run || !secret) return; // cleared or replaced meanwhile
    found.set(token, await verifySecret(decodeSignature(token), secret, key || undefined));
  }
  if (mine !== run) return;
  const next = new Map(sessionSecret.getState().byToken);
  for (const [t, v] of found) next.set(t, v);
  sessionSecret.setState((s) => ({ byToken: next, checking: false, version: s.version + 1 }));
}

export function clearSessionSecret(): void {
  run++;
  sessionSecret.setState((s) => ({ ...initial(), version: s.version + 1 }));
}

/** How the session's tokens fared, for the summary next to the field. */
export interface SecretTally {
  tokens: number;
  verify: number;
  verifyTrimmed: number;
  swapped: number;
  mismatch: number;
  unverifiable: number;
}

export function tallyVerifications(byToken: ReadonlyMap<string, SecretVerification>): SecretTally {
  const t: SecretTally = { tokens: byToken.size, verify: 0, verifyTrimmed: 0, swapped: 0, mismatch: 0, unverifiable: 0 };
  for (const v of byToken.values()) {
    if (v.unverifiable) t.unverifiable++;
    else if (v.verifies) t.verify++;
    else if (v.whitespaceVariant) t.verifyTrimmed++;
    else if (v.verifiesSwapped) t.swapped++;
    else t.mismatch++;
  }
  return t;
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => clearSessionSecret());
