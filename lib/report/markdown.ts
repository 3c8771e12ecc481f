import type { JoinDoctorExport } from './schema';
import { iatOffsetFor, isoMs, outcomeCounts, outcomeText, summarySentence } from './summary';

/** Text from tokens and pages: neutralise HTML and line breaks, escape Markdown's table pipe. */
function md(text: unknown): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** A code span that survives backticks inside the value. */
function code(text: unknown): string {
  const s = String(text).replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${s}${longest ? ' ' : ''}${fence}`;
}

/**
 * A ticket-ready Markdown report: the summary, counts by outcome and ranked likely causes come
 * first, then the evidence (iat split, quantisation, endpoints, unexplained failures), and the
 * per-attempt detail last.
 */
export function renderMarkdown(exp: JoinDoctorExport): string {
  const c = exp.correlation;
  const out: string[] = ['# Join Doctor report', '', md(summarySentence(exp)), ''];
  const top = c.causes[0];
  if (top) out.push(`**${md(c.headline)}**`, '');

  out.push('## Outcomes', '', '| outcome | attempts |', '|---|---:|');
  for (const r of outcomeCounts(exp)) out.push(`| ${md(r.label)} | ${r.count} |`);
  out.push('');
  // A session holding both SDKs' joins: say how each fared (issue 11).
  if (c.sdks && c.sdks.length > 1) {
    out.push('| SDK | joins | failed | succeeded |', '|---|---:|---:|---:|');
    for (const k of c.sdks) out.push(`| ${k.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'} | ${k.attempts} | ${k.failures} | ${k.successes} |`);
    out.push('');
  }

  out.push('## Failures by cause', '');
  if (c.causes.length === 0) out.push('No failures to explain.');
  c.causes.forEach((x, i) => out.push(`${i + 1}. ${x.ruleIds[0] ? `${code(x.ruleIds.join(' + '))} ` : ''}(${x.kind}): ${md(x.text)}.`));
  out.push('');

  out.push('## Evidence', '');
  if (c.offsets.split) out.push(`- iat vs join time: ${md(c.offsets.split.text)}.`);
  out.push(`- Quantisation: ${md(c.quantization.text)}`);
  for (const e of c.endpoints) out.push(`- Endpoint ${md(e.text)}.`);
  out.push('');

  if (c.unexplained.attemptIds.length > 0) {
    out.push('## Failures no rule explains', '', md(c.unexplained.text), '');
    for (const chk of c.unexplained.checks) out.push(`- ${md(chk.text)}`);
    out.push('');
  }

  out.push('## Attempts', '');
  if (exp.redacted) out.push('_Signatures are redacted (third segment removed); passcodes, user tokens and e-mails are not included._', '');
  exp.items.forEach((item, i) => {
    const a = item.attempt;
    const offset = iatOffsetFor(exp, a.id);
    out.push(`### ${i + 1}. ${md(a.id)}: ${md(outcomeText(item))}`, '');
    out.push(`- Called: ${isoMs(a.calledAt)} via ${code(a.method ?? a.api)} (${a.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'}${a.sdkVersion ? ` ${md(a.sdkVersion)}` : ''})`);
    if (a.sdk === 'video' && typeof a.topic === 'string') out.push(`- Session topic: ${code(a.topic)}`);
    if (a.meetingNumber !== undefined && a.meetingNumber !== null) out.push(`- Meeting number: ${code(a.meetingNumber)}`);
    if (a.issuer?.url) out.push(`- Issued by: ${code(a.issuer.url)}`);
    if (offset !== null) out.push(`- iat − join time: ${offset} s`);
    out.push(`- Verdict: **${item.analysis.verdict}**`);
    if (a.signature !== null) out.push(`- Signature: ${code(a.signature)}`);
    if (item.analysis.payload) out.push(`- Payload: ${code(JSON.stringify(item.analysis.payload))}`);
    for (const f of item.analysis.findings) {
      out.push(`- **${f.severity}** ${code(f.id)}: ${md(f.message)} Fix: ${md(f.fix)}`);
    }
    out.push('');
  });
  out.push(`<sub>join-doctor ${md(exp.tool.version)}, export schema ${exp.schemaVersion}</sub>`, '');
  return out.join('\n');
}
