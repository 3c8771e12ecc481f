/**
 * How a finding reads where space is short (a docked panel row, a terminal, a ticket): its
 * measured fact in one line, and the rest (the explanation, then the fix) for whoever opens
 * "why / how to fix". Rules write one message that starts with the fact; this only splits it,
 * so a rule's wording stays the single source of what it says.
 */
import type { Finding } from '../rules/types';

export interface FindingText {
  /** The measured fact, one sentence: "iat 133 s after the join (Zoom's clock, local +0.4 s) · iat = 14031763 × 128". */
  fact: string;
  /** The rest of the message (why it matters); '' when the message is a single sentence. */
  detail: string;
}

/** Abbreviations after which ". " does not end a sentence. */
const ABBREVIATIONS = /(?:\be\.g|\bi\.e|\bvs|\betc|\bcf|\bapprox|\bno)$/i;

/**
 * Index just past the first sentence's full stop, or -1 when the text is one sentence. A sentence
 * ends at ". " (or ": " never; colons keep the fact together) followed by something that can start
 * one; decimals ("1.7e9"), abbreviations ("e.g. ") and dotted names ("x.y") do not end it.
 */
export function firstSentenceEnd(text: string): number {
  const re = /[.!?](?=\s+["'`(A-Za-z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = text.slice(0, m.index);
    if (ABBREVIATIONS.test(before)) continue;
    return m.index + 1;
  }
  return -1;
}

/** The long reference-time phrase rules use, shortened for one line. */
export function shortReference(text: string): string {
  return text
    .replace(/the join time on Zoom's clock \(local clock ([+−-][\d.]+ s)[^)]*\)/g, "the join (Zoom's clock; local $1)")
    .replace(/the join time on the local clock \(no offset to Zoom's clock was measured\)/g, 'the join (local clock)');
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The fact and the explanation of one finding. */
export function findingText(f: Pick<Finding, 'id' | 'message' | 'data'>): FindingText {
  const message = f.message.trim();
  if (f.id === 'iat-quantized') {
    // The rule's message leads with the arithmetic and ends with this token's offset; the fact a
    // reader needs first is both, side by side.
    const div = num(f.data?.['iatDiv128']);
    const at = message.lastIndexOf('This one is ');
    const parts: string[] = [];
    if (at >= 0) parts.push(shortReference(`iat ${message.slice(at + 'This one is '.length).replace(/\.$/, '')}`));
    if (div !== null) parts.push(`iat = ${div} × 128`);
    if (parts.length) {
      const body = (at >= 0 ? message.slice(0, at) : message).trim();
      const firstEnd = firstSentenceEnd(body);
      return { fact: parts.join(' · '), detail: firstEnd > 0 ? body.slice(firstEnd).trim() : '' };
    }
  }
  const end = firstSentenceEnd(message);
  if (end < 0) return { fact: shortReference(message.replace(/\.$/, '')), detail: '' };
  return { fact: shortReference(message.slice(0, end).replace(/\.$/, '')), detail: message.slice(end).trim() };
}
