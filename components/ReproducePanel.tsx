import { useMemo, useRef, useState } from 'react';
import { probe, type ProbeResult } from '../lib/probe';
import { redactForDisplay } from '../lib/report/redact';
import { usePanel } from './state/store';
import { ensureHostPermission, originPattern } from './state/host-permission';

const MAX_COUNT = 200;

/**
 * "Reproduce": fetch N fresh signatures from an issuing endpoint the panel has seen (or one the
 * user enters), judge each against its response's Date header, and show the rule rates and the
 * iat − server time distribution (lib/probe, the same code as the CLI's `probe`). Nothing is sent
 * before the user confirms the exact request; bounded to 200 requests and 60 s, cancellable.
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
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; errors: number } | null>(null);
  const [result, setResult] = useState<ProbeResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const target = url || endpoints[endpoints.length - 1]?.url || '';
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
    try {
      const r = await probe({
        url: target,
        count: n,
        method,
        body: method === 'GET' || body === '' ? undefined : body,
        intervalMs: 250,
        totalTimeoutMs: 60_000,
        signal: ctrl.signal,
        onProgress: (p) => setProgress(p),
      });
      setResult(r);
      if (r.cancelled) setMessage('Cancelled: the results below cover the samples fetched so far.');
      else if (r.timedOut) setMessage('Stopped after 60 s: the results below cover the samples fetched so far.');
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
            {endpoints.length > 0 && (
              <select
                data-testid="reproduce-seen"
                value={url}
                onChange={(e) => {
                  setUrl(e.target.value);
                  const hit = endpoints.find((x) => x.url === e.target.value);
                  if (hit) setMethod(hit.method.toUpperCase());
                }}
              >
                <option value="">last seen: {redactForDisplay(endpoints[endpoints.length - 1]!.url)}</option>
                {endpoints.map((x) => (
                  <option key={`${x.method} ${x.url}`} value={x.url}>
                    {x.method} {redactForDisplay(x.url)}
                  </option>
                ))}
              </select>
            )}
            <input id="rp-endpoint" data-testid="reproduce-url" style={{ width: '100%' }} placeholder="https://your-backend.example/signature" value={url} onChange={(e) => setUrl(e.target.value.trim())} />
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
              {progress.errors ? `, ${progress.errors} errors` : ''}{' '}
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
      {result && <ReproduceResult result={result} />}
    </div>
  );
}

function ReproduceResult({ result }: { result: ProbeResult }) {
  const s = result.summary;
  const offsets = result.samples.map((x) => x.iatOffset).filter((x): x is number => x !== null);
  const lo = Math.floor(Math.min(0, ...offsets) / 16) * 16;
  const hi = Math.ceil(Math.max(1, ...offsets) / 16) * 16;
  const bins: Array<{ from: number; n: number }> = [];
  for (let b = lo; b < hi; b += 16) bins.push({ from: b, n: offsets.filter((o) => o >= b && o < b + 16).length });
  const most = Math.max(1, ...bins.map((b) => b.n));
  return (
    <section className="section" data-testid="reproduce-result">
      <h3 className="section-title">
        {s.samples} signature{s.samples === 1 ? '' : 's'}
        {s.errors ? `, ${s.errors} failed requests` : ''}
      </h3>
      {s.implied && <p className="warn-text" data-testid="reproduce-implied">{s.implied.text}</p>}
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
              <td style={{ textAlign: 'right' }}>
                {b.from}…{b.from + 16} s
              </td>
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
    </section>
  );
}
