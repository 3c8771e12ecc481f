/**
 * The lab's Video SDK page (`/video`): pick one of the Video SDK signature endpoints, join with the
 * real @zoom/videosdk 2.5.0 (served from node_modules at /vsdk), one iframe per join so every join
 * starts from a fresh client. The join's `wc/lsdk` is answered by the lab's stand-in
 * (wc-lsdk-judge.ts). `window.labVideoRun(scenario, n)` is what scripts call; people use the form.
 */
import type { LabVideoCredentials } from './credentials';
import { VIDEO_SCENARIOS, VIDEO_SCENARIO_NAMES } from './video-scenarios';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function videoLabPage(creds: LabVideoCredentials): string {
  const options = VIDEO_SCENARIO_NAMES.map((n) => `<option value="${n}">${esc(n)}: ${esc(VIDEO_SCENARIOS[n].title)}</option>`).join('');
  const rows = VIDEO_SCENARIO_NAMES.map((n) => {
    const s = VIDEO_SCENARIOS[n];
    return `<li><b>${esc(n)}</b>: ${esc(s.description)} Expect the page to see <code>${esc(JSON.stringify(s.expectedRejection))}</code>${s.expectedFinding ? ` and the panel <code>${esc(s.expectedFinding)}</code>${s.expectedFinding === 'secret-mismatch' ? ' (after Verify with secret)' : ''}` : ''}.</li>`;
  }).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Join Doctor lab: Video SDK</title>
<style>body{font:14px system-ui,sans-serif;margin:16px;max-width:1100px;color:#222} fieldset{border:1px solid #ccc;padding:8px 12px;margin:8px 0}
table{border-collapse:collapse;margin-top:8px} td,th{border:1px solid #ddd;padding:2px 8px;font-size:12px;text-align:left}
.fail{color:#b00020}.ok{color:#0a7a2f} #frames iframe{width:1px;height:1px;border:0} .note{color:#555;font-size:12px}</style></head><body>
<h1>Join Doctor lab: Video SDK</h1>
<p>Every join uses the real <code>@zoom/videosdk</code> 2.5.0 from node_modules. Zoom's <code>wc/lsdk</code> is answered by a local
stand-in in the server codes the SDK itself knows (124, 300, 3000). Session topic <code>${esc(creds.topic)}</code>, Video SDK key
<code>${esc(creds.sdkKey)}</code>. Open DevTools → <b>Join Doctor</b>. <a href="/">Meeting SDK lab</a></p>
<fieldset><legend>Join</legend>
<label>Signature endpoint <select id="scenario">${options}</select></label>
<label>Joins <input id="joins" type="number" min="1" max="50" value="1" style="width:5em"></label>
<button id="go">Join</button> <span id="progress"></span></fieldset>
<ul class="note">${rows}</ul>
<table><thead><tr><th>#</th><th>endpoint</th><th>outcome the page saw</th></tr></thead><tbody id="log"></tbody></table>
<div id="frames"></div>
<script>
let joinNo = 0;
function joinOnce(scenario) {
  return new Promise((resolve) => {
    const f = document.createElement('iframe');
    const done = (res) => { window.removeEventListener('message', onMsg); clearTimeout(t); setTimeout(() => f.remove(), 100); resolve(res); };
    const onMsg = (ev) => { if (ev.source === f.contentWindow && ev.data && ev.data.labResult) done(ev.data.labResult); };
    const t = setTimeout(() => done({ ok: false, value: 'no answer within 60 s' }), 60000);
    window.addEventListener('message', onMsg);
    f.src = '/video-frame.html#' + encodeURIComponent(scenario);
    document.getElementById('frames').appendChild(f);
  });
}
window.labVideoRun = async (scenario, n) => {
  const results = [];
  for (let i = 0; i < n; i++) {
    document.getElementById('progress').textContent = 'join ' + (i + 1) + ' of ' + n;
    const res = await joinOnce(scenario);
    const tr = document.createElement('tr');
    tr.innerHTML = '<td>' + (++joinNo) + '</td><td></td><td class="' + (res.ok ? 'ok' : 'fail') + '"></td>';
    tr.children[1].textContent = scenario;
    tr.lastChild.textContent = JSON.stringify(res.value);
    document.getElementById('log').prepend(tr);
    results.push(res);
  }
  document.getElementById('progress').textContent = 'done';
  return results;
};
document.getElementById('go').onclick = async () => {
  const n = Math.max(1, Math.min(50, Number(document.getElementById('joins').value) || 1));
  await window.labVideoRun(document.getElementById('scenario').value, n);
};
const q = new URLSearchParams(location.search);
if (q.get('scenario')) document.getElementById('scenario').value = q.get('scenario');
</script></body></html>`;
}

/** One Video SDK join in its own document: fetch the endpoint's token, init, join, report to the parent. */
export function videoFramePage(creds: LabVideoCredentials): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>video sdk join</title></head><body>
<script src="/vsdk/index.umd.js"></script>
<script>
const scenario = decodeURIComponent(location.hash.slice(1));
const report = (labResult) => parent.postMessage({ labResult }, location.origin);
(async () => {
  const r = await fetch('/api/video-signature/' + encodeURIComponent(scenario), { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionName: ${JSON.stringify(creds.topic)}, role: 1 }) });
  const { signature } = await r.json();
  const client = WebVideoSDK.default.createClient();
  await client.init('en-US', location.origin + '/vsdk/lib', { patchJsMedia: true });
  try { report({ ok: true, value: await client.join(${JSON.stringify(creds.topic)}, signature, 'lab') }); }
  catch (e) { report({ ok: false, value: e instanceof Error ? { message: e.message } : e }); }
})().catch((e) => report({ ok: false, value: String(e) }));
</script></body></html>`;
}
