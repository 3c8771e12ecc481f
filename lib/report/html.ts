import type { OffsetPoint, OutcomeClass } from '../correlate/types';
import { OUTCOME_LABEL } from '../correlate';
import type { JoinDoctorExport } from './schema';
import { LINEAR_S, layoutOffsetPlot } from './offset-plot';
import { findingText } from './finding-text';
import { escapeControls } from './control-chars';
import { explainOnce, iatOffsetFor, isoMs, outcomeCounts, outcomeOf, outcomeText, reportTitle, summarySentence } from './report-facts';

/**
 * Everything that reaches the document goes through here: tokens and pages are attacker-controlled.
 * Safe in text and in quoted attributes; control and bidi characters are shown as `\uXXXX` so a
 * U+202E cannot reorder what a reader sees (and `cat report.html` cannot drive a terminal).
 */
export function escapeHtml(v: unknown): string {
  return escapeControls(String(v)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
const H = 280;
const PAD = { l: 60, r: 16, t: 14, b: 40 };

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
  L.xTicks.forEach((t, i) => {
    const anchor = i === 0 ? 'start' : i === L.xTicks.length - 1 ? 'end' : 'middle';
    parts.push(`<text x="${r(t.x)}" y="${H - PAD.b + 14}" text-anchor="${anchor}" font-size="11">${escapeHtml(t.label)}</text>`);
  });
  parts.push(
    `<text x="${(W + PAD.l) / 2}" y="${H - 6}" text-anchor="middle" font-size="11">time of the join (UTC); y: iat − join time (above 0: iat in the future; linear within ±${LINEAR_S} s, logarithmic beyond)</text>`,
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

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:960px;color:#1f2328}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
code{font:12px ui-monospace,monospace;word-break:break-all}.error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}
.legend span{margin-right:12px}.nowrap{white-space:nowrap}table.attempts td{font-size:13px}.dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}`;

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
  // The answer first, then how many joins and where.
  if (top) h.push(`<p><strong>${e(c.headline)}</strong></p>`);
  h.push(`<p>${e(summarySentence(exp))}</p>`);
  h.push('<h2>Outcomes</h2><table><tr><th>outcome</th><th>attempts</th></tr>');
  for (const r of outcomeCounts(exp)) h.push(`<tr><td><span class="dot" style="background:${colourOf(r.outcome)}"></span>${e(r.label)}</td><td>${e(r.count)}</td></tr>`);
  h.push('</table><h2>Failures by cause</h2>');
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
  h.push('<table class="attempts"><tr><th>#</th><th>called (UTC)</th><th>meeting</th><th>outcome</th><th>iat − join</th><th>issued by</th><th>findings</th></tr>');
  exp.items.forEach((item, i) => {
    const a = item.attempt;
    const off = iatOffsetFor(exp, a.id);
    // The measured fact only: each rule's explanation and fix are listed once, below.
    const findings = item.analysis.findings.map((f) => `<div><span class="${e(f.severity)}">●</span> <code>${e(f.id)}</code> ${e(findingText(f).fact)}</div>`).join('');
    h.push(
      `<tr><td title="${e(a.id)}">${i + 1}</td><td class="nowrap">${e(isoMs(a.calledAt).replace('T', ' ').replace('Z', ''))}<br><small>${e(a.method ?? a.api)} · ${a.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'}</small></td>` +
        `<td class="nowrap">${a.sdk === 'video' ? (typeof a.topic === 'string' ? e(a.topic) : '') : a.meetingNumber === undefined || a.meetingNumber === null ? '' : e(a.meetingNumber)}</td>` +
        `<td><span class="dot" style="background:${colourOf(outcomeOf(item))}"></span>${e(outcomeText(item))}</td>` +
        `<td class="nowrap">${off === null ? '' : `${e(off)} s`}</td><td>${a.issuer?.url ? `<code>${e(issuerShort(a.issuer.url))}</code>` : ''}</td><td>${findings}</td></tr>`,
    );
  });
  h.push('</table>');
  const explained = explainOnce(exp);
  if (explained.length) {
    h.push('<h2>Findings explained</h2><dl>');
    for (const x of explained) {
      h.push(`<dt><code>${e(x.id)}</code> <span class="${e(x.severity)}">${e(x.severity)}</span>: ${e(x.title)}</dt><dd>${x.detail ? `${e(x.detail)}<br>` : ''}<small>Fix: ${e(x.fix)}</small></dd>`);
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
