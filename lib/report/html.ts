import type { OffsetPoint, OutcomeClass } from '../correlate/types';
import { OUTCOME_LABEL } from '../correlate';
import type { JoinDoctorExport } from './schema';
import { iatOffsetFor, isoMs, outcomeCounts, outcomeOf, outcomeText, summarySentence } from './summary';

/** Everything that reaches the document goes through here: tokens and pages are attacker-controlled. */
export function escapeHtml(v: unknown): string {
  return String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
  pending: '#0969da',
};

const W = 720;
const H = 260;
const PAD = { l: 56, r: 16, t: 16, b: 36 };

/**
 * iat − join time per attempt, in call order, coloured by outcome, with the zero line (iat equal to
 * Zoom's clock) and the best failure/success threshold when there is one.
 */
export function renderOffsetPlotSvg(points: readonly OffsetPoint[], threshold: number | null): string {
  const sorted = [...points].sort((a, b) => a.calledAt - b.calledAt || (a.attemptId < b.attemptId ? -1 : 1));
  const ys = [0, ...sorted.map((p) => p.offset), ...(threshold === null ? [] : [threshold])];
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (hi - lo < 1) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const x = (i: number) => PAD.l + (sorted.length <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (sorted.length - 1));
  const y = (v: number) => PAD.t + ((hi - v) * (H - PAD.t - PAD.b)) / (hi - lo);
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="iat minus join time per attempt, coloured by outcome">`,
    `<rect x="${PAD.l}" y="${PAD.t}" width="${W - PAD.l - PAD.r}" height="${H - PAD.t - PAD.b}" fill="#fff" stroke="#d0d7de"/>`,
    `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="#57606a" stroke-dasharray="4 3"/>`,
    `<text x="${PAD.l - 6}" y="${r(y(0)) + 4}" text-anchor="end" font-size="11">0 s</text>`,
    `<text x="${PAD.l - 6}" y="${PAD.t + 10}" text-anchor="end" font-size="11">${escapeHtml(r(hi))}</text>`,
    `<text x="${PAD.l - 6}" y="${H - PAD.b}" text-anchor="end" font-size="11">${escapeHtml(r(lo))}</text>`,
    `<text x="${(W + PAD.l) / 2}" y="${H - 8}" text-anchor="middle" font-size="11">attempts in call order (${sorted.length}); y: iat − join time, s (above 0: iat in the future)</text>`,
  ];
  if (threshold !== null && threshold !== 0) {
    parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${r(y(threshold))}" y2="${r(y(threshold))}" stroke="#cf222e" stroke-width="0.8"/>`);
  }
  sorted.forEach((p, i) => {
    parts.push(
      `<circle cx="${r(x(i))}" cy="${r(y(p.offset))}" r="3.5" fill="${OUTCOME_COLOUR[p.outcome] ?? '#000'}"${p.quantized ? ' stroke="#000" stroke-width="0.8"' : ''}>` +
        `<title>${escapeHtml(`${p.attemptId}: ${OUTCOME_LABEL[p.outcome] ?? p.outcome}, iat − join time ${p.offset} s${p.quantized ? ', iat multiple of 128' : ''}`)}</title></circle>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:960px;color:#1f2328}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
code{font:12px ui-monospace,monospace;word-break:break-all}.error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}
.legend span{margin-right:12px}.dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}`;

/** A standalone HTML report: opens offline, no scripts or external resources, everything escaped. */
export function renderHtml(exp: JoinDoctorExport): string {
  const c = exp.correlation;
  const e = escapeHtml;
  const h: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>Join Doctor report${exp.pageHost ? ` – ${e(exp.pageHost)}` : ''}</title><style>${STYLE}</style></head><body>`,
    '<h1>Join Doctor report</h1>',
    `<p>${e(summarySentence(exp))}</p>`,
  ];
  const top = c.causes[0];
  if (top) h.push(`<p><strong>${e(c.headline)}</strong></p>`);
  h.push('<h2>Outcomes</h2><table><tr><th>outcome</th><th>attempts</th></tr>');
  for (const r of outcomeCounts(exp)) h.push(`<tr><td><span class="dot" style="background:${OUTCOME_COLOUR[r.outcome]}"></span>${e(r.label)}</td><td>${r.count}</td></tr>`);
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
  h.push('<table><tr><th>#</th><th>called</th><th>outcome</th><th>iat − join</th><th>verdict</th><th>findings</th></tr>');
  exp.items.forEach((item, i) => {
    const a = item.attempt;
    const off = iatOffsetFor(exp, a.id);
    const findings = item.analysis.findings
      .map((f) => `<div><span class="${e(f.severity)}">${e(f.severity)}</span> <code>${e(f.id)}</code>: ${e(f.message)}<br><small>Fix: ${e(f.fix)}</small></div>`)
      .join('');
    h.push(
      `<tr><td>${i + 1}<br><code>${e(a.id)}</code></td><td>${e(isoMs(a.calledAt))}<br>${e(a.method ?? a.api)}<br>${a.sdk === 'video' ? 'Video SDK' : 'Meeting SDK'}</td>` +
        `<td><span class="dot" style="background:${OUTCOME_COLOUR[outcomeOf(item)]}"></span>${e(outcomeText(item))}</td>` +
        `<td>${off === null ? '' : `${e(off)} s`}</td><td>${e(item.analysis.verdict)}</td><td>${findings}` +
        `${a.signature ? `<div><code>${e(a.signature)}</code></div>` : ''}</td></tr>`,
    );
  });
  h.push(`</table><p><small>join-doctor ${e(exp.tool.version)}, export schema ${e(exp.schemaVersion)}</small></p></body></html>`);
  return h.join('\n');
}
