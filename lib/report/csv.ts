import type { JoinDoctorExport } from './schema';
import { iatOffsetFor, isoMs, outcomeOf } from './report-facts';

const COLUMNS = [
  'id', 'calledAt', 'api', 'method', 'outcome', 'code', 'serverMessage', 'verdict', 'findings', 'meetingNumber',
  'mn', 'appKey', 'iat', 'exp', 'iatMinusJoinS', 'issuer', 'signature', 'sdk', 'topic', 'tpc',
] as const;

/**
 * One CSV cell. Strings that a spreadsheet would run as a formula (leading = + - @, tab or CR)
 * get a leading apostrophe (OWASP CSV injection); numbers we computed are written as they are.
 * RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = String(v);
  else {
    s = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per attempt, CRLF line ends (RFC 4180), header row first. */
export function renderCsv(exp: JoinDoctorExport): string {
  const rows: string[] = [COLUMNS.join(',')];
  for (const item of exp.items) {
    const a = item.attempt;
    const p = item.analysis.payload ?? {};
    const o = a.outcome;
    const cells: unknown[] = [
      a.id,
      isoMs(a.calledAt),
      a.api,
      a.method ?? '',
      outcomeOf(item),
      o.kind === 'failure' ? o.code : null,
      o.kind === 'failure' ? (o.serverMessage ?? o.message) : o.kind === 'silent-refusal' ? o.reason : null,
      item.analysis.verdict,
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
  }
  return `${rows.join('\r\n')}\r\n`;
}
