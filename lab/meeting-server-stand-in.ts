/**
 * A stand-in for Zoom's meeting-server stage, so the real @zoom/meetingsdk 6.2.0 gets past a
 * successful `wc/info` and fails (or stalls) where real joins fail after Zoom accepted the
 * signature: external-account authorization (4011–4018), meeting ended, full, locked, participant
 * exists. Node only (Playwright); nothing in lib/ imports it.
 *
 * What the SDK does after `wc/info` answers status:true (measured with 6.2.0 in headless Chromium
 * 156, both views; docs/join-errors.md §7):
 *   1. `GET https://<rwc>/wc/ping/<meetingNumber>?ts&auth&rwcToken&dmz=1&option&tid`, a CORS fetch to
 *      each RWC (region web connector) named in the answer's `encryptedRWC`; the JSON answer names
 *      the RWG (`rwg`) and a credential for it (`rwcAuth`). Unanswered, the SDK retries every 2 s.
 *   2. `new WebSocket('wss://<rwg>/wc/api/<meetingNumber>?…&rwcAuth=…')`.
 *   3. It waits for the RWG's `{"evt":0,"body":{"status":"READY","conID":…}}`, then sends its join
 *      (`evt 4301`: dn2, mpwd, sign…; in the client view's default preview only once the user
 *      clicks Join).
 *   4. The RWG answers `{"evt":4098,"body":{"res":N}}` (WS_CONF_JOIN_RES): 0 is joined; anything else
 *      is mapped through the SDK's meeting-server table (client `E`, component `JM`): 6601 → 4011…
 *
 *   const zoom = await routeZoom(context);                        // tests/e2e/harness/zoom-route.ts
 *   const ms = await routeMeetingServer(context, { result: 6601 });
 *   zoom.answer = (req) => ({ body: acceptedJoinAnswer(req.fields) });       // every join: ms.result
 *   zoom.answer = (req) => ({ body: acceptedJoinAnswer(req.fields, 13295) }); // this join: 13295
 *
 * A result given to acceptedJoinAnswer travels with the join itself (in the RWC token, which the
 * RWC ping turns into the WebSocket's `rwcAuth`), so joins running at the same time can each have
 * their own; without one the WebSocket gets `ms.result` as it was when it opened.
 *
 * Routes are matched newest first in Playwright, so installing this after routeZoom/routeOffline
 * answers the RWC ping before their "block everything else" rule sees it.
 */
import type { BrowserContext, WebSocketRoute } from 'playwright-core';

/** Host names the stand-in answers for (never resolved: the browser context's routes answer them). */
export const STAND_IN_RWC = 'rwc-stand-in.zoom.us';
export const STAND_IN_RWG = 'rwg-stand-in.zoom.us';

/**
 * What the meeting server does with the next join:
 *  - a number: its join answer's result code (`evt 4098` `res`; 0 = joined, 6601 = cross-account join …);
 *  - `'silent'`: the WebSocket opens and says READY, but never answers the join;
 *  - `'no-rwc'`: the RWC ping fails (network error), so no WebSocket is ever opened.
 */
export type MeetingServerResult = number | 'silent' | 'no-rwc';

export interface MeetingServerStandIn {
  result: MeetingServerResult;
  /** RWC ping URLs, WebSocket URLs, and the `evt` numbers the SDK sent on its WebSockets, in order. */
  pings: string[];
  sockets: string[];
  sent: number[];
}

const TOKEN_PREFIX = 'stand-in.';
const RESULTS = /^stand-in\.(-?\d+|silent|no-rwc)$/;

/** The result a join carries in its RWC token / rwcAuth (acceptedJoinAnswer's `result`), or null. */
function carried(token: string | null): MeetingServerResult | null {
  const m = token === null ? null : RESULTS.exec(token);
  if (!m) return null;
  return m[1] === 'silent' || m[1] === 'no-rwc' ? m[1] : Number(m[1]);
}

/** The meeting server's join-answer event (RWG → client), WS_CONF_JOIN_RES. */
export const JOIN_RES_EVT = 4098;
/** The client's join message on the RWG socket (client → RWG), sent after READY. */
export const JOIN_REQ_EVT = 4301;

/**
 * A `wc/info` success answer the 6.2.0 SDK proceeds from (its fetchRemoteSDKMeetingInfo handler
 * and the client view's meeting-config builder, read in the bundle and measured). `fields` are the
 * request's form fields (routeZoom's `req.fields`). Each field, and why it is needed:
 */
export function acceptedJoinAnswer(fields: Record<string, string>, result?: MeetingServerResult): { status: true; errorCode: 0; errorMessage: ''; result: Record<string, unknown> } {
  const meetingNumber = Number(fields.meetingNumber ?? '0');
  const ts = String(Date.now());
  return {
    // `status === true && result !== undefined` is the SDK's success test.
    status: true,
    errorCode: 0,
    errorMessage: '',
    result: {
      // A result without `mid` (but with an errorMessage) counts as a failure; `mid` also keys the
      // SDK's session storage and is sent to the RWG.
      mid: 'STAND-IN-MID',
      // The RWC ping path and the WebSocket path are `/<meetingNumber>`.
      meetingNumber,
      userName: fields.userName ?? '',
      // ts, auth and tid go into the RWC ping and the WebSocket query (the RWC checks them).
      ts,
      auth: 'stand-in-auth',
      tid: 'stand-in-tid',
      // The client view's meeting UI decodes `sign` as a JWT (`video_webrtc_mode`); without it the
      // console shows "Invalid token" and a TypeError, and the join message is never sent. Zoom
      // answers with a JWT here; the join's own signature is one.
      sign: fields.signature ?? '',
      // JSON text `{ "<rwc host>": "<rwcToken>" }`: the RWCs to ping. Absent, the SDK pings none.
      // The token carries this join's result to the stand-in's RWC and RWG.
      encryptedRWC: JSON.stringify({ [STAND_IN_RWC]: `${TOKEN_PREFIX}${result ?? ''}` }),
      // JSON.parse'd unconditionally by the client view (no fallback): must be JSON text.
      toll_numbers_json: '[]',
      call_out_country_json: '[]',
      meetingOptions: '{}',
      isWebinar: '0',
    },
  };
}

/**
 * Answers the RWC ping and the RWG WebSocket in `context` (install after routeZoom /
 * routeOffline). The returned object is live: change `result` between joins.
 */
export async function routeMeetingServer(context: BrowserContext, opts: { result: MeetingServerResult }): Promise<MeetingServerStandIn> {
  const ms: MeetingServerStandIn = { result: opts.result, pings: [], sockets: [], sent: [] };
  await context.route((url) => url.hostname === STAND_IN_RWC && url.pathname.startsWith('/wc/ping/'), async (route) => {
    const req = route.request();
    ms.pings.push(req.url());
    const token = new URL(req.url()).searchParams.get('rwcToken');
    if ((carried(token) ?? ms.result) === 'no-rwc') return route.abort('failed');
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': req.headers().origin ?? '*' },
      // The RWG to open (`wss://<rwg>/wc/api/…`) and its credential (`rwcAuth`, sent in the WebSocket query).
      body: JSON.stringify({ rwg: STAND_IN_RWG, rwcAuth: token ?? 'stand-in.' }),
    });
  });
  await context.routeWebSocket((url) => url.hostname === STAND_IN_RWG, (ws) => answerSocket(ms, ws));
  return ms;
}

/** One RWG connection: READY at once, then the join answer when the SDK sends its join. */
function answerSocket(ms: MeetingServerStandIn, ws: WebSocketRoute): void {
  ms.sockets.push(ws.url());
  // The join's own result, else the setting when its socket opened.
  const result = carried(new URL(ws.url()).searchParams.get('rwcAuth')) ?? ms.result;
  ws.send(JSON.stringify({ evt: 0, seq: 0, body: { status: 'READY', conID: 'stand-in-conid' } }));
  ws.onMessage((m) => {
    if (typeof m !== 'string') return;
    let evt: unknown;
    try {
      evt = (JSON.parse(m) as { evt?: unknown }).evt;
    } catch {
      return;
    }
    if (typeof evt !== 'number') return;
    ms.sent.push(evt);
    if (evt === JOIN_REQ_EVT && typeof result === 'number') ws.send(JSON.stringify({ evt: JOIN_RES_EVT, seq: 1, body: { res: result } }));
  });
}
