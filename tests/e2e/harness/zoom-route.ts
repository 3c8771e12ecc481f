/**
 * Zoom's hosts for browser tests, on the network side: canned answers chosen by the test, no
 * judging (the lab's signature judge, which decides like Zoom, is lab/wc-info-judge.ts; the
 * page-side fake ZoomMtg is fake-zoom-mtg.ts).
 *
 * Answers Zoom's `wc/info` like Zoom does, through Playwright request interception, and blocks
 * every other non-loopback request (logged in `blocked`: nothing external may be needed).
 *
 *   const zoom = await routeZoom(context);                 // every join: 3712 "Invalid signature."
 *   zoom.answer = (req) => ({ status: 500 });              // per test: e.g. force the JSONP retry
 *   zoom.requests                                          // what the SDK sent (parsed form fields)
 *
 * Default answer: `{status:false,errorCode:200,errorMessage:"Invalid signature."}` (HTTP 200,
 * with a Date header and CORS headers as Zoom sends them). A JSONP request (GET with `callback`,
 * or `cb` as 2.x–5.x send it) is answered as `callback({...})`.
 */
import type { BrowserContext } from 'playwright-core';
import { routeOffline } from '../../../lab/offline-route';

export interface WcInfoRequest {
  method: string;
  url: string;
  fields: Record<string, string>;
  jsonp: boolean;
}

/** `'hang'`: never answer (a proxy that swallows the request; the join never settles). */
export type WcInfoAnswer = { status?: number; body?: unknown; dateOffsetMs?: number } | 'abort' | 'hang';

export const INVALID_SIGNATURE = { status: false, errorCode: 200, errorMessage: 'Invalid signature.' };

export interface ZoomStandIn {
  answer: (req: WcInfoRequest) => WcInfoAnswer;
  requests: WcInfoRequest[];
  blocked: string[];
}

export interface RouteZoomOptions {
  /** Paths answered (by suffix); default the Meeting SDK's `/wc/info` (the Video SDK's is `/wc/lsdk`). */
  paths?: readonly string[];
  /** The initial answer; default 3712 "Invalid signature." for every join. */
  answer?: ZoomStandIn['answer'];
}

export async function routeZoom(context: BrowserContext, opts: RouteZoomOptions = {}): Promise<ZoomStandIn> {
  const paths = opts.paths ?? ['/wc/info'];
  const zoom: ZoomStandIn = { answer: opts.answer ?? (() => ({ body: INVALID_SIGNATURE })), requests: [], blocked: [] };
  await routeOffline(context, (url) => paths.some((p) => url.pathname.endsWith(p)), async (route, req, url) => {
    // 6.x's JSONP retry names its callback `callback`; 2.x–5.x's client view uses `cb`.
    const callback = url.searchParams.get('callback') ?? url.searchParams.get('cb');
    const jsonp = req.method() === 'GET' && callback !== null;
    const fields = Object.fromEntries(jsonp ? url.searchParams : new URLSearchParams(req.postData() ?? ''));
    const r: WcInfoRequest = { method: req.method(), url: req.url(), fields, jsonp };
    zoom.requests.push(r);
    const a = zoom.answer(r);
    if (a === 'abort') return route.abort('failed');
    if (a === 'hang') return;
    const status = a.status ?? 200;
    const text = JSON.stringify(a.body ?? INVALID_SIGNATURE);
    const origin = req.headers().origin ?? '*';
    await route.fulfill({
      status,
      headers: {
        'content-type': jsonp ? 'application/javascript' : 'application/json;charset=UTF-8',
        date: new Date(Date.now() + (a.dateOffsetMs ?? 0)).toUTCString(),
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
      },
      body: jsonp ? `${callback}(${text})` : status >= 500 ? '<html>502 Bad Gateway</html>' : text,
    });
  }, zoom.blocked);
  return zoom;
}
