/**
 * The page of one join scenario (`/join/<name>/<view>?run=N`): the real SDK 6.2.0 loaded the way
 * web apps load it (client view CDN style, or the component view), its lib folder taken from the
 * scenario's asset condition, the scenario's join arguments and token, and `window.labJoin()`,
 * which the runner calls. What the page saw (callbacks, promise) lands in `window.labSaw`.
 */
import type { LabCredentials } from './credentials';
import { HS256_HEADER_JSON, signJsonText } from './jwt';
import { LIB_PATH, type JoinScenario, type JoinView } from './join-scenarios';

const VENDOR = ['react.min.js', 'react-dom.min.js', 'redux.min.js', 'redux-thunk.min.js', 'lodash.min.js'].map((f) => `<script src="/lib/vendor/${f}"></script>`).join('\n');

/** The hook's unsettled-join timeout on these pages: joins that call no callback end this soon. */
export const JOIN_PAGE_TIMEOUT_MS = 25_000;

/**
 * The relay's settle timeout for a scenario's page (lab/join-run.ts sets it through storage.local). Past an accepted wc/info the SDK pings the RWC,
 * opens the meeting server's socket and only then sends its join (21 s under load, measured), and
 * the component view gives up on a silent meeting server ~61 s after its socket opened.
 */
export function joinPageTimeoutMs(s: JoinScenario): number {
  return s.meetingServer ? 90_000 : JOIN_PAGE_TIMEOUT_MS;
}

/** The lab's good signature (Zoom's Node sample) with the scenario's role and video_webrtc_mode. */
export function scenarioSignature(s: JoinScenario, creds: LabCredentials, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + 7200;
  const payload: Record<string, unknown> = { appKey: creds.sdkKey, sdkKey: creds.sdkKey, mn: creds.meetingNumber, role: s.token.role, iat, exp, tokenExp: exp };
  if (s.token.videoWebrtcMode !== undefined) payload.video_webrtc_mode = s.token.videoWebrtcMode;
  return signJsonText(HS256_HEADER_JSON, JSON.stringify(payload), creds.sdkSecret);
}

/** The join arguments: the lab's defaults (with the view's passcode key, unless the scenario names one) and the scenario's. */
export function scenarioJoinArgs(s: JoinScenario, view: JoinView, creds: LabCredentials): Record<string, string> {
  const named = 'passWord' in s.args || 'password' in s.args;
  return { meetingNumber: creds.meetingNumber, userName: 'lab', ...(named ? {} : { [view === 'client' ? 'passWord' : 'password']: '' }), ...s.args };
}

/** Response headers of the scenario's page: COOP/COEP when isolated, its CSP. */
export function joinPageHeaders(s: JoinScenario): Record<string, string> {
  return {
    ...(s.page.isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {}),
    ...(s.page.csp ? { 'content-security-policy': s.page.csp } : {}),
  };
}

export function joinPage(s: JoinScenario, view: JoinView, creds: LabCredentials, nowMs: number): string {
  const lib = LIB_PATH[s.page.assets];
  const setup = JSON.stringify({ signature: scenarioSignature(s, creds, nowMs), args: scenarioJoinArgs(s, view, creds), twice: s.joinTwice === true });
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>${s.name} (${view} view)</title></head><body>
<div id="zmmtg-embedded"></div>
<script>window.labSaw = []; const LAB = ${setup};</script>
${VENDOR}`;
  if (view === 'client')
    return `${head}
<script src="/sdk/zoom-meeting-6.2.0.min.js"></script>
<script>
ZoomMtg.setZoomJSLib(location.origin + ${JSON.stringify(lib)}, '/av');
ZoomMtg.preLoadWasm();
ZoomMtg.prepareWebSDK();
// One init, then join; join-twice calls join again 1 s after the first called back (a retry
// button, an effect that runs again), inside the SDK's 10 s: 6.2.0 drops it (measured, join-answers.e2e).
// disablePreview: past an accepted wc/info the client view's preview waits for a click on Join
// before it sends its join to the meeting server (measured, docs/join-errors.md §7).
window.labJoin = () => ZoomMtg.init({ leaveUrl: location.origin, patchJsMedia: true,${s.meetingServer ? ' disablePreview: true,' : ''}
  success: () => {
    const saw = (n, ok, value) => {
      labSaw.push({ join: n, ok, value });
      if (n === 1 && LAB.twice) setTimeout(() => one(2), 1000);
    };
    const one = (n) => ZoomMtg.join(Object.assign({ signature: LAB.signature, success: (r) => saw(n, true, r), error: (e) => saw(n, false, e) }, LAB.args));
    one(1);
  },
  error: (e) => labSaw.push({ join: 0, ok: false, value: { init: e } }) });
</script></body></html>`;
  return `${head}
<script src="/sdk/zoom-meeting-embedded-ES5.min.js"></script>
<script>
window.labJoin = async () => {
  const client = ZoomMtgEmbedded.createClient();
  await client.init({ zoomAppRoot: document.getElementById('zmmtg-embedded'), language: 'en-US', patchJsMedia: true, assetPath: location.origin + ${JSON.stringify(lib + '/av')} });
  const one = (n) => client.join(Object.assign({ signature: LAB.signature }, LAB.args)).then(
    (v) => labSaw.push({ join: n, ok: true, value: v }), (e) => labSaw.push({ join: n, ok: false, value: e instanceof Error ? { message: e.message } : e }));
  one(1);
  // A second client.join while the first runs (StrictMode's second effect): 6.2.0 sends both (measured).
  if (LAB.twice) setTimeout(() => one(2), 100);
};
</script></body></html>`;
}
