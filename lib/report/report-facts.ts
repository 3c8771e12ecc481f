import { OUTCOME_LABEL, classifyOutcome } from '../correlate';
import type { OutcomeClass } from '../correlate/types';
import { OUTCOME_CLASSES } from '../correlate/types';
import type { ExportedItem, JoinDoctorExport } from './schema';
import { successLabel, type Outcome } from '../model/attempt';
import { findingText } from './finding-text';

const SOURCE_LABEL: Record<JoinDoctorExport['source'], string> = { live: 'live capture', har: 'HAR file', lab: 'lab run' };

export function outcomeOf(item: ExportedItem): OutcomeClass {
  return classifyOutcome(item.attempt.outcome);
}

/** "3712 (Invalid signature.)", "success", "silent refusal: no appKey", for one attempt. */
export function outcomeText(item: ExportedItem): string {
  const o = item.attempt.outcome;
  switch (o.kind) {
    case 'failure': {
      const msg = o.serverMessage ?? o.message;
      return `${o.code ?? 'failure'}${msg ? ` (${msg})` : ''}`;
    }
    case 'silent-refusal':
      return `silent refusal: ${o.reason}`;
    case 'timeout':
      return `timeout after ${Math.round(o.afterMs / 1000)} s`;
    case 'superseded':
      return `superseded: ${o.reason}`;
    case 'success':
      return successLabel(o);
    default:
      return o.kind;
  }
}

/** The counts by outcome in a fixed order, zero counts left out. */
export function outcomeCounts(exp: JoinDoctorExport): Array<{ outcome: OutcomeClass; label: string; count: number }> {
  return OUTCOME_CLASSES.map((c) => ({ outcome: c, label: OUTCOME_LABEL[c], count: exp.correlation.counts[c] ?? 0 })).filter((r) => r.count > 0);
}

const SUMMARY_VERB: Record<OutcomeClass, string> = {
  success: 'succeeded',
  'failure-3712': 'failed with 3712 (Invalid signature)',
  'failure-other': 'failed with another code',
  'silent-refusal': 'refused silently by the SDK',
  timeout: 'timed out',
  superseded: 'replaced by the SDK with the next identical join (not failures)',
  pending: 'pending',
};

/** One sentence: how many joins, where, from what, and how they ended. */
export function summarySentence(exp: JoinDoctorExport): string {
  const n = exp.items.length;
  const where = exp.pageHost ? ` on ${exp.pageHost}` : '';
  const parts = outcomeCounts(exp).map((r) => `${r.count} ${SUMMARY_VERB[r.outcome]}`);
  return `${n} join ${n === 1 ? 'attempt' : 'attempts'}${where} (${SOURCE_LABEL[exp.source] ?? exp.source}, exported ${exp.createdAt}): ${parts.length ? parts.join(', ') : 'none'}.`;
}

export function iatOffsetFor(exp: JoinDoctorExport, attemptId: string): number | null {
  const p = exp.correlation.offsets.points.find((x) => x.attemptId === attemptId);
  return p ? p.offset : null;
}

export function isoMs(epochMs: number): string {
  const d = new Date(epochMs);
  return Number.isNaN(d.getTime()) ? String(epochMs) : d.toISOString();
}

export interface NamedOutcomeCount {
  outcome: OutcomeClass;
  /** "3712 Invalid signature", "3705 The signature has expired.", "silent refusal". */
  label: string;
  count: number;
}

/**
 * Counts by outcome with the other failures named by their code and message instead of lumped
 * as "1 other failure": a 3705 next to 3712s is a different cause and must say so.
 */
export function namedOutcomeCounts(outcomes: Iterable<Outcome | null | undefined>): NamedOutcomeCount[] {
  const byKey = new Map<string, NamedOutcomeCount>();
  for (const o of outcomes) {
    const cls = classifyOutcome(o);
    let label = OUTCOME_LABEL[cls];
    if (cls === 'failure-other' && o?.kind === 'failure') {
      const code = o.code ?? o.serverCode ?? null;
      const msg = (o.serverMessage || o.message || o.type || '').trim();
      label = [code === null ? 'failure' : String(code), msg].filter(Boolean).join(' ');
    }
    const key = `${cls}\u0000${label}`;
    const hit = byKey.get(key);
    if (hit) hit.count += 1;
    else byKey.set(key, { outcome: cls, label, count: 1 });
  }
  const order = (c: OutcomeClass) => OUTCOME_CLASSES.indexOf(c);
  return [...byKey.values()].sort((a, b) => order(a.outcome) - order(b.outcome) || b.count - a.count || (a.label < b.label ? -1 : 1));
}

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
  const top = c.causes[0];
  if (!top) return `Join Doctor: no failed join${where} (${n} ${n === 1 ? 'attempt' : 'attempts'})`;
  return `Join Doctor: ${c.failures} of ${n} joins${where} failed: ${top.title}`;
}
