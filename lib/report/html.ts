import type { OffsetPoint, OutcomeClass } from '../correlate/types';
import { OUTCOME_LABEL } from '../correlate';
import type { JoinDoctorExport } from './schema';
import { LINEAR_S, layoutOffsetPlot } from './offset-plot';
import { findingText } from './finding-text';
import { escapeControls, textOf } from './control-chars';
import { answerFix, answerHeadline, explainOnce, exportWords, groupLang, iatOffsetFor, isoMs, itemWords, outcomeOf, reportTitle, summarySentence } from './report-facts';
import { affectsJoin } from '../correlate/answer';
import { codeSpans, FixesSeen, fixLayout, introSentence, langHeading } from './fix-text';
import type { Lang } from '../rules/lang';

/**
 * Everything that reaches the document goes through here: tokens and pages are attacker-controlled.
 * Safe in text and in quoted attributes; control and bidi characters are shown as `\uXXXX` so a
 * U+202E cannot reorder what a reader sees (and `cat report.html` cannot drive a terminal).
 */
export function escapeHtml(v: unknown): string {
  return escapeControls(textOf(v)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A colour for an outcome class; an imported export's unknown class (even `__proto__`) gets black, never an inherited property. */
function colourOf(outcome: unknown): string {
  return typeof outcome === 'string' && Object.hasOwn(OUTCOME_COLOUR, outcome) ? OUTCOME_COLOUR[outcome as OutcomeClass] : '#000';
}

/**
 * No script, no network: the file is opened from disk or a ticket attachment, so the policy allows
 * only its own inline style. `default-src 'none'` also blocks images, fonts and frames.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export const OUTCOME_COLOUR: Record<OutcomeClass, string> = {
  success: '#1a7f37',
  'failure-3712': '#cf222e',
  'failure-other': '#bc4c00',
  'silent-refusal': '#8250df',
  timeout: '#6e7781',
  superseded: '#6e7781',
  pending: '#0969da',
};

const W = 860;
const H = 292;
/** Room below the axis for two lines of x labels (time, and the date where the day changes) and the caption. */
const PAD = { l: 60, r: 16, t: 14, b: 52 };

/**
 * iat − join time per attempt over time (UTC), coloured by outcome, on the same symmetric-log
 * axis as the panel (lib/report/offset-plot.ts): the zero line is iat equal to Zoom's clock, and
 * the best failure/success threshold is drawn when there is one. Labels never overlap: the layout
 * drops ticks closer than a line.
 */
export function renderOffsetPlotSvg(points: readonly OffsetPoint[], threshold: number | null): string {
  const L = layoutOffsetPlot(points, { width: W, height: H, margin: PAD }, { threshold, clock: 'utc' });
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${W} ${H}" role="img" aria-label="iat minus join time per attempt over time, coloured by outcome" style="max-width:${W}px">`,
    `<rect x="${PAD.l}" y="${PAD.t}" width="${W - PAD.l - PAD.r}" height="${H - PAD.t - PAD.b}" fill="#fff" stroke="#d0d7de"/>`,
  ];
  for (const t of L.yTicks) {
    if (t.value !== 0) parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${r(t.y)}" y2="${r(t.y)}" stroke="#eaeef2"/>`);
    parts.push(`<text x="${PAD.l - 6}" y="${r(t.y) + 4}" text-anchor="end" font-size="11">${escapeHtml(t.label)}</text>`);
  }
  parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${r(L.zeroY)}" y2="${r(L.zeroY)}" stroke="#57606a" stroke-dasharray="4 3"/>`);
  for (const t of L.xTicks) {
    const date = t.date ? `<tspan x="${r(t.x)}" dy="13">${escapeHtml(t.date)}</tspan>` : '';
    parts.push(`<text x="${r(t.x)}" y="${H - PAD.b + 14}" text-anchor="${t.anchor}" font-size="11">${escapeHtml(t.label)}${date}</text>`);
  }
  parts.push(
    `<text x="${(W + PAD.l) / 2}" y="${H - 6}" text-anchor="middle" font-size="11">time of the join (${escapeHtml(L.zone)}); y: iat − join time (above 0: iat in the future; linear within ±${LINEAR_S} s, logarithmic beyond)</text>`,
  );
  if (L.thresholdY !== null && threshold !== 0) {
    parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${r(L.thresholdY)}" y2="${r(L.thresholdY)}" stroke="#cf222e" stroke-width="0.8"/>`);
  }
  for (const { point: p, x, y } of L.placed) {
    parts.push(
      `<circle cx="${r(x)}" cy="${r(y)}" r="3.5" fill="${colourOf(p.outcome)}"${p.quantized ? ' stroke="#000" stroke-width="0.8"' : ''}>` +
        `<title>${escapeHtml(`${p.attemptId}: ${Object.hasOwn(OUTCOME_LABEL, p.outcome) ? OUTCOME_LABEL[p.outcome] : p.outcome}, iat − join time ${p.offset} s${p.quantized ? ', iat multiple of 128' : ''}`)}</title></circle>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Fits a docked DevTools window (550 px) without horizontal scrolling: the page, the table and the
 * plot shrink to the width, long tokens and URLs break, and the attempts table scrolls inside its
 * own box when a cell still cannot shrink.
 */
const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:16px;max-width:960px;color:#1f2328;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
.scroll{overflow-x:auto;max-width:100%}
code{font:12px ui-monospace,monospace;overflow-wrap:anywhere;background:#f6f8fa;padding:0 2px;border-radius:3px}.error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}
.legend span{margin-right:12px}.nowrap{white-space:nowrap}table.attempts td{font-size:13px}.dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
.answer{border:1px solid #d0d7de;border-left:4px solid #cf222e;padding:8px 12px;margin:8px 0 16px}.answer.ok{border-left-color:#1a7f37}
.answer p{margin:4px 0}.verdict{font-weight:700;color:#fff;background:#cf222e;border-radius:3px;padding:0 6px;margin-right:6px}.answer.ok .verdict{background:#1a7f37}
.others{color:#57606a;font-size:13px}.folded{color:#57606a}`;

/** A standalone HTML report: opens offline, no scripts or external resources, everything escaped. */
export function renderHtml(exp: JoinDoctorExport): string {
  const c = exp.correlation;
  const e = escapeHtml;
  const h: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>Join Doctor report${exp.pageHost ? ` – ${e(exp.pageHost)}` : ''}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(reportTitle(exp))}</h1>`,
  ];
  const top = c.causes[0];
  // The answer first (verdict · cause · fix), then how many joins and where.
  const words = exportWords(exp);
  const headline = answerHeadline(exp, words);
  if (top && headline) {
    const fix = answerFix(words.answer);
    h.push(`<section class="answer" aria-label="Cause and fix"><p><span class="verdict">FAIL</span><strong>${e(headline)}</strong></p>${fix ? htmlFix(fix, groupLang(exp, top.attemptIds)) : ''}</section>`);
  } else h.push(`<section class="answer ok" aria-label="Outcome"><p><span class="verdict">OK</span><strong>No failed join.</strong></p></section>`);
  h.push(`<p>${e(summarySentence(exp))}</p>`);
  // The counts are the summary sentence's (said once); the plot's legend gives the colours.
  h.push('<h2>Failures by cause</h2>');
  if (c.causes.length === 0) h.push('<p>No failures to explain.</p>');
  else h.push(`<ol>${c.causes.map((x) => `<li>${x.ruleIds[0] ? `<code>${e(x.ruleIds.join(' + '))}</code> ` : ''}<span class="${e(x.kind === 'cause' ? 'error' : x.kind === 'suspect' ? 'warning' : 'info')}">${e(x.kind)}</span>: ${e(x.text)}.</li>`).join('')}</ol>`);
  h.push('<h2>iat vs join time</h2>');
  if (c.offsets.points.length > 0) {
    h.push(renderOffsetPlotSvg(c.offsets.points, c.offsets.split?.threshold ?? null));
    h.push(`<p class="legend">${(Object.keys(OUTCOME_COLOUR) as OutcomeClass[]).map((k) => `<span><span class="dot" style="background:${OUTCOME_COLOUR[k]}"></span>${e(OUTCOME_LABEL[k])}</span>`).join('')} (black ring: iat a multiple of 128)</p>`);
  } else h.push('<p>No attempt had both an iat and a join time.</p>');
  if (c.offsets.split) h.push(`<p>${e(c.offsets.split.text)}.</p>`);
  h.push(`<p>${e(c.quantization.text)}</p>`);
  if (c.endpoints.length) h.push(`<h2>Issuing endpoints</h2><ul>${c.endpoints.map((x) => `<li>${e(x.text)}</li>`).join('')}</ul>`);
  if (c.unexplained.attemptIds.length) {
    h.push(`<h2>Failures no rule explains</h2><p>${e(c.unexplained.text)}</p><ul>${c.unexplained.checks.map((x) => `<li>${e(x.text)}</li>`).join('')}</ul>`);
  }
  h.push('<h2>Attempts</h2>');
  if (exp.redacted) h.push('<p><em>Signatures are redacted (third segment removed); passcodes, user tokens and e-mails are not included.</em></p>');
  h.push('<div class="scroll"><table class="attempts"><tr><th>#</th><th>called (UTC)</th><th>meeting</th><th>outcome</th><th>iat − join</th><th>issued by</th><th>findings</th></tr>');
  const folded = new Map<string, { title: string; attempts: number }>();
  exp.items.forEach((item, i) => {
    const a = item.attempt;
    const off = iatOffsetFor(exp, a.id);
    const w = itemWords(exp, item);
    const cls = outcomeOf(item);
    // The measured fact of what bears on this join; each rule's explanation and fix are listed
    // once, below, and what decides no join (page isolation…) once, after the table.
    const findings = item.analysis.findings
      .filter((f) => {
        if (affectsJoin(f, cls)) return true;
        if (f.data?.restatesOutcome !== true) {
          const x = folded.get(f.id);
          if (x) x.attempts += 1;
          else folded.set(f.id, { title: f.title, attempts: 1 });
        }
        return false;
      })
      .map((f) => `<div><span class="${e(f.severity)}">●</span> <code>${e(f.id)}</code> ${htmlRich(findingText(f).fact)}</div>`)
      .join('');
    h.push(
      `<tr><td title="${e(a.id)}">${i + 1}</td><td class="nowrap">${e(isoMs(a.calledAt).replace('T', ' ').replace('Z', ''))}<br><small>${e(a.method ?? a.api)} · ${a.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'}</small></td>` +
        `<td>${a.sdk === 'video' ? (typeof a.topic === 'string' ? e(a.topic) : '') : a.meetingNumber === undefined || a.meetingNumber === null ? '' : e(a.meetingNumber)}</td>` +
        `<td><span class="dot" style="background:${colourOf(cls)}"></span>${e(w.outcome)}<br><small>${e(w.verdict)}${w.kind !== 'joined' && w.kind !== 'pending' ? ` · ${e(w.cause)}` : ''}</small></td>` +
        `<td class="nowrap">${off === null ? '' : `${e(off)} s`}</td><td>${a.issuer?.url ? `<code>${e(issuerShort(a.issuer.url))}</code>` : ''}</td><td>${findings}</td></tr>`,
    );
  });
  h.push('</table></div>');
  if (folded.size) {
    const n = exp.items.length;
    h.push(`<p class="folded">Decides no join (said once): ${[...folded].map(([id, x]) => `<code>${e(id)}</code> ${e(x.title)} (${e(x.attempts)} of ${e(n)})`).join('; ')}.</p>`);
  }
  const explained = explainOnce(exp);
  if (explained.length) {
    h.push('<h2>Findings explained</h2><dl>');
    const fixes = new FixesSeen();
    for (const x of explained) {
      const same = fixes.seen(x.fix, x.id);
      h.push(`<dt><code>${e(x.id)}</code> <span class="${e(x.severity)}">${e(x.severity)}</span>: ${htmlRich(x.title)}</dt><dd>${x.detail ? `${htmlRich(x.detail)}` : ''}${same ? `<p>Fix: as for <code>${e(same)}</code>.</p>` : htmlFix(x.fix, null)}</dd>`);
    }
    h.push('</dl>');
  }
  h.push(`<p><small>join-doctor ${e(exp.tool.version)}, export schema ${e(exp.schemaVersion)}</small></p></body></html>`);
  return h.join('\n');
}

/** An issuing URL without its query (which can carry user data): host and path. */
export function issuerShort(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Rule text with its `code` spans as <code>, everything escaped; no literal backticks. */
export function htmlRich(text: unknown): string {
  return codeSpans(textOf(text))
    .map((x) => (x.code ? `<code>${escapeHtml(x.text)}</code>` : escapeHtml(x.text)))
    .join('');
}

/** A fix: what to change and the backend language's line, then the other languages once. */
export function htmlFix(fix: string, lang: Lang | null): string {
  const f = fixLayout(fix, lang);
  if (f.lang === null) return `<p><b>Fix:</b> ${htmlRich(f.intro)}</p>`;
  const others = f.others.length ? `<p class="others">Other languages: ${f.others.map((o) => `${escapeHtml(o.label)}: ${htmlRich(o.text)}`).join('; ')}.</p>` : '';
  return `<p><b>Fix:</b> ${htmlRich(introSentence(f.intro))} <b>${escapeHtml(langHeading(f))}:</b> ${htmlRich(f.line)}</p>${others}`;
}
