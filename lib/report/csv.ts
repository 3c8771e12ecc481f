import type { JoinDoctorExport } from './schema';
import { answerFix, iatOffsetFor, isoMs, itemWords } from './report-facts';
import { fixLayout, introSentence, langHeading, plainText } from './fix-text';
import { escapeControls } from './control-chars';

/**
 * `#` is the row number the Markdown and HTML reports use; `outcome`, `verdict`, `primaryCause` and
 * `fix` are the answer line's words (lib/correlate/words.ts), so a spreadsheet says what the panel
 * says: a failed join is FAIL, never the token's "warn".
 */
const COLUMNS = [
  '#', 'id', 'calledAt', 'api', 'method', 'outcome', 'code', 'serverMessage', 'verdict', 'primaryCause', 'fix', 'findings', 'meetingNumber',
  'mn', 'appKey', 'iat', 'exp', 'iatMinusJoinS', 'issuer', 'signature', 'sdk', 'topic', 'tpc',
] as const;

/** The fix in one cell: what to change and the backend language's line, code as plain text. */
function fixCell(fix: string | null): string | null {
  if (!fix) return null;
  const f = fixLayout(fix);
  return plainText(f.lang === null ? f.intro : `${introSentence(f.intro)} ${langHeading(f)}: ${f.line}`);
}

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP CSV injection). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Where a spreadsheet may start a new cell inside ours: the separators of every locale (`,`;
 * `;` where the decimal mark is a comma, as in most of Europe; tab; `|`) and line breaks. Excel
 * in a `;` locale splits `x;=1+3` at the `;` whatever our quotes say (a quote that does not open
 * its field is literal), so guarding only the first character ran `=1+3`.
 */
const SEPARATOR = new Set([',', ';', '\t', '|', '\n', '\r']);

/**
 * Our choice: every part of a cell that some locale could read as a cell of its own gets a
 * leading apostrophe when it starts (after spaces and quotes) with = + - @ tab or CR, so the
 * cell `x;=1+3` is written `x;'=1+3` and `a,=HYPERLINK(…)` as `a,'=HYPERLINK(…)`. The text stays
 * readable and the apostrophe says "text" to Excel, LibreOffice and Sheets alike.
 */
export function neutraliseFormulas(s: string): string {
  let out = '';
  let last = 0;
  for (let b = 0; b <= s.length; b++) {
    if (b > 0 && !SEPARATOR.has(s.charAt(b - 1))) continue;
    let j = b;
    while (j < s.length && (s.charAt(j) === ' ' || s.charAt(j) === '"' || s.charAt(j) === "'")) j++;
    if (j < s.length && FORMULA_START.has(s.charAt(j)) && s.charAt(b) !== "'") {
      out += `${s.slice(last, b)}'`;
      last = b;
    }
  }
  return out + s.slice(last);
}

/**
 * One CSV cell. Text (anything but the numbers we computed) has its control characters shown as
 * `\uXXXX` and its formula starts neutralised in every position (neutraliseFormulas). RFC 4180:
 * quoted when it holds a comma, quote or line break, quotes doubled.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = String(v);
  else s = neutraliseFormulas(escapeControls(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per attempt, CRLF line ends (RFC 4180), header row first. */
export function renderCsv(exp: JoinDoctorExport): string {
  const rows: string[] = [COLUMNS.join(',')];
  exp.items.forEach((item, i) => {
    const a = item.attempt;
    const w = itemWords(exp, item);
    const showsCause = w.kind !== 'joined' && w.kind !== 'pending';
    const p = item.analysis.payload ?? {};
    const o = a.outcome;
    const cells: unknown[] = [
      i + 1,
      a.id,
      isoMs(a.calledAt),
      a.api,
      a.method ?? '',
      w.outcome,
      o.kind === 'failure' ? o.code : null,
      o.kind === 'failure' ? (o.serverMessage ?? o.message) : o.kind === 'silent-refusal' ? o.reason : null,
      w.verdict,
      showsCause ? w.cause : null,
      showsCause || w.kind === 'pending' ? fixCell(answerFix(w)) : null,
      item.analysis.findings.map((f) => f.id).join(' '),
      a.meetingNumber === null || a.meetingNumber === undefined ? null : String(a.meetingNumber),
      p['mn'] === undefined ? null : typeof p['mn'] === 'string' ? p['mn'] : JSON.stringify(p['mn']),
      typeof p['appKey'] === 'string' ? p['appKey'] : null,
      typeof p['iat'] === 'number' ? p['iat'] : p['iat'] === undefined ? null : JSON.stringify(p['iat']),
      typeof p['exp'] === 'number' ? p['exp'] : p['exp'] === undefined ? null : JSON.stringify(p['exp']),
      iatOffsetFor(exp, a.id),
      a.issuer?.url ?? null,
      a.signature,
      // Added last so existing column positions stay put (issue 11): the SDK, the Video SDK topic and tpc.
      a.sdk ?? 'meeting',
      typeof a.topic === 'string' ? a.topic : null,
      typeof p['tpc'] === 'string' ? p['tpc'] : null,
    ];
    rows.push(cells.map(csvCell).join(','));
  });
  return `${rows.join('\r\n')}\r\n`;
}
