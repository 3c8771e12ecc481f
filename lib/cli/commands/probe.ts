import { probe, MAX_PROBE_COUNT, type ProbeResult } from '../../probe';
import { intOption, numberOption, parseCommandArgs, sdkOption } from '../args';
import { usage } from '../../errors';
import { paint, useColour } from '../io';
import { outputWidth, safeText, wrapText } from '../terminal';
import { redactForDisplay } from '../../report/redact';
import type { Command } from '../types';

/** Samples spread over this long span one full 128 s cycle and then some: b is pinned to about ±1 s. */
export const VERDICT_SPAN_S = 160;

const HELP = `Usage: join-doctor probe URL [options]

Fetches signatures from your own signature endpoint and analyses each against the response's
Date header (the backend's clock; this machine's clock when absent). Reproduces an intermittent
3712 without joining a meeting.

  --count N            signatures to fetch (default 20, at most ${MAX_PROBE_COUNT})
  --concurrency C      requests in flight at once (default 4)
  --method M           HTTP method (default POST with --data, else GET)
  --data JSON          request body, e.g. '{"meetingNumber":"123456789","role":0}'
  --header "Name: value"  extra request header (repeatable)
  --interval S         seconds between request starts: spread samples over ≥ 128 s to pin
                       down the failure rate of a quantising (Java Math.round) backend
  --verdict            sample long enough for a failure rate: the --count samples spread
                       over ${VERDICT_SPAN_S} s (sets --interval and a matching --timeout)
  --timeout S          bound on the whole probe (default 60)
  --sdk video|meeting  the SDK whose join gets the tokens (default: detected from each token's claims)
  --topic T            Video SDK: the topic the page joins, checked against each token's tpc
  --json               print {"samples","errors","rules","iatOffset","implied"}

Exit status: 0 no error finding on any sample, 1 some sample would be rejected or the tokens
are quantised (or no sample could be taken), 2 usage error.`;

function parseHeaders(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of (list as string[] | undefined) ?? []) {
    const i = h.indexOf(':');
    if (i <= 0) usage(`probe: --header takes "Name: value" (got ${JSON.stringify(h)}).`);
    const name = h.slice(0, i).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) usage(`probe: ${JSON.stringify(name)} is not a valid header name.`);
    out[name] = h.slice(i + 1).trim();
  }
  return out;
}

export function probeJson(r: ProbeResult): Record<string, unknown> {
  const s = r.summary;
  return {
    samples: s.samples,
    errors: s.errors,
    rules: s.rules,
    iatOffset: s.iatOffset ?? { min: null, median: null, max: null, futureShare: null },
    implied: s.implied ? { quantized: true, ...s.implied } : { quantized: false, text: 'The tokens show no 128 s quantisation: no failure rate over time is implied by the iat arithmetic.' },
    ...(r.timedOut ? { timedOut: true } : {}),
    ...(r.cancelled ? { cancelled: true } : {}),
    errorMessages: r.errors.slice(0, 20).map((e) => ({ index: e.index, ...(e.status !== undefined ? { status: e.status } : {}), message: e.message })),
  };
}

function renderHuman(url: string, r: ProbeResult, colour: boolean, rerun: string | null): string {
  const p = paint(colour);
  const s = r.summary;
  const lines = [`${p.bold('probe')} ${safeText(redactForDisplay(url))}: ${s.samples} ${s.samples === 1 ? 'signature' : 'signatures'}, ${s.errors} ${s.errors === 1 ? 'error' : 'errors'}${r.timedOut ? ' (stopped by --timeout)' : ''}${r.cancelled ? ' (cancelled)' : ''}`, ''];
  if (s.iatOffset) {
    const o = s.iatOffset;
    lines.push(`iat − server time   min ${o.min} s, median ${o.median} s, max ${o.max} s; in the future: ${Math.round(o.futureShare * 1000) / 10}% of samples`, '');
  }
  if (s.rules.length) {
    lines.push('findings per sample');
    const sev = new Map<string, string>();
    for (const smp of r.samples) for (const f of smp.analysis.findings) if (!sev.has(f.id) || f.severity === 'error') sev.set(f.id, f.severity);
    for (const rule of s.rules) {
      const label = sev.get(rule.id) === 'error' ? p.red(rule.id) : sev.get(rule.id) === 'warning' ? p.yellow(rule.id) : rule.id;
      lines.push(`  ${String(rule.count).padStart(5)}  ${String(Math.round(rule.rate * 1000) / 10).padStart(5)}%  ${label}`);
    }
    lines.push('');
  } else if (s.samples) lines.push('No findings on any sample.', '');
  if (s.implied) {
    const pinned = s.implied.backdateS.max - s.implied.backdateS.min <= 8;
    const mid = Math.round(((s.implied.futureShare.min + s.implied.futureShare.max) / 2) * 100);
    lines.push(
      p.bold('Verdict'),
      pinned
        ? `The backend quantises iat to 128 s: about ${mid}% of joins fail with 3712.`
        : `The backend quantises iat to 128 s, so some joins fail with 3712; these samples were too close together to say what share.${rerun ? ` For the rate, run:` : ''}`,
      ...(pinned || !rerun ? [] : [`  $ ${rerun}`]),
      '',
      p.bold('Over time'),
      safeText(s.implied.text),
      '',
    );
  }
  const firstErrors = r.errors.slice(0, 3);
  for (const e of firstErrors) lines.push(p.dim(`sample ${e.index + 1}: ${safeText(e.message)}`));
  if (r.errors.length > firstErrors.length) lines.push(p.dim(`… and ${r.errors.length - firstErrors.length} more errors`));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

export const probeCommand: Command = {
  name: 'probe',
  summary: 'fetch N signatures from your endpoint and report rule rates and iat offsets',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        count: { type: 'string' },
        concurrency: { type: 'string' },
        method: { type: 'string' },
        data: { type: 'string' },
        header: { type: 'string', multiple: true },
        interval: { type: 'string' },
        verdict: { type: 'boolean' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        sdk: { type: 'string' },
        topic: { type: 'string' },
      },
      'probe',
    );
    if (values['help']) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) usage(`probe: expected one URL, got ${positionals.length}.`);
    const url = positionals[0]!;
    const count = intOption(values['count'], '--count', 1, MAX_PROBE_COUNT, 20);
    const concurrency = intOption(values['concurrency'], '--concurrency', 1, 64, 4);
    const verdict = values['verdict'] === true;
    let intervalS = numberOption(values['interval'], '--interval', 0, 600);
    if (verdict && intervalS !== undefined) usage('probe: --verdict chooses the interval itself; give either --verdict or --interval.');
    if (verdict) intervalS = Math.round((VERDICT_SPAN_S / Math.max(1, count - 1)) * 10) / 10;
    const timeoutS = numberOption(values['timeout'], '--timeout', 0.1, 3600) ?? (verdict ? VERDICT_SPAN_S + 30 : 60);
    const method = values['method'] as string | undefined;
    if (method !== undefined && !/^[A-Za-z]+$/.test(method)) usage(`probe: --method must be an HTTP method such as GET or POST (got ${JSON.stringify(method)}).`);
    const progress = io.stderr.isTTY === true && !values['json'];
    const result = await probe({
      url,
      count,
      concurrency,
      method,
      body: values['data'] as string | undefined,
      headers: parseHeaders(values['header']),
      totalTimeoutMs: timeoutS * 1000,
      intervalMs: intervalS !== undefined ? intervalS * 1000 : undefined,
      signal: io.signal,
      now: io.now,
      sdk: sdkOption(values['sdk'], 'probe'),
      topic: values['topic'] as string | undefined,
      onProgress: progress ? (pr) => io.stderr.write(`\rprobing ${pr.done}/${pr.total}${pr.errors ? ` (${pr.errors} errors)` : ''}`) : undefined,
    });
    if (progress) io.stderr.write('\r\u001b[K');
    if (values['json']) io.stdout.write(`${JSON.stringify(probeJson(result), null, 2)}\n`);
    else {
      // What to run for a verdict when this run could not give one: the same probe, spread out.
      const rerun = intervalS === undefined ? `join-doctor probe ${shellQuote(url)}${rerunArgs(args)} --verdict` : null;
      io.stdout.write(wrapText(renderHuman(url, result, useColour(io.stdout, io.env), rerun), outputWidth(io.stdout, io.env)));
    }
    const anyError = result.samples.some((s) => s.analysis.verdict === 'fail');
    return result.samples.length === 0 || anyError || result.summary.implied !== null ? 1 : 0;
  },
};

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** The user's own options again (all but the URL, --interval and --verdict), quoted for a shell. */
function rerunArgs(args: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) continue;
    const [flag] = a.split('=');
    if (flag === '--interval' || flag === '--verdict' || flag === '--json') {
      if (flag === '--interval' && !a.includes('=')) i++;
      continue;
    }
    out.push(a.includes('=') ? shellQuote(a) : a);
    const next = args[i + 1];
    if (!a.includes('=') && next !== undefined && !next.startsWith('-') && !['--json'].includes(a)) {
      out.push(shellQuote(next));
      i++;
    }
  }
  return out.length ? ` ${out.join(' ')}` : '';
}
