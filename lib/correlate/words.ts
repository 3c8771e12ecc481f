/**
 * The words every view uses for one attempt and for a session: the outcome word, the verdict, the
 * cause line, the fix and the counts. The panel (components/state/format.ts, the answer line), the
 * reports (lib/report: Markdown, HTML, CSV) and the CLI (`join-doctor har`, `join-doctor check`)
 * all read them from here, so a join cannot be "signature accepted" in one place and "success" in
 * another, or WARN in a ticket and FAIL in the panel (issue 21, "One wording everywhere").
 *
 * Outcome words (docs/cli.md "One wording everywhere"):
 * - "success": the join's own callback or promise said it joined.
 * - "signature accepted by Zoom": all that was seen is Zoom's `status: true` answer to the join
 *   request (a HAR, a bundled SDK seen on the wire): the signature passed, the join's end is unknown.
 * - "unknown": the record cannot show how the join ended (a HAR without response bodies).
 * - "pending": still waiting for an answer (live only).
 * - "superseded: …": the SDK replaced this join's request with the page's next identical join
 *   (React StrictMode in development); not a failure.
 */
import { SIGNATURE_ACCEPTED_LABEL, type JoinAttempt, type Outcome } from '../model/attempt';
import { attemptAnswer, type AnswerInput, type AttemptAnswer } from './answer';
import { classifyOutcome, OUTCOME_LABEL } from './outcome';
import type { CauseGroup, Correlation, OutcomeClass, PrimaryCause } from './types';
import { OUTCOME_CLASSES } from './types';

export const SUCCESS_WORD = 'success';
export const SIGNATURE_ACCEPTED_WORD = SIGNATURE_ACCEPTED_LABEL;
export const UNKNOWN_WORD = 'unknown';
export const PENDING_WORD = 'pending';

/** A pending outcome the record will never complete (a HAR that did not keep the answer). */
export function isUnseen(o: Outcome | null | undefined): boolean {
  return o?.kind === 'pending' && o.unseen === true;
}

/**
 * One line for an outcome: "success", "signature accepted by Zoom", "3712 Invalid signature.",
 * "200 Verify JWT failed" (a Video SDK join shows the SDK's reason: its 200 covers several server
 * answers), "silent refusal: …", "timeout after 30 s", "unknown", "pending".
 */
export function outcomeWords(o: Outcome, sdk?: JoinAttempt['sdk']): string {
  switch (o.kind) {
    case 'success':
      return o.acceptedOnly ? SIGNATURE_ACCEPTED_WORD : SUCCESS_WORD;
    case 'failure': {
      const code = o.code ?? o.serverCode ?? null;
      const msg = (sdk === 'video' ? o.message || o.serverMessage : o.serverMessage || o.message) || o.type || 'failed';
      return code === null ? msg : `${code} ${msg}`;
    }
    case 'silent-refusal':
      return `silent refusal: ${o.reason}`;
    case 'timeout':
      return `timeout after ${Math.round(o.afterMs / 100) / 10} s`;
    case 'superseded':
      return `superseded: ${o.reason}`;
    case 'pending':
      return o.unseen ? UNKNOWN_WORD : PENDING_WORD;
  }
}

/** The label of an outcome class in counts ("3712 Invalid signature", "unknown" for a HAR's pending). */
export function outcomeClassWord(cls: OutcomeClass, unseen = false): string {
  return cls === 'pending' && unseen ? UNKNOWN_WORD : OUTCOME_LABEL[cls];
}

export interface NamedOutcomeCount {
  outcome: OutcomeClass;
  /** "3712 Invalid signature", "3705 The signature has expired.", "silent refusal", "unknown". */
  label: string;
  count: number;
}

/**
 * Counts by outcome with the other failures named by their code and message instead of lumped
 * as "1 other failure": a 3705 next to 3712s is a different cause and must say so. A success
 * seen only as Zoom's accepted answer is counted as "signature accepted by Zoom", apart from joins
 * whose own callback said success.
 */
export function namedOutcomeCounts(outcomes: Iterable<Outcome | null | undefined>): NamedOutcomeCount[] {
  const byKey = new Map<string, NamedOutcomeCount>();
  for (const o of outcomes) {
    const cls = classifyOutcome(o);
    let label = outcomeClassWord(cls, isUnseen(o));
    if (cls === 'success' && o?.kind === 'success' && o.acceptedOnly) label = SIGNATURE_ACCEPTED_WORD;
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

/** "2 × 3712 Invalid signature · 5 × success". */
export function countsLine(counts: readonly NamedOutcomeCount[]): string {
  return counts.map((o) => `${o.count} × ${o.label}`).join(' · ');
}

/** What one attempt says in a report row or a CLI line: outcome, verdict, cause and fix. */
export interface AttemptWords extends AttemptAnswer {
  outcome: string;
}

/** An attempt's words; `primary` is its cause from the session's correlation (for failures). */
export function attemptWords(item: AnswerInput, primary?: PrimaryCause | null): AttemptWords {
  return { ...attemptAnswer(item, primary), outcome: outcomeWords(item.attempt.outcome, item.attempt.sdk) };
}

/** What a session says first: the headline group, its answer (the fix comes from this group) and the counts. */
export interface SessionWords {
  /** The group the headline and the title name (correlation.causes[0]); null without failures. */
  group: CauseGroup | null;
  /** The answer of the headline group's first attempt: its fix is the report's fix. */
  answer: AttemptAnswer | null;
  counts: NamedOutcomeCount[];
}

/**
 * The session's answer. The fix is the fix of an attempt *in the headline group*, never the first
 * finding with the same rule id anywhere (a mixed session titled "Java Math.round" once said
 * "NTP-sync and back-date 30 s", the fix of another attempt's iat-future).
 */
export function sessionWords(items: readonly AnswerInput[], correlation: Pick<Correlation, 'causes' | 'primary'>, primaryOf?: (item: AnswerInput, index: number) => PrimaryCause | null | undefined): SessionWords {
  const group = correlation.causes[0] ?? null;
  const counts = namedOutcomeCounts(items.map((i) => i.attempt.outcome));
  if (!group) return { group: null, answer: null, counts };
  const first = group.attemptIds[0];
  const index = first === undefined ? -1 : items.findIndex((i) => String(i.attempt.id) === first);
  const item = index < 0 ? undefined : items[index];
  if (!item) return { group, answer: null, counts };
  const primary = primaryOf?.(item, index) ?? (Object.hasOwn(correlation.primary, first!) ? correlation.primary[first!] : group);
  return { group, answer: attemptAnswer(item, primary), counts };
}
