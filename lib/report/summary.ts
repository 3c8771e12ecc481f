import { OUTCOME_LABEL, classifyOutcome } from '../correlate';
import type { OutcomeClass } from '../correlate/types';
import { OUTCOME_CLASSES } from '../correlate/types';
import type { ExportedItem, JoinDoctorExport } from './schema';
import { successLabel } from '../model/attempt';

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
