/** Shared reading of the captured join arguments for the args-* rules (lib/model/join-args.ts). */
import type { JoinAttempt } from '../../model/attempt';
import type { JoinArgFacts } from '../../model/join-args';

/** The masked argument facts of a Meeting SDK join, when the capture saw them. */
export function argsOf(a: JoinAttempt): JoinArgFacts | null {
  return a.sdk === 'video' || !a.args ? null : a.args;
}

export function has(args: JoinArgFacts, key: string): boolean {
  return args.keys.includes(key);
}

/**
 * The join passed a zak. On the wire the SDK sends it as `zsk` (measured, 6.2.0, both views; with
 * `ulsm=1`), so a HAR tells it too.
 */
export function hasZak(args: JoinArgFacts): boolean {
  return args.from === 'call' ? has(args, 'zak') : has(args, 'zsk');
}

/** The SDK code of a failed join, or null. */
export function failureCode(a: JoinAttempt): number | null {
  return a.outcome.kind === 'failure' ? a.outcome.code : null;
}

/** Zoom's words of a failed join (server message, else the SDK's), lower-cased, or ''. */
export function failureWords(a: JoinAttempt): string {
  const o = a.outcome;
  return o.kind === 'failure' ? `${o.serverMessage ?? ''} ${o.message ?? ''}`.toLowerCase() : '';
}
