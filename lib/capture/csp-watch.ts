/**
 * CSP refusals that concern Zoom, seen by the relay (ISOLATED world): `securitypolicyviolation`
 * events reach every world's listeners, and there the page cannot replace the event's getters, so
 * the page hook need not watch them (its byte budget, scripts/build/hook-budget.ts). Kept: a
 * violation whose blocked URI or source file is Zoom's or one of the SDK's `/av/` assets (the
 * wasm-eval refusal of its media code), at most MAX_CSP_EVENTS_PER_DOCUMENT per document.
 */
import type { HookCspEvent } from '../protocol/messages';

export const MAX_CSP_EVENTS_PER_DOCUMENT = 20;

/** The fields of a SecurityPolicyViolationEvent this reads. */
export interface CspViolationView {
  blockedURI: string;
  sourceFile: string;
  effectiveDirective: string;
}

/** Counts per document: one watcher per relay. */
export function cspWatcher(): (e: CspViolationView, at: number) => HookCspEvent | null {
  let kept = 0;
  return (e, at) => {
    const seen = e.blockedURI + e.sourceFile;
    if (kept >= MAX_CSP_EVENTS_PER_DOCUMENT || !(seen.includes('zoom') || seen.includes('/av/'))) return null;
    kept++;
    return { t: 'csp', d: e.effectiveDirective, u: e.blockedURI, at };
  };
}
