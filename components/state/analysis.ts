/**
 * Analyses attempts lazily and once: the engine runs for an attempt the first time something asks
 * (a row scrolling into view, the inspector, a rule filter, the correlation view), and the result
 * is kept for as long as that attempt object lives and the session secret's results are the same.
 * Attempts are replaced, never mutated, when they change (a pending join settling), so a new
 * object means a fresh analysis; a secret check landing bumps the version and re-runs the rules
 * with it.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { Analysis, Finding } from '../../lib/rules/types';
import { analyseAttempt } from '../../lib/attempt-context';
import { decodeMemo } from '../../lib/token/decode-memo';
import { sessionSecret, verificationFor, withoutSessionSecret } from './session-secret';
import { sessionIndex, type SessionIndex } from './session-index';

/**
 * Analyses of the secret version `cacheVersion`; a new version starts a new map rather than
 * storing the version beside each of 100,000 analyses (one object less per join for the
 * garbage collector to copy and mark).
 */
let cache = new WeakMap<JoinAttempt, Analysis>();
let cacheVersion = 0;
/**
 * Joins that sent the same signature share its decoded token (lib/token/decode-memo.ts). The memo
 * keys on the signatures themselves, credentials for up to 48 h: it is dropped with the log
 * (forgetClearedJoins), so a cleared session's tokens are not kept for as long as DevTools is open.
 */
let decode = decodeMemo();
/**
 * One copy of each finding text the cache holds: joins with the same cause say the same
 * paragraphs (a kilobyte or more each), and 100,000 copies of them were most of what the garbage
 * collector had to mark. Keyed by the text itself, so only equal texts are shared; started afresh
 * with the cache when the secret's results change. Past the bound, texts are kept as they come.
 */
let texts = new Map<string, string>();
const TEXTS_MAX = 20_000;

function kept(s: string): string {
  const hit = texts.get(s);
  if (hit !== undefined) return hit;
  // A text the rules built piece by piece stays a tree of twenty string nodes until something reads
  // it whole. Converting it to a number reads it whole: V8 flattens it into one string in place
  // and the collector drops the tree (the trick of the flatstr package).
  void (Number(s) | 0);
  if (texts.size < TEXTS_MAX) texts.set(s, s);
  return s;
}

/** The log was cleared: the decoded tokens and texts kept for sharing go with it (analyses still shown keep their own). */
export function forgetClearedJoins(): void {
  decode = decodeMemo();
  texts = new Map();
}

function withKeptTexts(analysis: Analysis): Analysis {
  if (analysis.findings.length === 0) return analysis;
  const findings = analysis.findings.map((f) => ({ ...f, title: kept(f.title), message: kept(f.message), fix: kept(f.fix) }));
  return { ...analysis, findings };
}
/** Analyses shown as a file recorded them (a redacted export: lib/triage/export-session.ts), never re-run. */
const preset = new WeakMap<JoinAttempt, Analysis>();

export function presetAnalysis(a: JoinAttempt, analysis: Analysis): void {
  preset.set(a, analysis);
}
/** The join before each join of the same page (args-join-repeated), from the index of whichever list was noted last. */
let noted: SessionIndex | null = null;

/** Makes the list's previous joins the ones analyses see; O(1) for a list the store derived (components/state/session-index.ts). */
export function notePreviousJoins(attempts: readonly JoinAttempt[]): void {
  noted = sessionIndex(attempts);
}

export function analysisOf(a: JoinAttempt): Analysis {
  const recorded = preset.get(a);
  if (recorded) return recorded;
  const version = sessionSecret.getState().version;
  if (version !== cacheVersion) {
    cache = new WeakMap();
    texts = new Map();
    cacheVersion = version;
  }
  const hit = cache.get(a);
  if (hit) return hit;
  const verification = verificationFor(a);
  const prev = noted?.previous.get(a) ?? null;
  // Everything on screen and in exports starts here: the session secret is scrubbed once, at the source.
  const analysis = withKeptTexts(withoutSessionSecret(analyseAttempt(a, { ...(verification ? { verification } : {}), previous: prev, decode })));
  cache.set(a, analysis);
  return analysis;
}

export function findingsOf(a: JoinAttempt): readonly Finding[] {
  return analysisOf(a).findings;
}

/** The finding the log shows: the engine orders findings most severe first. */
export function topFindingOf(a: JoinAttempt): Finding | null {
  return analysisOf(a).findings[0] ?? null;
}
