import type { JoinDoctorExport } from './schema';
import { answerFix, answerHeadline, explainOnce, exportWords, groupLang, isoMs, itemWords, reportTitle, summarySentence } from './report-facts';
import { FixesSeen, fixLayout, introSentence, langHeading } from './fix-text';
import type { Lang } from '../rules/lang';
import { issuerShort } from './html';
import { mdCode, mdLine, mdRich, mdText } from './markdown-text';
import { ownValue } from './own-props';

const md = mdText;
const code = mdCode;

/** How many attempts the compact table lists before it says "and N more (see the JSON)". */
export const MAX_TABLE_ROWS = 200;

/**
 * A ticket report: it opens with the answer (the most likely cause and how many failures it
 * covers), then the causes, the evidence, each rule's explanation and fix once, and a compact
 * table of attempts (time, meeting, outcome, primary cause, issuer). Tokens, payloads and every
 * finding of every attempt are in the JSON export, not here: 40 joins make a page, not 100 KB.
 */
export function renderMarkdown(exp: JoinDoctorExport): string {
  const c = exp.correlation;
  const out: string[] = [];
  const top = c.causes[0];
  const n = exp.items.length;
  const index = new Map(exp.items.map((item, i) => [item.attempt.id, i]));
  const numbers = (ids: readonly string[], max = 20) =>
    ids.slice(0, max).map((id) => (index.has(id) ? `#${index.get(id)! + 1}` : code(id))).join(', ') + (ids.length > max ? ` and ${ids.length - max} more` : '');
  const words = exportWords(exp);
  // The language of the headline group's tokens, not the session's: a mixed session's Java tokens
  // say nothing about the Node backend whose clock runs ahead.
  const lang = groupLang(exp, words.group?.attemptIds ?? []);
  out.push(`# ${md(reportTitle(exp))}`, '');
  // The answer first: the headline group's cause, then its fix (taken from an attempt of that
  // group, never from the first finding with the same rule id elsewhere in the session).
  const headline = answerHeadline(exp, words);
  if (top && headline) {
    out.push(`**${md(headline)}**`, '');
    const fix = top.kind !== 'unexplained' || words.answer?.kind === 'check-secret' || words.answer?.kind === 'check-account' ? answerFix(words.answer) : null;
    if (fix) out.push(...mdFix(fix, lang, '**Fix:**'), '');
  }
  out.push(mdLine(summarySentence(exp)), '');
  // A session holding both SDKs' joins: say how each fared (issue 11).
  if (c.sdks && c.sdks.length > 1) {
    out.push('| SDK | joins | failed | succeeded |', '|---|---:|---:|---:|');
    for (const k of c.sdks) out.push(`| ${k.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'} | ${md(k.attempts)} | ${md(k.failures)} | ${md(k.successes)} |`);
    out.push('');
  }

  out.push('## Failures by cause', '');
  if (c.causes.length === 0) out.push('No failures to explain.');
  c.causes.forEach((x, i) =>
    out.push(
      `${i + 1}. ${x.ruleIds.length ? `${code(x.ruleIds.join(' + '))} ` : ''}(${md(x.kind)}): ${mdRich(x.text)}` +
        `. Attempts ${numbers(x.attemptIds)}.`,
    ),
  );
  out.push('');

  out.push('## Evidence', '');
  if (c.offsets.split) out.push(`- iat vs join time: ${md(c.offsets.split.text)}.`);
  out.push(`- Quantisation: ${md(c.quantization.text)}`);
  for (const e of c.endpoints) out.push(`- Endpoint ${md(e.text)}.`);
  out.push('');

  if (c.unexplained.attemptIds.length > 0) {
    out.push('## Failures no rule explains', '', `${mdLine(c.unexplained.text)} Attempts: ${numbers(c.unexplained.attemptIds)}.`, '');
    for (const chk of c.unexplained.checks) out.push(`- ${mdRich(chk.text)}`);
    out.push('');
  }

  const explained = explainOnce(exp);
  if (explained.length) {
    out.push('## Findings explained (once per rule)', '');
    // Two rules giving the same per-language lines (iat-future and iat-quantized on a Java token) share one fix.
    const fixes = new FixesSeen();
    for (const x of explained) {
      out.push(`- ${code(x.id)} (${md(x.severity)}, ${x.attempts} of ${n} ${n === 1 ? 'attempt' : 'attempts'}): ${mdRich(x.title)}.${x.detail ? ` ${mdRich(x.detail)}` : ''}`);
      const same = fixes.seen(x.fix, x.id);
      if (same) out.push(`  Fix: as for ${code(same)}.`);
      else out.push(...mdFix(x.fix, null, 'Fix:').map((l) => `  ${l}`));
    }
    out.push('');
  }

  out.push('## Attempts', '');
  out.push(
    `Times are the page's clock in UTC. The primary cause is what explains each failed attempt (the groups above); every finding, the decoded payload and the ${exp.redacted ? 'redacted ' : ''}signature of each attempt are in the JSON export.`,
    '',
  );
  out.push('| # | time (UTC) | meeting | outcome | primary cause | issuer |', '|---:|---|---|---|---|---|');
  const mixedSdks = (c.sdks?.length ?? 0) > 1;
  exp.items.slice(0, MAX_TABLE_ROWS).forEach((item, i) => {
    const a = item.attempt;
    // Which SDK, when it is not the only one: a Video SDK row names its topic, a Meeting SDK row its meeting.
    const sdkNote = a.sdk === 'video' || mixedSdks ? ` (${a.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'}${a.sdkVersion ? ` ${md(a.sdkVersion)}` : ''})` : '';
    const target = a.sdk === 'video' ? (typeof a.topic === 'string' ? md(a.topic) : '') : a.meetingNumber === undefined || a.meetingNumber === null ? '' : md(a.meetingNumber);
    const meeting = `${target}${sdkNote}`;
    // An imported export's id is anybody's string, `__proto__` included: only the map's own entries.
    const w = itemWords(exp, item);
    const cause = item.primaryCause ?? (ownValue(c.primary, a.id) as typeof item.primaryCause);
    // Unexplained failures share one long title; the groups above say it once. A 3712 on a token
    // that passes every check says what to check, as the answer line does.
    const causeText = !cause ? '' : cause.ruleIds.length ? code(cause.ruleIds.join(' + ')) : w.kind === 'check-secret' || w.kind === 'check-account' ? md(w.cause) : '_no rule_';
    out.push(
      `| ${i + 1} | ${md(isoMs(a.calledAt).slice(0, 19).replace('T', ' '))} | ${meeting} | ${w.verdict} ${md(w.outcome)} | ${causeText} | ${a.issuer?.url ? md(issuerShort(a.issuer.url)) : ''} |`,
    );
  });
  if (exp.items.length > MAX_TABLE_ROWS) out.push('', `… and ${exp.items.length - MAX_TABLE_ROWS} more attempts in the JSON export.`);
  out.push('');
  if (exp.redacted) out.push('_Redacted: signatures lost their HMAC segment; passcodes, user tokens and e-mails are not included._', '');
  out.push(`<sub>join-doctor ${md(exp.tool.version)}, export schema ${md(exp.schemaVersion)}</sub>`, '');
  return out.join('\n');
}

/**
 * A fix in Markdown: what to change and the line for the backend's language on one line, then the
 * other languages once, on the next. Code is code (mdRich), never literal backticks or `to\\_i`.
 */
export function mdFix(fix: string, lang: Lang | null, label: string): string[] {
  const f = fixLayout(fix, lang);
  if (f.lang === null) return [`${label} ${mdRich(f.intro)}`];
  const lines = [`${label} ${mdRich(introSentence(f.intro))} ${md(langHeading(f))}: ${mdRich(f.line)}`];
  if (f.others.length) lines.push(`Other languages: ${f.others.map((o) => `${md(o.label)}: ${mdRich(o.text)}`).join('; ')}.`);
  return lines;
}
