/**
 * The join log's one filter box, in the Network panel's syntax: terms separated by spaces, a
 * leading `-` negates a term, `key:value` filters one property, anything else is text searched in
 * what the row shows (and its finding ids and titles). Keys:
 *   status:3712   the outcome's code, or its kind (`status:success`, `status:timeout`, `status:refused`)
 *   rule:iat      a finding whose id starts with the value (`rule:iat -rule:iat-quantized`)
 *   sdk:video     the SDK (`meeting`/`m`, `video`/`v`)
 *   meeting:857   the meeting number (or Video SDK topic) contains the value
 *   cause:secret  the row's cause (the answer line) contains the value
 * An unknown key reads as text, as the Network panel does. Linear in the text: one split, no regex
 * that can backtrack.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { Finding } from '../../lib/rules/types';
import { describeOutcome, issuerLabel, methodLabel, outcomeCode } from './format';

export type FilterKey = 'text' | 'status' | 'rule' | 'sdk' | 'meeting' | 'cause';

export interface FilterTerm {
  key: FilterKey;
  /** Lower case. */
  value: string;
  negate: boolean;
}

const KEYS: Record<string, FilterKey> = {
  status: 'status',
  'status-code': 'status',
  code: 'status',
  rule: 'rule',
  sdk: 'sdk',
  meeting: 'meeting',
  topic: 'meeting',
  cause: 'cause',
};

/** The keys the box understands, for its placeholder and tooltip. */
export const FILTER_HELP = 'Filter: text, -text, status:3712, rule:iat, sdk:video, meeting:857…, cause:secret';

/** Bounded: a pasted novel filters by its first 64 terms. */
const MAX_TERMS = 64;

export function parseFilter(text: string): FilterTerm[] {
  const out: FilterTerm[] = [];
  for (const raw of text.toLowerCase().split(/\s+/)) {
    if (out.length >= MAX_TERMS) break;
    let t = raw;
    let negate = false;
    if (t.startsWith('-')) {
      negate = true;
      t = t.slice(1);
    }
    if (t === '') continue;
    const colon = t.indexOf(':');
    const key = colon > 0 ? KEYS[t.slice(0, colon)] : undefined;
    if (key) {
      const value = t.slice(colon + 1);
      if (value !== '') out.push({ key, value, negate });
      continue;
    }
    out.push({ key: 'text', value: t, negate });
  }
  return out;
}

export type FindingsOf = (a: JoinAttempt) => readonly Finding[];
/** The row's cause line, when the caller has it (the answer line); '' otherwise. */
export type CauseOf = (a: JoinAttempt) => string;

const STATUS_WORDS: Record<string, JoinAttempt['outcome']['kind']> = {
  success: 'success',
  ok: 'success',
  failure: 'failure',
  fail: 'failure',
  failed: 'failure',
  refused: 'silent-refusal',
  'silent-refusal': 'silent-refusal',
  timeout: 'timeout',
  superseded: 'superseded',
  replaced: 'superseded',
  pending: 'pending',
};

function statusMatches(a: JoinAttempt, v: string): boolean {
  const word = STATUS_WORDS[v];
  if (word) return a.outcome.kind === word;
  const code = outcomeCode(a.outcome);
  return code !== null && String(code) === v;
}

function sdkMatches(a: JoinAttempt, v: string): boolean {
  const sdk = a.sdk ?? 'meeting';
  return sdk === 'video' ? v === 'video' || v === 'v' || v === 'videosdk' : v === 'meeting' || v === 'm' || v === 'meetingsdk';
}

function meetingMatches(a: JoinAttempt, v: string): boolean {
  const m = a.sdk === 'video' ? a.topic : a.meetingNumber;
  return m !== undefined && m !== null && String(m).toLowerCase().replace(/\s+/g, '').includes(v);
}

/** Everything a text term looks at: what the row shows plus the finding ids and titles. */
export function rowText(a: JoinAttempt, findingsOf: FindingsOf, causeOf?: CauseOf): string {
  const parts = [methodLabel(a), String(a.meetingNumber ?? ''), a.topic ?? '', describeOutcome(a.outcome, a.sdk), a.issuer ? issuerLabel(a.issuer.url) : '', a.pageUrl ?? ''];
  if (causeOf) parts.push(causeOf(a));
  for (const x of findingsOf(a)) parts.push(x.id, x.title);
  return parts.join(' ').toLowerCase();
}

/** True when the attempt passes every term (terms AND together, as in the Network panel). */
export function matchesFilter(a: JoinAttempt, terms: readonly FilterTerm[], findingsOf: FindingsOf, causeOf?: CauseOf): boolean {
  let text: string | null = null;
  for (const t of terms) {
    let hit: boolean;
    switch (t.key) {
      case 'status':
        hit = statusMatches(a, t.value);
        break;
      case 'rule':
        hit = findingsOf(a).some((f) => f.id.toLowerCase().startsWith(t.value));
        break;
      case 'sdk':
        hit = sdkMatches(a, t.value);
        break;
      case 'meeting':
        hit = meetingMatches(a, t.value);
        break;
      case 'cause':
        hit = (causeOf ? causeOf(a) : '').toLowerCase().includes(t.value);
        break;
      case 'text':
        text ??= rowText(a, findingsOf, causeOf);
        hit = text.includes(t.value);
        break;
    }
    if (hit === t.negate) return false;
  }
  return true;
}

/** Only these keys need an attempt's findings (its analysis); a plain status filter analyses nothing. */
export function needsFindings(terms: readonly FilterTerm[]): boolean {
  return terms.some((t) => t.key === 'rule' || t.key === 'text' || t.key === 'cause');
}
