import { classifyOutcome } from '../correlate';
import type { OutcomeClass } from '../correlate/types';
import type { ExportedItem, JoinDoctorExport } from './schema';
import { attemptWords, countsLine, namedOutcomeCounts, outcomeWords, sessionWords, type AttemptWords, type SessionWords } from '../correlate/words';
import type { PrimaryCause } from '../correlate/types';
import { plural } from '../correlate/causes';
import { ownValue } from './own-props';
import { sessionLangOfFixes } from './fix-text';
import type { Lang } from '../rules/lang';
import { findingText } from './finding-text';

const SOURCE_LABEL: Record<JoinDoctorExport['source'], string> = { live: 'live capture', har: 'HAR file', lab: 'lab run' };

export function outcomeOf(item: ExportedItem): OutcomeClass {
  return classifyOutcome(item.attempt.outcome);
}

/** The outcome's words for one attempt (lib/correlate/words.ts, the panel's words too). */
export function outcomeText(item: ExportedItem): string {
  return outcomeWords(item.attempt.outcome, item.attempt.sdk);
}


/**
 * One sentence: how many joins, where, from what, and how they ended, in the outcome words every
 * view uses ("6 × 3712 Invalid signature · 18 × signature accepted by Zoom"): said once, not as a
 * sentence and again as a counts line.
 */
export function summarySentence(exp: JoinDoctorExport): string {
  const n = exp.items.length;
  const where = exp.pageHost ? ` on ${exp.pageHost}` : '';
  const counts = countsLine(namedOutcomeCounts(exp.items.map((i) => i.attempt.outcome)));
  return `${n} join ${plural(n, 'attempt')}${where} (${SOURCE_LABEL[exp.source] ?? exp.source}, exported ${exp.createdAt}): ${counts || 'none'}.`;
}

/** The session's answer (lib/correlate/words.ts): the headline group, its answer and fix, the counts. */
export function exportWords(exp: JoinDoctorExport): SessionWords {
  return sessionWords(exp.items, exp.correlation, (item) => (item as ExportedItem).primaryCause);
}

/** One exported attempt's words: outcome, verdict (from the outcome: a failed join is never WARN), cause and fix. */
export function itemWords(exp: JoinDoctorExport, item: ExportedItem): AttemptWords {
  const primary = item.primaryCause ?? (ownValue(exp.correlation.primary, item.attempt.id) as PrimaryCause | undefined);
  return attemptWords(item, primary ?? null);
}

/** "FAIL · iat in the future, …": the answer in the words of the panel's answer line. */
export function answerLine(a: Pick<AttemptWords, 'verdict' | 'cause'>): string {
  return `${a.verdict} · ${a.cause}`;
}

export function iatOffsetFor(exp: JoinDoctorExport, attemptId: string): number | null {
  const p = exp.correlation.offsets.points.find((x) => x.attemptId === attemptId);
  return p ? p.offset : null;
}

export function isoMs(epochMs: number): string {
  const d = new Date(epochMs);
  return Number.isNaN(d.getTime()) ? String(epochMs) : d.toISOString();
}

export { namedOutcomeCounts, type NamedOutcomeCount } from '../correlate/words';

export interface ExplainedRule {
  id: string;
  severity: string;
  title: string;
  /** The explanation after the fact (lib/report/finding-text.ts). */
  detail: string;
  fix: string;
  /** Attempts carrying the rule. */
  attempts: number;
}

/**
 * Each rule seen in the export once, with its explanation and fix, in order of first appearance
 * (the engine puts the most severe first). Linear in the number of findings.
 */
export function explainOnce(exp: JoinDoctorExport): ExplainedRule[] {
  const byId = new Map<string, ExplainedRule>();
  for (const item of exp.items) {
    const seenHere = new Set<string>();
    for (const f of item.analysis.findings) {
      let x = byId.get(f.id);
      if (!x) {
        x = { id: f.id, severity: f.severity, title: f.title, detail: findingText(f).detail, fix: f.fix, attempts: 0 };
        byId.set(f.id, x);
      }
      if (!seenHere.has(f.id)) {
        seenHere.add(f.id);
        x.attempts += 1;
      }
    }
  }
  return [...byId.values()];
}

/** "Join Doctor: 12 of 40 joins on app.example.com failed: iat in the future, from Java Math.round …". */
export function reportTitle(exp: JoinDoctorExport): string {
  const c = exp.correlation;
  const n = exp.items.length;
  const where = exp.pageHost ? ` on ${exp.pageHost}` : '';
  if (!c.causes[0]) return `Join Doctor: no failed join${where} (${n} ${plural(n, 'attempt')})`;
  // The cause is the next line's (the answer): a title that named it too said it twice.
  return `Join Doctor: ${c.failures} of ${n} ${plural(n, 'join')}${where} failed`;
}

/**
 * The line under the title: what the headline group is, in the answer line's words. A failure the
 * token cannot explain says what to check ("Token looks valid: check the secret"), the way the
 * panel does, not "No rule explains…".
 */
export function answerHeadline(exp: JoinDoctorExport, w: SessionWords = exportWords(exp)): string | null {
  const g = w.group;
  if (!g) return null;
  const a = w.answer;
  if (a && (a.kind === 'check-secret' || a.kind === 'check-account')) return `${a.cause} (${g.failures} of ${g.ofFailures} ${plural(g.ofFailures, 'failure')})`;
  return exp.correlation.headline;
}

/**
 * The fix of an answer for a reader who is not in the panel: a report or a terminal has no secret
 * field "below", so the secret check says where to make it.
 */
export function answerFix(a: AttemptWords | SessionWords['answer']): string | null {
  if (!a) return null;
  if (a.kind === 'check-secret') return CHECK_SECRET_FIX_ELSEWHERE;
  return a.fix;
}

export const CHECK_SECRET_FIX_ELSEWHERE =
  "Verify the token with the app's Client Secret (the panel's Verify with secret, or `join-doctor check --secret-env VAR TOKEN`): a wrong, re-generated or swapped secret signs a token that passes every other check, and only the HMAC shows it.";

/** The language the given attempts' fixes point to, the most common first (lib/report/fix-text.ts). */
export function groupLang(exp: JoinDoctorExport, attemptIds: readonly string[]): Lang | null {
  const ids = new Set(attemptIds);
  return sessionLangOfFixes(exp.items.filter((i) => ids.has(i.attempt.id)).flatMap((i) => i.analysis.findings.map((f) => f.fix)));
}
