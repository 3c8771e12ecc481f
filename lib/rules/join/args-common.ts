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

/** The SDK code of a failed join, or null. */
export function failureCode(a: JoinAttempt): number | null {
  return a.outcome.kind === 'failure' ? a.outcome.code : null;
}

/** Zoom's words of a failed join (server message, else the SDK's), lower-cased, or ''. */
export function failureWords(a: JoinAttempt): string {
  const o = a.outcome;
  return o.kind === 'failure' ? `${o.serverMessage ?? ''} ${o.message ?? ''}`.toLowerCase() : '';
}
