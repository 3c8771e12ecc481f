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
    // The longest abbreviation ("approx") and the character before it, for \b, is all the test
    // reads: giving it the whole prefix at every full stop made "no. no. no. …" quadratic.
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (ABBREVIATIONS.test(before)) continue;
    return m.index + 1;
  }
  return -1;
}

/** Index of the parenthesis closing the one opened just before `from`, or -1 (nested pairs counted). */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

const ZOOM_CLOCK = "the join time on Zoom's clock (";
const LOCAL_CLOCK = 'the join time on the local clock (';

/**
 * The long reference-time phrase rules use ("the join time on Zoom's clock (local clock +0.4 s
 * ±0.6 s, measured from the Date of its own join answer (zoom.us))"), shortened for one line to
 * "the join (Zoom's clock; local +0.4 s ±0.6 s)". Where it was measured stays in the explanation.
 */
export function shortReference(text: string): string {
  // One pass over the original text, each phrase found once: a message quoting the phrase many
  // times (claims are quoted into messages) stays linear.
  let out = '';
  let from = 0;
  let z = text.indexOf(ZOOM_CLOCK);
  let l = text.indexOf(LOCAL_CLOCK);
  while (z >= 0 || l >= 0) {
    const zoom = z >= 0 && (l < 0 || z < l);
    const at = zoom ? z : l;
    const open = at + (zoom ? ZOOM_CLOCK : LOCAL_CLOCK).length;
    const close = closingParen(text, open);
    if (close < 0) break;
    const offset = /^local clock ([+−-][\d.]+ s(?: ±[\d.]+ s)?)/.exec(text.slice(open, Math.min(close, open + 40)));
    out += text.slice(from, at) + (zoom ? `the join (Zoom's clock${offset ? `; local ${offset[1]}` : ''})` : 'the join (local clock)');
    from = close + 1;
    if (z >= 0 && z < from) z = text.indexOf(ZOOM_CLOCK, from);
    if (l >= 0 && l < from) l = text.indexOf(LOCAL_CLOCK, from);
  }
  return out + text.slice(from);
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
