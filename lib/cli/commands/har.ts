/**
 * `join-doctor har FILE.har`: diagnoses the joins in a HAR file exported from a customer's
 * DevTools. The file is streamed from disk (lib/har/read-file.ts), not read through io.readFile:
 * HARs of hundreds of MB are normal. Redacted unless `--include-full-tokens`.
 */
import { previousJoins } from '../../capture/previous-join';
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { usage } from '../../errors';
import type { Command } from '../types';
import { writeJsonPretty } from '../json-out';
import { analyseAttempt } from '../../attempt-context';
import { readHarFile } from '../../har/read-file';
import { sanitizeHarFile, type SanitizeFileSummary } from '../../har/sanitize-file';
import { REMOVED_KINDS, type RemovedKind } from '../../har/sanitize';
import { clockText, harSectionMarkdown } from '../../har/har-section';
import type { HarImport } from '../../har/types';
import { buildExport, renderMarkdown } from '../../report';
import { redactForDisplay } from '../../report/redact';
import type { JoinDoctorExport } from '../../report';
import { affectsJoin, classifyOutcome } from '../../correlate';
import { plural } from '../../correlate/causes';
import { answerFix, answerHeadline, exportWords, groupLang, itemWords } from '../../report/report-facts';
import { FixesSeen, plainText } from '../../report/fix-text';
import { fixLines } from '../fix-lines';
import { findingText } from '../../report/finding-text';
import { outputWidth, wrapText } from '../terminal';
import type { Finding } from '../../rules/types';

const HELP = `Usage: join-doctor har FILE.har [--format text|md|json] [--json] [--include-full-tokens]
       join-doctor har --sanitize OUT.har FILE.har

Diagnoses the Zoom Meeting SDK joins in a HAR file (DevTools > Network > Export HAR): the SDK's
wc/info requests and Zoom's answers, the signature endpoint that issued each token, and Zoom's
clock from its Date headers. Streams the file: HARs of hundreds of MB are fine.

  --format text   per-attempt findings, likely causes, clock offset (default)
  --format md     a ticket-ready Markdown report
  --format json   (or --json) a Join Doctor export (opens with \`join-doctor report\` and the panel),
                  plus a "har" key: clock offset, what the HAR was missing, per-attempt entry indexes
  --include-full-tokens   keep full signatures (a credential for up to 48 h); redacted by default
  --sanitize OUT.har      write a copy safe to share instead: cookies, Authorization and other
                          credential headers, passcodes, zak/tk/obfToken, e-mail addresses and every
                          JWT's HMAC segment replaced by <removed:…> markers; JWT headers and payloads,
                          timings, status codes, Date headers and Zoom's answers kept, so the copy
                          diagnoses the same (docs/sanitize.md). Streams: any size.

Exit status: 0 no failed join in the HAR, 1 failed joins found, 2 usage error or unreadable/invalid HAR.`;

export const HAR_USAGE = 'Usage: join-doctor har FILE.har [--format text|md|json] [--json] [--include-full-tokens] | har --sanitize OUT.har FILE.har';

type HarFormat = 'text' | 'md' | 'json';

export interface HarArgs {
  file: string;
  format: HarFormat;
  full: boolean;
  help: boolean;
  /** Where to write the sanitized copy (`--sanitize OUT.har`); null to diagnose. */
  sanitize: string | null;
}

export function parseHarArgs(argv: string[]): HarArgs {
  const { values, positionals } = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, format: { type: 'string', short: 'f' }, 'include-full-tokens': { type: 'boolean' }, sanitize: { type: 'string' } },
    'har',
  );
  if (values['help']) return { file: '', format: 'text', full: false, help: true, sanitize: null };
  const sanitize = typeof values['sanitize'] === 'string' ? values['sanitize'] : null;
  if (sanitize !== null) {
    if (sanitize === '') usage('har: --sanitize needs the path of the file to write.');
    // A sanitized copy is the one output: a report would be a second file with other rules.
    if (values['json'] || values['format'] !== undefined || values['include-full-tokens']) usage('har: --sanitize writes a HAR; --format, --json and --include-full-tokens do not apply to it.');
    if (positionals.length !== 1) usage(`har: expected one HAR file to sanitize, got ${positionals.length}.\n${HAR_USAGE}`);
    return { file: positionals[0]!, format: 'text', full: false, help: false, sanitize };
  }
  const format = values['json'] ? 'json' : ((values['format'] ?? 'text') as string);
  if (format !== 'text' && format !== 'md' && format !== 'json') usage(`har: --format must be text, md or json (got ${JSON.stringify(format)}).`);
  if (positionals.length !== 1) usage(`har: expected one HAR file, got ${positionals.length}.\n${HAR_USAGE}`);
  return { file: positionals[0]!, format, full: values['include-full-tokens'] === true, help: false, sanitize: null };
}

/** Attempts, analyses and the export for one HAR import. */
export function diagnoseHar(imp: HarImport, opts: { includeFullTokens?: boolean; createdAt?: Date } = {}): JoinDoctorExport {
  const prev = previousJoins(imp.attempts);
  const items = imp.attempts.map((attempt) => ({ attempt, analysis: analyseAttempt(attempt, { previous: prev.get(attempt) ?? null }) }));
  const hosts = new Set(imp.attempts.map((a) => hostOf(a.pageUrl)).filter((h): h is string => h !== null));
  return buildExport(items, { source: 'har', pageHost: hosts.size === 1 ? [...hosts][0]! : null, includeFullTokens: opts.includeFullTokens, createdAt: opts.createdAt });
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The Markdown report with the HAR section (clock, what was missing) before the outcomes. */
export function harMarkdown(exp: JoinDoctorExport, imp: HarImport, fileName: string | null): string {
  const report = renderMarkdown(exp);
  const section = harSectionMarkdown(imp, fileName);
  const at = report.indexOf('## Failures by cause');
  return at === -1 ? `${report}\n${section}` : `${report.slice(0, at)}${section}\n${report.slice(at)}`;
}

/**
 * The terminal report: the answer first (verdict, the headline group's cause and its fix), then one
 * block per attempt in the answer line's words (outcome, verdict from the outcome: a failed join is
 * never "warn"), with only the findings that bear on that join; what does not (page isolation, iat
 * quantisation on an accepted join) is said once at the end, with how many attempts carry it.
 */
export function harText(exp: JoinDoctorExport, imp: HarImport, fileName: string): string {
  const n = exp.items.length;
  const out: string[] = [`${fileName}: ${imp.stats.entries} ${plural(imp.stats.entries, 'entry', 'entries')}, ${n} join ${plural(n, 'attempt')}`, clockText(imp), ''];
  const c = exp.correlation;
  const words = exportWords(exp);
  const headline = answerHeadline(exp, words);
  if (headline) {
    out.push(`FAIL  ${c.failures} of ${n} ${plural(n, 'join')} failed. ${headline}`);
    const fix = answerFix(words.answer);
    if (fix) out.push(...fixLines(fix, groupLang(exp, words.group?.attemptIds ?? []), '      ', 'fix:'));
  } else out.push(`OK    no failed join (${n} ${plural(n, 'attempt')})`);
  out.push('');
  const folded = new Map<string, { f: Finding; attempts: number }>();
  exp.items.forEach((item, i) => {
    const a = item.attempt;
    const w = itemWords(exp, item);
    const when = Number.isFinite(a.calledAt) ? new Date(a.calledAt).toISOString() : 'time unknown';
    out.push(`${a.id}  ${when}  ${a.method ?? a.api}  ${w.outcome}  ${w.verdict}`);
    if (w.kind !== 'joined' && w.kind !== 'pending') out.push(`  cause: ${w.cause}`);
    if (a.issuer?.url) out.push(`  issued by ${redactForDisplay(a.issuer.url)}${a.issuer.serverDate ? ` (Date ${new Date(a.issuer.serverDate).toUTCString()})` : ''}`);
    const d = imp.details[i];
    if (d && !d.signatureRecorded) out.push('  signature not recorded in the HAR');
    const cls = classifyOutcome(a.outcome);
    const seenHere = new Set<string>();
    for (const f of item.analysis.findings) {
      if (affectsJoin(f, cls)) out.push(`  ${f.severity.padEnd(9)}${f.id}: ${plainText(findingText(f).fact)}`);
      // The outcome restated ("the join failed with 3712") is the outcome line's; not a note.
      else if (f.data?.restatesOutcome !== true && !seenHere.has(f.id)) {
        seenHere.add(f.id);
        const x = folded.get(f.id);
        if (x) x.attempts += 1;
        else folded.set(f.id, { f, attempts: 1 });
      }
    }
  });
  out.push('', 'Failures by cause:');
  if (c.causes.length === 0) out.push('  no failures to explain');
  c.causes.forEach((x, i) => out.push(`  ${i + 1}. ${x.text}${x.ruleIds.length ? ` [${x.ruleIds[0]}]` : ''}`));
  if (c.offsets.split) out.push(`  iat vs join time: ${c.offsets.split.text}`);
  if (c.quantization.verdict !== 'none') out.push(`  ${c.quantization.text}`);
  const shown = exp.items.flatMap((item) => {
    const cls = classifyOutcome(item.attempt.outcome);
    return item.analysis.findings.filter((f) => affectsJoin(f, cls));
  });
  out.push(...explainedOnce(shown));
  if (folded.size) {
    out.push('', 'Notes that decide no join (said once, not per attempt):');
    for (const { f, attempts } of folded.values()) out.push(`  ${f.id} (${attempts} of ${n} ${plural(n, 'attempt')}): ${plainText(f.title)}`);
  }
  if (imp.warnings.length) {
    out.push('', 'Missing from the HAR:');
    for (const w of imp.warnings) out.push(`  - ${w.message}`);
  }
  return out.join('\n') + '\n';
}

/** Each rule's explanation and fix once, after the attempts that only named its measured fact. */
export function explainedOnce(findings: readonly Finding[]): string[] {
  const seen = new Set<string>();
  const fixes = new FixesSeen();
  const out: string[] = [];
  for (const f of findings) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    if (out.length === 0) out.push('', 'Why, and how to fix (once per rule):');
    const { detail } = findingText(f);
    out.push(`  ${f.id}: ${plainText(f.title)}.${detail ? ` ${plainText(detail)}` : ''}`);
    const same = fixes.seen(f.fix, f.id);
    if (same) out.push(`    fix: as for ${same}`);
    else out.push(...fixLines(f.fix, null, '    '));
  }
  return out;
}

/** The export with the HAR's own facts under an extra `har` key (readers of the export ignore it). */
export function harJson(exp: JoinDoctorExport, imp: HarImport): string {
  let out = '';
  writeHarJson(exp, imp, (chunk) => (out += chunk));
  return out;
}

/** The same text as harJson, written in pieces so a HAR of tens of thousands of joins never becomes one string. */
export function writeHarJson(exp: JoinDoctorExport, imp: HarImport, write: (chunk: string) => unknown): void {
  const { attempts: _attempts, ...har } = imp;
  writeJsonPretty({ ...exp, har }, write);
  write('\n');
}

const KIND_NAME: Record<RemovedKind, string> = {
  cookie: 'cookie values',
  'credential-header': 'credential headers (Authorization, X-Api-Key, x-zm-…)',
  passcode: 'passcodes',
  'user-token': 'user tokens (zak, tk, obfToken, OAuth tokens)',
  secret: 'values under a *secret* key',
  email: 'e-mail addresses',
  'jwt-hmac': 'JWT HMAC segments',
  oversized: 'strings over the size cap (never read by the diagnosis)',
};

/** What `har --sanitize` did, in a few lines (counts only: no removed value is ever printed). */
export function sanitizeText(s: SanitizeFileSummary, out: string): string {
  const lines = [`Wrote ${out}: ${s.entries} entries, ${s.bytesIn} bytes in, ${s.bytesOut} bytes out.`];
  const removed = REMOVED_KINDS.filter((k) => s.removed[k] > 0);
  if (removed.length === 0) lines.push('Nothing to remove was found.');
  else {
    lines.push('Removed (occurrences):');
    for (const k of removed) lines.push(`  ${String(s.removed[k]).padStart(7)}  ${KIND_NAME[k]}`);
  }
  lines.push('Kept: JWT headers and payloads, timings, status codes, Date/Age headers, Zoom\'s answers, SDK asset URLs. Check the file before you share it: see docs/sanitize.md.');
  return `${lines.join('\n')}\n`;
}

export const har: Command = {
  name: 'har',
  summary: 'diagnose the joins recorded in a HAR file from DevTools',
  help: HELP,
  async run(args, io) {
    const a = parseHarArgs(args);
    if (a.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (a.sanitize !== null) {
      const summary = await sanitizeHarFile(a.file, a.sanitize, { signal: io.signal });
      io.stdout.write(sanitizeText(summary, a.sanitize));
      return 0;
    }
    const imp = await readHarFile(a.file);
    const exp = diagnoseHar(imp, { includeFullTokens: a.full, createdAt: new Date(io.now()) });
    const name = path.basename(a.file);
    if (a.format === 'json') writeHarJson(exp, imp, (chunk) => io.stdout.write(chunk));
    else io.stdout.write(a.format === 'md' ? harMarkdown(exp, imp, name) : wrapText(harText(exp, imp, name), outputWidth(io.stdout, io.env)));
    return exp.correlation.failures > 0 ? 1 : 0;
  },
};
