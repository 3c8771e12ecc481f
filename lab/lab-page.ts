/**
 * The lab page: pick a signature endpoint, join once or N times with the real Meeting SDK
 * (component view in this page, or client view in a fresh iframe per join), see each outcome.
 * `window.labRun(scenario, n, view)` is what the headless runner calls; people use the form.
 */
import type { LabCredentials } from './credentials';
import { SCENARIOS, SCENARIO_NAMES } from './scenarios';

const VENDOR = ['react.min.js', 'react-dom.min.js', 'redux.min.js', 'redux-thunk.min.js', 'lodash.min.js'].map((f) => `/lib/vendor/${f}`);
const vendorTags = () => VENDOR.map((s) => `<script src="${s}"></script>`).join('\n');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The lab's own ZoomMtg for fast joins: a 6.x-shaped object whose join sends the SDK's
 * wc/info request and reports like the SDK (the 3712 object and its siblings, signature-facts §2).
 */
const SIMULATED_SDK = `
(function () {
  var CODES = { 'The api key is wrong.': [3704, 'The accounts API Key is not valid.'], 'The signature has expired.': [3705, 'The signature has expired.'],
    'The role is not applicable.': [3708, 'Incorrect role.'], 'Invalid signature.': [3712, 'Signature is invalid.'] };
  function join(args) {
    var body = new URLSearchParams({ meetingNumber: String(args.meetingNumber), userName: args.userName || '', passWord: args.passWord || '',
      signature: args.signature, signatureType: 'sdk', apiKey: '', lang: 'en-US', userEmail: '', cv: '6.2.0', proxy: '1', sdkOrigin: btoa(location.origin) });
    var xhr = new XMLHttpRequest();
    xhr.open('POST', 'https://zoom.us/api/v1/wc/info');
    xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
    xhr.onload = function () {
      var r; try { r = JSON.parse(xhr.responseText); } catch (e) { r = { status: false, errorCode: 1, errorMessage: 'bad answer' }; }
      if (r.status === true) { args.success && args.success({ method: 'join', status: true, result: null, errorCode: 0, errorMessage: null }); return; }
      var c = r.errorCode === 200 ? (CODES[r.errorMessage] || [1, 'Fail to join the meeting.']) : [r.errorCode, r.errorMessage];
      args.error && args.error({ method: 'join', status: false, result: r.errorMessage, errorCode: c[0], errorMessage: c[1] });
    };
    xhr.onerror = function () { args.error && args.error({ method: 'join', status: false, result: null, errorCode: 1, errorMessage: 'Fail to join the meeting.' }); };
    xhr.send(body.toString());
  }
  window.ZoomMtg = { init: function (o) { o && o.success && o.success(); }, join: join, getWebSDKVersion: function () { return 'lab-simulated (6.2.0 wire)'; } };
})();
`;

export interface LabPageOptions {
  creds: LabCredentials;
}

export function labPage(opts: LabPageOptions): string {
  const options = SCENARIO_NAMES.map((n) => `<option value="${n}">${esc(n)}: ${esc(SCENARIOS[n].title)} (fails ${esc(SCENARIOS[n].expectedFailure)})</option>`).join('');
  const descriptions = SCENARIO_NAMES.map((n) => `<li><b>${esc(n)}</b>: ${esc(SCENARIOS[n].description)}</li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Join Doctor lab</title>
<style>
body{font:14px system-ui,sans-serif;margin:16px;max-width:1100px;color:#222}
fieldset{border:1px solid #ccc;padding:8px 12px;margin:8px 0} label{margin-right:12px}
table{border-collapse:collapse;margin-top:8px} td,th{border:1px solid #ddd;padding:2px 8px;font-size:12px;text-align:left}
.fail{color:#b00020}.ok{color:#0a7a2f} #zmmtg-embedded{height:1px;overflow:hidden} #frames iframe{width:1px;height:1px;border:0}
.note{color:#555;font-size:12px}
</style></head><body>
<h1>Join Doctor lab</h1>
<p>Every join below uses the real <code>@zoom/meetingsdk</code> 6.2.0 from node_modules. Zoom's <code>wc/info</code> is answered
by a local stand-in that checks the signature as Zoom documents it (HMAC with the lab's secret, appKey, mn, role, integer
iat/exp, iat not in its future, exp − iat within 1800..172800, exp not passed). Open DevTools → <b>Join Doctor</b> to see what
the extension captured and diagnosed. Meeting <code>${esc(opts.creds.meetingNumber)}</code>, app key <code>${esc(opts.creds.sdkKey)}</code>.</p>
<fieldset><legend>Join</legend>
<label>Signature endpoint <select id="scenario">${options}</select></label>
<label>View <select id="view"><option value="simulated">simulated SDK (fast; joins can succeed)</option><option value="component">real SDK, component view</option><option value="client">real SDK, client view (one iframe per join)</option></select></label>
<label>Joins <input id="joins" type="number" min="1" max="500" value="1" style="width:5em"></label>
<button id="go">Join</button> <button id="stop" disabled>Stop</button> <span id="progress"></span>
</fieldset>
<p class="note" id="clocknote">Clock: the real one, for the page, the endpoints and the Zoom stand-in alike (as on a real site).
Joins made seconds apart all share one 128 s step of a quantised iat (0% or 100% failing), so for the java-round endpoint
the lab spreads N joins evenly over 128 s of real time (<code>--spread-seconds</code>): together they sample every moment
of the step, as joins spread over a day do, and about a quarter of them fail.</p>
<p class="note">Views: the real SDK cannot complete a join offline, so with the real SDK a signature the stand-in accepts ends in
"connection error" (errorCode 200) once the SDK tries to reach the meeting. The <b>simulated SDK</b> is the lab's own
<code>ZoomMtg</code>: it sends the same <code>wc/info</code> request and calls <code>success</code> when the stand-in accepts,
<code>error</code> with the SDK's code (3712, 3705, …) when it refuses, with no rate limit, so many joins are fast and
successes are real successes for the correlation.</p>
<ul class="note">${descriptions}</ul>
<table><thead><tr><th>#</th><th>endpoint</th><th>view</th><th>iat</th><th>outcome</th></tr></thead><tbody id="log"></tbody></table>
<div id="zmmtg-embedded"></div><div id="frames"></div>
${vendorTags()}
<script src="/sdk/zoom-meeting-embedded-ES5.min.js"></script>
<script>${SIMULATED_SDK}</script>
<script>
const MN = ${JSON.stringify(opts.creds.meetingNumber)};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let stopRequested = false, joinNo = 0;
function iatOf(sig) { try { return JSON.parse(atob(sig.split('.')[1].replace(/-/g,'+').replace(/_/g,'/'))).iat; } catch { return '?'; } }
function logRow(scenario, view, sig, res) {
  const tr = document.createElement('tr');
  const text = res.ok ? 'joined (stand-in accepted)' : 'failed: ' + JSON.stringify(res.value);
  tr.innerHTML = '<td>' + (++joinNo) + '</td><td>' + scenario + '</td><td>' + view + '</td><td>' + iatOf(sig) + '</td><td class="' + (res.ok ? 'ok' : 'fail') + '"></td>';
  tr.lastChild.textContent = text;
  document.getElementById('log').prepend(tr);
}
async function issue(scenario) {
  // Same request a web app makes to its own backend (Zoom's auth endpoint sample: POST JSON).
  const r = await fetch('/api/signature/' + scenario, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meetingNumber: MN, role: 0 }) });
  const body = await r.json();
  return body.signature;
}
async function joinComponent(signature) {
  // The component view refuses a second join on one client (5012): a fresh client per join.
  try { ZoomMtgEmbedded.destroyClient(); } catch (e) {}
  const root = document.getElementById('zmmtg-embedded');
  root.innerHTML = '';
  const client = ZoomMtgEmbedded.createClient();
  await client.init({ zoomAppRoot: root, language: 'en-US', patchJsMedia: true, assetPath: location.origin + '/lib/av' });
  try { return { ok: true, value: await client.join({ signature, meetingNumber: MN, userName: 'lab', password: '' }) }; }
  catch (e) { return { ok: false, value: e instanceof Error ? { message: e.message } : e }; }
}
function joinSimulated(signature) {
  return new Promise((resolve) => ZoomMtg.join({ signature, meetingNumber: MN, userName: 'lab', passWord: '',
    success: (r) => resolve({ ok: true, value: r }), error: (e) => resolve({ ok: false, value: e }) }));
}
function joinClient(signature) {
  // The client view rate-limits joins per page (3633 within 10 s): one iframe per join.
  return new Promise((resolve) => {
    const f = document.createElement('iframe');
    const done = (res) => { window.removeEventListener('message', onMsg); clearTimeout(t); setTimeout(() => f.remove(), 100); resolve(res); };
    const onMsg = (ev) => { if (ev.source === f.contentWindow && ev.data && ev.data.labResult) done(ev.data.labResult); };
    const t = setTimeout(() => done({ ok: false, value: 'no callback within 30 s' }), 30000);
    window.addEventListener('message', onMsg);
    f.src = '/client-frame.html#' + encodeURIComponent(signature);
    document.getElementById('frames').appendChild(f);
  });
}
const SAMPLE_OVER_TIME = ${JSON.stringify(SCENARIO_NAMES.filter((n) => SCENARIOS[n].sampleOverTime === true))};
window.labRun = async (scenario, n, view, spreadMs) => {
  stopRequested = false;
  const results = [];
  // Join i starts at start + i × spread / n (or at once when the previous one ran late).
  const step = (spreadMs === undefined ? (SAMPLE_OVER_TIME.includes(scenario) ? 128000 : 0) : spreadMs) / n;
  const start = Date.now();
  for (let i = 0; i < n && !stopRequested; i++) {
    const wait = start + i * step - Date.now();
    if (wait > 0) await sleep(wait);
    document.getElementById('progress').textContent = 'join ' + (i + 1) + ' of ' + n;
    const signature = await issue(scenario);
    const res = view === 'client' ? await joinClient(signature) : view === 'component' ? await joinComponent(signature) : await joinSimulated(signature);
    logRow(scenario, view, signature, res);
    results.push({ ok: res.ok, value: res.value });
  }
  document.getElementById('progress').textContent = 'done: ' + results.length + ' joins, ' + results.filter((r) => !r.ok).length + ' failed';
  return results;
};
document.getElementById('go').onclick = async () => {
  const go = document.getElementById('go'), stop = document.getElementById('stop');
  go.disabled = true; stop.disabled = false;
  const n = Math.max(1, Math.min(500, Number(document.getElementById('joins').value) || 1));
  try { await window.labRun(document.getElementById('scenario').value, n, document.getElementById('view').value); }
  finally { go.disabled = false; stop.disabled = true; }
};
document.getElementById('stop').onclick = () => { stopRequested = true; };
const q = new URLSearchParams(location.search);
if (q.get('scenario')) document.getElementById('scenario').value = q.get('scenario');
</script></body></html>`;
}

/** One client-view join in its own document (the SDK rate-limits joins per page). */
export function clientFramePage(creds: LabCredentials): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>client view join</title></head><body>
${vendorTags()}
<script src="/sdk/zoom-meeting-6.2.0.min.js"></script>
<script>
const signature = decodeURIComponent(location.hash.slice(1));
const report = (labResult) => parent.postMessage({ labResult }, location.origin);
ZoomMtg.setZoomJSLib(location.origin + '/lib', '/av');
ZoomMtg.preLoadWasm();
ZoomMtg.prepareWebSDK();
ZoomMtg.init({ leaveUrl: location.origin, patchJsMedia: true,
  success: () => ZoomMtg.join({ signature, meetingNumber: ${JSON.stringify(creds.meetingNumber)}, userName: 'lab', passWord: '',
    success: (r) => report({ ok: true, value: r }), error: (e) => report({ ok: false, value: e }) }),
  error: (e) => report({ ok: false, value: e }) });
</script></body></html>`;
}
