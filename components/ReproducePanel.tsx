import { useEffect, useMemo, useRef, useState } from 'react';
import { offsetHistogram, probe, type ProbeResult, type ProbeSample } from '../lib/probe';
import type { JoinAttempt } from '../lib/model/attempt';
import { redactForDisplay } from '../lib/report/redact';
import { usePanel } from './state/store';
import { ensureHostPermission, originPattern } from './state/host-permission';
import { logTime } from './state/format';
import { TokenInspector } from './TokenInspector';

const MAX_COUNT = 200;
/** Quick: a burst (requests 250 ms apart). Others: samples spread evenly over that many seconds. */
const SPREADS = [
  { value: 0, label: 'quick burst (seconds)' },
  { value: 160, label: 'over 2 min 40 s (one 128 s cycle and more)' },
  { value: 300, label: 'over 5 min' },
  { value: 600, label: 'over 10 min' },
] as const;
/** A quick burst asks for requests this far apart. */
const BURST_INTERVAL_MS = 250;

/** The probe's options for a count and a spread (seconds, 0 = burst), bounded. */
export function probeSchedule(count: number, spreadS: number): { intervalMs: number; totalTimeoutMs: number } {
  if (spreadS <= 0) return { intervalMs: BURST_INTERVAL_MS, totalTimeoutMs: 60_000 };
  const n = Math.max(1, count);
  // n samples whose starts are spreadS apart end to end: n − 1 gaps.
  const intervalMs = Math.round((spreadS * 1000) / Math.max(1, n - 1));
  return { intervalMs, totalTimeoutMs: spreadS * 1000 + 30_000 };
}

/**
 * "Reproduce": fetch N fresh signatures from an issuing endpoint the panel has seen (or one the
 * user enters), judge each against its response's Date header, and show the rule rates and the
 * iat − server time distribution (lib/probe, the same code as the CLI's `probe`). Nothing is sent
 * before the user confirms the exact request; bounded to 200 requests and 10 min, cancellable.
 * Samples can be spread over one 128 s cycle or more, which is what turns "between 22% and 100%"
 * into a failure rate; each sample opens in the Inspector.
 */
export function ReproducePanel() {
  const issuances = usePanel((s) => s.live.issuances);
  const endpoints = useMemo(() => {
    const seen = new Map<string, { url: string; method: string }>();
    for (const i of issuances) seen.set(`${i.method ?? 'GET'} ${i.url}`, { url: i.url, method: i.method ?? 'GET' });
    return [...seen.values()];
  }, [issuances]);
  const [url, setUrl] = useState('');
  const [method, setMethod] = useState('POST');
  const [body, setBody] = useState('');
  const [count, setCount] = useState(20);
  const [spread, setSpread] = useState(0);
  const [startedAt, setStartedAt] = useState(0);
  const [clock, setClock] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; errors: number } | null>(null);
  const [result, setResult] = useState<ProbeResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const lastSeen = endpoints[endpoints.length - 1];
  const target = url || lastSeen?.url || '';
  const schedule = probeSchedule(Math.max(1, Math.min(MAX_COUNT, Math.floor(count) || 1)), spread);
  // Ticks once a second while a spread probe runs, for the time left.
  useEffect(() => {
    if (!progress || spread === 0) return;
    const t = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(t);
  }, [progress, spread]);
  const n = Math.max(1, Math.min(MAX_COUNT, Math.floor(count) || 1));
  const valid = originPattern(target) !== null;

  const run = async () => {
    setConfirming(false);
    setMessage(null);
    setResult(null);
    if (!(await ensureHostPermission(target))) {
      setMessage(`No permission to fetch ${originPattern(target) ?? target}: the request was not sent.`);
      return;
    }
    const ctrl = new AbortController();
    abort.current = ctrl;
    setProgress({ done: 0, total: n, errors: 0 });
    setStartedAt(Date.now());
    setClock(Date.now());
    try {
      const r = await probe({
        url: target,
        count: n,
        method,
        body: method === 'GET' || body === '' ? undefined : body,
        intervalMs: schedule.intervalMs,
        totalTimeoutMs: schedule.totalTimeoutMs,
        signal: ctrl.signal,
        onProgress: (p) => setProgress(p),
      });
      setResult(r);
      if (r.cancelled) setMessage('Cancelled: the results below cover the samples fetched so far.');
      else if (r.timedOut) setMessage(`Stopped after ${Math.round(schedule.totalTimeoutMs / 1000)} s: the results below cover the samples fetched so far.`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div className="corr" data-testid="reproduce-view" style={{ padding: 8 }}>
      <section className="section">
        <h3 className="section-title">Reproduce: sample the signature endpoint</h3>
        <p className="note">
          Fetches fresh signatures from your backend and checks each against the server time in its response’s Date header. The
          extension has no host permission at install; it asks for this endpoint’s origin only when you confirm.
        </p>
        <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: 6, maxWidth: 900 }}>
          <label htmlFor="rp-endpoint">Endpoint</label>
          <span>
            {/* One control: the URL, prefilled with the last endpoint this page used; the others it used are its suggestions. */}
            <input
              id="rp-endpoint"
              data-testid="reproduce-url"
              list="rp-seen"
              style={{ width: '100%' }}
              placeholder={lastSeen ? lastSeen.url : 'https://your-backend.example/signature'}
              value={url}
              onChange={(e) => {
                const v = e.target.value.trim();
                setUrl(v);
                const hit = endpoints.find((x) => x.url === v);
                if (hit) setMethod(hit.method.toUpperCase());
              }}
            />
            <datalist id="rp-seen" data-testid="reproduce-seen">
              {endpoints
                .slice()
                .reverse()
                .map((x) => (
                  <option key={`${x.method} ${x.url}`} value={x.url} label={`${x.method} ${redactForDisplay(x.url)} · seen on this page`} />
                ))}
            </datalist>
            <span className="note">
              {url === '' && lastSeen
                ? `Empty: the endpoint this page last used (${lastSeen.method} ${lastSeen.url}).`
                : endpoints.length > 1
                  ? `${endpoints.length} endpoints seen on this page: pick one from the field's list.`
                  : ''}
            </span>
          </span>
          <label htmlFor="rp-method">Method</label>
          <select id="rp-method" value={method} onChange={(e) => setMethod(e.target.value)}>
            <option>POST</option>
            <option>GET</option>
          </select>
          <label htmlFor="rp-body">Body</label>
          <textarea id="rp-body" data-testid="reproduce-body" rows={2} placeholder='as your page sends it, e.g. {"meetingNumber":"85746065432","role":0}' value={body} onChange={(e) => setBody(e.target.value)} />
          <label htmlFor="rp-count">Signatures</label>
          <input id="rp-count" data-testid="reproduce-count" type="number" min={1} max={MAX_COUNT} value={count} onChange={(e) => setCount(Number(e.target.value))} />
          <label htmlFor="rp-spread">Timing</label>
          <span>
            <select id="rp-spread" data-testid="reproduce-spread" value={spread} onChange={(e) => setSpread(Number(e.target.value))}>
              {SPREADS.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </select>{' '}
            <span className="note">
              {spread === 0
                ? 'Samples seconds apart share one 128 s window: enough to see findings, not a failure rate over time.'
                : `One request every ${(schedule.intervalMs / 1000).toFixed(1)} s: enough to say what share of joins a quantising backend fails.`}
            </span>
          </span>
        </div>
        <p>
          {!progress && !confirming && (
            <button className="btn" data-testid="reproduce-start" disabled={!valid} onClick={() => setConfirming(true)}>
              Reproduce…
            </button>
          )}
          {confirming && (
            <span role="alertdialog" data-testid="reproduce-confirm">
              Send {n} {method} request{n === 1 ? '' : 's'} to <code>{target}</code>? Each returns a live signature; they stay in this panel only.{' '}
              <button className="btn" data-testid="reproduce-confirm-yes" onClick={run}>
                Send {n}
              </button>{' '}
              <button className="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          )}
          {progress && (
            <span data-testid="reproduce-progress">
              <progress max={progress.total} value={progress.done} /> {progress.done} of {progress.total}
              {progress.errors ? `, ${progress.errors} errors` : ''}
              {spread > 0 && ` · about ${Math.max(0, Math.round((startedAt + spread * 1000 - clock) / 1000))} s left`}{' '}
              <button className="btn" data-testid="reproduce-cancel" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            </span>
          )}
        </p>
        {message && (
          <p className="note" role="status" data-testid="reproduce-message">
            {message}
          </p>
        )}
      </section>
      {result && (
        <ReproduceResult
          result={result}
          url={target}
          method={method}
          onSpread={
            spread === 0 && result.summary.implied && result.summary.implied.backdateS.max - result.summary.implied.backdateS.min > 8
              ? () => {
                  setSpread(160);
                  setConfirming(true);
                }
              : undefined
          }
        />
      )}
    </div>
  );
}

/** A sample as an attempt the Inspector can show: judged at the response's Date (the backend's clock). */
export function sampleAsAttempt(x: ProbeSample, url: string, method: string): JoinAttempt {
  return {
    id: `sample-${x.index + 1}`,
    api: 'wire',
    method: 'Reproduce sample',
    signature: x.token,
    calledAt: x.receivedAt,
    outcome: { kind: 'pending' },
    issuer: { url, method, receivedAt: x.receivedAt, serverDate: x.serverDate },
    ...(x.serverDate !== null ? { clockOffsetMs: x.serverDate - x.receivedAt, clockOffsetSource: 'Date header of the endpoint' } : {}),
  };
}

function ReproduceResult({ result, url, method, onSpread }: { result: ProbeResult; url: string; method: string; onSpread?: () => void }) {
  const s = result.summary;
  const [open, setOpen] = useState<number | null>(null);
  const opened = open === null ? null : result.samples.find((x) => x.index === open) ?? null;
  const offsets = result.samples.map((x) => x.iatOffset).filter((x): x is number => x !== null);
  const bins = offsetHistogram(offsets);
  let most = 1;
  for (const b of bins) most = Math.max(most, b.n);
  return (
    <section className="section" data-testid="reproduce-result">
      <h3 className="section-title">
        {s.samples} signature{s.samples === 1 ? '' : 's'}
        {s.errors ? `, ${s.errors} failed requests` : ''}
      </h3>
      {s.implied && (
        <p className="warn-text" data-testid="reproduce-implied">
          {s.implied.backdateS.max - s.implied.backdateS.min <= 8 && (
            <b data-testid="reproduce-verdict">
              Your backend quantises iat to 128 s: about {Math.round(((s.implied.futureShare.min + s.implied.futureShare.max) / 2) * 100)}% of joins fail
              with 3712.{' '}
            </b>
          )}
          {s.implied.text}
        </p>
      )}
      {onSpread && (
        <p>
          <button className="btn" data-testid="reproduce-spread-again" onClick={onSpread}>
            Sample over 2 min 40 s for a failure rate
          </button>
        </p>
      )}
      {s.iatOffset && (
        <p data-testid="reproduce-offsets">
          iat − server time: min {s.iatOffset.min} s, median {s.iatOffset.median} s, max {s.iatOffset.max} s;{' '}
          {Math.round(s.iatOffset.futureShare * 100)}% in the future.
        </p>
      )}
      <table data-testid="reproduce-histogram" aria-label="iat minus server time, 16 s bins">
        <tbody>
          {bins.map((b) => (
            <tr key={b.from}>
              <td style={{ textAlign: 'right' }}>{b.from === -Infinity ? `< ${b.to} s` : b.to === Infinity ? `≥ ${b.from} s` : `${b.from}…${b.to} s`}</td>
              <td>
                <span style={{ display: 'inline-block', height: 8, width: `${(b.n / most) * 240}px`, background: b.from >= 0 ? 'var(--error)' : 'var(--success)' }} />{' '}
                {b.n}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table data-testid="reproduce-rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Signatures</th>
            <th>Rate</th>
          </tr>
        </thead>
        <tbody>
          {s.rules.map((r) => (
            <tr key={r.id} data-rule-id={r.id}>
              <td>
                <code>{r.id}</code>
              </td>
              <td>{r.count}</td>
              <td>{Math.round(r.rate * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.errors.length > 0 && <p className="note">First error: {result.errors[0]!.message}</p>}
      <table className="table" data-testid="reproduce-samples">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Received</th>
            <th className="num">iat − server</th>
            <th>Verdict</th>
            <th>Findings</th>
          </tr>
        </thead>
        <tbody>
          {result.samples.map((x) => (
            <tr key={x.index} data-testid="reproduce-sample" aria-selected={open === x.index}>
              <td className="num">
                <button className="tool-btn" title="Open this sample in the inspector" onClick={() => setOpen(open === x.index ? null : x.index)}>
                  #{x.index + 1}
                </button>
              </td>
              <td title={x.serverDate !== null ? `Date header ${new Date(x.serverDate).toISOString()}` : 'no Date header: judged on this machine\'s clock'}>{logTime(x.receivedAt)}</td>
              <td className="num">{x.iatOffset === null ? '—' : `${x.iatOffset > 0 ? '+' : ''}${Math.round(x.iatOffset * 10) / 10} s`}</td>
              <td className={`verdict-${x.analysis.verdict}`}>{x.analysis.verdict}</td>
              <td className="mono">{x.analysis.findings.map((f) => f.id).join(' ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {opened && (
        <div className="sample-inspector" data-testid="reproduce-sample-inspector">
          <h3 className="section-title">
            Sample #{opened.index + 1}{' '}
            <button className="tool-btn" aria-label="Close the sample" onClick={() => setOpen(null)}>
              ✕
            </button>
          </h3>
          <TokenInspector attempt={sampleAsAttempt(opened, url, method)} />
        </div>
      )}
    </section>
  );
}
