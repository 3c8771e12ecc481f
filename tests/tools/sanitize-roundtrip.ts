/**
 * The sanitizer's round trip, per recorded HAR fixture (and the fixture with a customer's
 * credentials planted, and any HAR files given as arguments): entries, values removed per kind,
 * whether the diagnosis is unchanged, leaks left (text, JSON-escaped, URL-encoded, base64 and
 * base64url at every alignment), bytes before and after. Prints a Markdown table.
 *
 *   npx tsx tests/tools/sanitize-roundtrip.ts [more.har …]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sanitizeHar, REMOVED_KINDS, type RemovedKind } from '../../lib/har/sanitize';
import { credentialHar, diagnosisOf, findLeaks } from './sanitize-check';

const FIXTURES = fileURLToPath(new URL('../unit/har/fixtures/', import.meta.url));

const SHORT: Record<RemovedKind, string> = {
  cookie: 'cookie',
  'credential-header': 'auth hdr',
  passcode: 'passcode',
  'user-token': 'zak/tk/obf',
  secret: 'secret',
  email: 'e-mail',
  'jwt-hmac': 'JWT HMAC',
  oversized: 'oversized',
};

export interface RoundTripRow {
  name: string;
  entries: number;
  removed: Record<RemovedKind, number>;
  diagnosisEqual: boolean | 'refused';
  leaks: number;
  bytesBefore: number;
  bytesAfter: number;
}

export async function roundTrip(name: string, text: string): Promise<RoundTripRow> {
  let out = '';
  const values: string[] = [];
  try {
    const s = await sanitizeHar(text, (c) => (out += c), { onRemoved: (_k, v) => values.push(v) });
    return {
      name,
      entries: s.entries,
      removed: s.removed,
      diagnosisEqual: (await diagnosisOf(out)) === (await diagnosisOf(text)),
      leaks: findLeaks(out, values).length,
      bytesBefore: Buffer.byteLength(text),
      bytesAfter: Buffer.byteLength(out),
    };
  } catch {
    const none = Object.fromEntries(REMOVED_KINDS.map((k) => [k, 0])) as Record<RemovedKind, number>;
    return { name, entries: 0, removed: none, diagnosisEqual: 'refused', leaks: 0, bytesBefore: Buffer.byteLength(text), bytesAfter: 0 };
  }
}

export function tableHeader(): string {
  return [
    `| HAR | entries | ${REMOVED_KINDS.map((k) => SHORT[k]).join(' | ')} | diagnosis equal | leaks | bytes before | bytes after |`,
    `|---|--:|${REMOVED_KINDS.map(() => '--:').join('|')}|---|--:|--:|--:|`,
  ].join('\n');
}

export function tableRow(r: RoundTripRow): string {
  const eq = r.diagnosisEqual === 'refused' ? 'refused (truncated: ERR_HAR_INVALID, nothing written)' : r.diagnosisEqual ? 'yes' : 'NO';
  return `| ${r.name} | ${r.entries} | ${REMOVED_KINDS.map((k) => r.removed[k]).join(' | ')} | ${eq} | ${r.leaks} | ${r.bytesBefore} | ${r.bytesAfter} |`;
}

async function mainCli(): Promise<void> {
  const rows: RoundTripRow[] = [];
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.har')).sort()) rows.push(await roundTrip(f, readFileSync(path.join(FIXTURES, f), 'utf8')));
  rows.push(await roundTrip('client-3712.har + planted credentials', credentialHar(readFileSync(path.join(FIXTURES, 'client-3712.har'), 'utf8')).har));
  for (const f of process.argv.slice(2)) rows.push(await roundTrip(path.basename(f), readFileSync(f, 'utf8')));
  console.log('Values removed are occurrences (a token in the request body, its form params and the backend response counts 3).');
  console.log(tableHeader());
  for (const r of rows) console.log(tableRow(r));
  if (rows.some((r) => r.diagnosisEqual === false || r.leaks > 0)) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await mainCli();
