/**
 * The lab server on 127.0.0.1: the lab page, the real Meeting SDK's dist from node_modules
 * (`/sdk`, `/lib`, `/ui`), the signature endpoints (`POST /api/signature/<scenario>`) and the
 * Zoom stand-in (`/wc/info`). Everything runs on the real clock, as the page does.
 *
 * The browser reaches the stand-in through request routing (the SDK posts to
 * https://zoom.us/api/v1/wc/info); `answerZoom` is that entry point, and the HTTP paths here
 * answer the same way for curl and tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { JoinDoctorError } from '../lib/errors';
import { LAB_CREDENTIALS, LAB_VIDEO_CREDENTIALS, type LabCredentials } from './credentials';
import { clientFramePage, labPage } from './lab-page';
import { isScenarioName, SCENARIOS } from './scenarios';
import { judgeWcInfo } from './wc-info-judge';
import { acceptedJoinAnswer } from './meeting-server-stand-in';
import { judgeLsdk } from './wc-lsdk-judge';
import { isVideoScenarioName, VIDEO_SCENARIOS } from './video-scenarios';
import { videoFramePage, videoLabPage } from './video-lab-page';
import { CONTENT_TYPES, contentType, mountedFile, sdkMounts } from './static-files';
import { BROKEN_WASM, joinScenario, type JoinScenario, type JoinView } from './join-scenarios';
import { joinPage, joinPageHeaders } from './join-page';

/** The join scenario and view a lab page URL names (`/join/<name>/<view>`), or null. */
export function joinScenarioOfUrl(pageUrl: string | null | undefined): { scenario: JoinScenario; view: JoinView } | null {
  if (!pageUrl) return null;
  let p: string;
  try {
    p = new URL(pageUrl, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
  const m = /^\/join\/([\w-]+)\/(client|component)$/.exec(p);
  const scenario = m ? joinScenario(m[1]!) : undefined;
  const view = m?.[2] as JoinView | undefined;
  return scenario && view && scenario.views.includes(view) ? { scenario, view } : null;
}

/** The join scenario's wc/info answer (the JSONP retry of an HTTP error gets the step's `then`). */
function scenarioAnswer(s: JoinScenario, jsonp: boolean, fields: Record<string, string>): { action?: 'abort' | 'hang'; status: number; body: unknown } {
  const w = s.wcInfo;
  // The meeting server's result rides with this join (in its RWC token) to the stand-in's socket.
  if (w.kind === 'accept') return { status: 200, body: acceptedJoinAnswer(fields, s.meetingServer?.serverCode ?? 'silent') };
  if (w.kind === 'abort' || w.kind === 'hang') return { action: w.kind, status: 0, body: null };
  if (w.kind === 'http-error') return jsonp ? { status: 200, body: { status: false, ...w.then } } : { status: w.status, body: null };
  return { status: 200, body: { status: false, errorCode: w.errorCode, errorMessage: w.errorMessage } };
}

export interface ZoomAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A join scenario's stand-in fails the request without an answer, or never answers. */
  action?: 'abort' | 'hang';
}

export interface StandInLogEntry {
  at: number;
  scenario?: string;
  accepted: boolean;
  reason: string;
}

export interface LabServer {
  origin: string;
  creds: LabCredentials;
  /** Every wc/info judgement, in order. */
  judgements: StandInLogEntry[];
  /**
   * Answers a request the browser made to a Zoom host (routed here). `pageUrl` is the page that
   * made it: a join scenario's page (/join/<name>/…) gets that scenario's answer, any other page
   * the signature judge's.
   */
  answerZoom(req: { method: string; url: string; postData: string | null; origin: string | null; pageUrl?: string | null }): ZoomAnswer;
  close(): Promise<void>;
}

export interface LabServerOptions {
  port?: number;
}

export function sdkDistDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve('@zoom/meetingsdk/package.json')), 'dist');
  } catch {
    throw new JoinDoctorError('ERR_IO', '@zoom/meetingsdk is not installed: run `npm install` first (the lab loads the real SDK from node_modules).');
  }
}

/** The Video SDK's dist, for the lab's /video page; null when @zoom/videosdk is not installed. */
export function videoSdkDistDir(): string | null {
  const require = createRequire(import.meta.url);
  try {
    // Its `exports` map hides package.json; the CommonJS entry is dist/index.js.
    return path.dirname(require.resolve('@zoom/videosdk'));
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new JoinDoctorError('ERR_USAGE', 'request body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLabServer(opts: LabServerOptions = {}): Promise<LabServer> {
  const dist = sdkDistDir();
  const creds = LAB_CREDENTIALS;
  const judgements: StandInLogEntry[] = [];
  const mounts = sdkMounts(dist);
  // The asset scenarios' lib folders (their broken files are answered above the mounts).
  for (const prefix of ['/lib404', '/libhtml', '/libblock']) mounts[prefix] = path.join(dist, 'lib');
  const videoDist = videoSdkDistDir();
  if (videoDist) mounts['/vsdk'] = videoDist;
  let lastScenario: string | undefined;

  const answerZoom: LabServer['answerZoom'] = (req) => {
    const url = new URL(req.url);
    const cors = { 'access-control-allow-origin': req.origin ?? '*', 'access-control-allow-credentials': 'true', 'cache-control': 'no-store' };
    const now = Date.now();
    const lsdk = url.pathname.endsWith('/wc/lsdk');
    if (!url.pathname.endsWith('/wc/info') && !lsdk) return { status: 404, headers: { ...cors, date: new Date(now).toUTCString() }, body: 'not found' };
    const jsonp = req.method === 'GET' && url.searchParams.has('callback');
    const fields = Object.fromEntries(jsonp ? url.searchParams : new URLSearchParams(req.postData ?? ''));
    const js = lsdk ? null : joinScenarioOfUrl(req.pageUrl);
    if (js) {
      const a = scenarioAnswer(js.scenario, jsonp, fields);
      judgements.push({ at: now, scenario: js.scenario.name, accepted: js.scenario.wcInfo.kind === 'accept', reason: a.action ?? `HTTP ${a.status} ${JSON.stringify(a.body)}` });
      const headers = { ...cors, date: new Date(now).toUTCString(), 'content-type': jsonp ? 'application/javascript' : a.body ? 'application/json;charset=UTF-8' : 'text/html' };
      const body = a.body === null ? '<html>500 Internal Server Error</html>' : jsonp ? `${fields.callback}(${JSON.stringify(a.body)})` : JSON.stringify(a.body);
      return { status: a.status, headers, body, ...(a.action ? { action: a.action } : {}) };
    }
    const a = lsdk ? judgeLsdk(fields, LAB_VIDEO_CREDENTIALS, now) : judgeWcInfo(fields, creds, now);
    judgements.push({ at: now, scenario: lastScenario, accepted: a.body.status, reason: a.reason });
    const text = JSON.stringify(a.body);
    return {
      status: 200,
      headers: { ...cors, date: a.date, 'content-type': jsonp ? 'application/javascript' : 'application/json;charset=UTF-8' },
      body: jsonp ? `${fields.callback}(${text})` : text,
    };
  };

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const p = decodeURIComponent(url.pathname);
      if (p === '/' || p === '/index.html') return send(res, 200, labPage({ creds }), { 'content-type': CONTENT_TYPES['.html']! });
      const jp = /^\/join\/[\w-]+\/(client|component)$/.test(p) ? joinScenarioOfUrl(p) : null;
      if (jp) return send(res, 200, joinPage(jp.scenario, jp.view, creds, Date.now()), { 'content-type': CONTENT_TYPES['.html']!, ...joinPageHeaders(jp.scenario) });
      if (p.startsWith('/join/')) return send(res, 404, 'unknown join scenario or view', { 'content-type': 'text/plain' });
      // The asset scenarios' lib folders: one wasm 404s, or comes as text/html; or nothing is deployed.
      if (p === `/lib404/${BROKEN_WASM}` || p.startsWith('/nolib/')) return send(res, 404, '<!doctype html><title>404 Not Found</title>', { 'content-type': 'text/html' });
      if (p === `/libhtml/${BROKEN_WASM}`) return send(res, 200, '<!doctype html><html><body>app</body></html>', { 'content-type': CONTENT_TYPES['.html']! });
      if (p === '/client-frame.html') return send(res, 200, clientFramePage(creds), { 'content-type': CONTENT_TYPES['.html']! });
      if (p === '/video' || p === '/video.html') return send(res, 200, videoLabPage(LAB_VIDEO_CREDENTIALS), { 'content-type': CONTENT_TYPES['.html']! });
      if (p === '/video-frame.html') return send(res, 200, videoFramePage(LAB_VIDEO_CREDENTIALS), { 'content-type': CONTENT_TYPES['.html']! });
      const vsig = /^\/api\/video-signature\/([\w-]+)$/.exec(p);
      if (vsig) {
        const name = vsig[1];
        if (!isVideoScenarioName(name)) return send(res, 404, JSON.stringify({ errors: [{ property: 'scenario', reason: `unknown Video SDK scenario ${name}` }] }), { 'content-type': 'application/json' });
        if (req.method !== 'POST') return send(res, 405, 'POST a JSON body {sessionName, role}', { allow: 'POST' });
        let role = 0;
        try {
          const body = JSON.parse((await readBody(req)) || '{}') as { role?: unknown };
          // As Zoom's Video SDK sample: a string role is parseInt-ed, then must be 0 or 1.
          if (body.role !== undefined) role = typeof body.role === 'string' ? Number.parseInt(body.role, 10) : Number(body.role);
        } catch {
          return send(res, 400, JSON.stringify({ errors: [{ property: 'body', reason: 'not JSON' }] }), { 'content-type': 'application/json' });
        }
        if (role !== 0 && role !== 1) return send(res, 400, JSON.stringify({ errors: [{ property: 'role', reason: 'must be 0 or 1' }] }), { 'content-type': 'application/json' });
        lastScenario = name;
        const signature = VIDEO_SCENARIOS[name].issue(Date.now(), LAB_VIDEO_CREDENTIALS, role);
        return send(res, 200, JSON.stringify({ signature }), { 'content-type': 'application/json', date: new Date().toUTCString() });
      }
      const sig = /^\/api\/signature\/([\w-]+)$/.exec(p);
      if (sig) {
        const name = sig[1];
        if (!isScenarioName(name)) return send(res, 404, JSON.stringify({ errors: [{ property: 'scenario', reason: `unknown scenario ${name}` }] }), { 'content-type': 'application/json' });
        if (req.method !== 'POST') return send(res, 405, 'POST a JSON body {meetingNumber, role}', { allow: 'POST' });
        let role = 0;
        try {
          const b = JSON.parse((await readBody(req)) || '{}') as { role?: unknown };
          if (b.role !== undefined) role = Number.parseInt(String(b.role), 10);
        } catch {
          return send(res, 400, JSON.stringify({ errors: [{ property: 'body', reason: 'not JSON' }] }), { 'content-type': 'application/json' });
        }
        if (role !== 0 && role !== 1) return send(res, 400, JSON.stringify({ errors: [{ property: 'role', reason: 'must be 0 or 1' }] }), { 'content-type': 'application/json' });
        lastScenario = name;
        // A server with a fast clock stamps its Date header fast too.
        const serverNow = Date.now() + (name === 'clock-ahead' ? 60_000 : 0);
        const signature = SCENARIOS[name].issue(Date.now(), creds, role);
        return send(res, 200, JSON.stringify({ signature, sdkKey: creds.sdkKey }), { 'content-type': 'application/json', date: new Date(serverNow).toUTCString() });
      }
      if (p.endsWith('/wc/info') || p.endsWith('/wc/lsdk')) {
        const postData = req.method === 'POST' ? await readBody(req) : null;
        const a = answerZoom({ method: req.method ?? 'GET', url: `https://zoom.us${req.url}`, postData, origin: req.headers.origin ?? null, pageUrl: req.headers.referer ?? null });
        if (a.action === 'abort') return void res.destroy();
        // 'hang': keep the request open; close() ends it with closeAllConnections.
        if (a.action === 'hang') return;
        return send(res, a.status, a.body, a.headers);
      }
      const file = await mountedFile(mounts, p);
      // The SDK's own files never change: cached (and their compiled code kept) they load in a
      // fraction of the time, which is most of a join-scenario run. The asset scenarios' folders stay uncached.
      const cacheable = /^\/(sdk|lib|ui|vsdk)\//.test(p);
      if (file) return send(res, 200, (await readFile(file)) as unknown as string, { 'content-type': contentType(file), ...(cacheable ? { 'cache-control': 'public, max-age=3600' } : {}) });
      send(res, 404, 'not found', { 'content-type': 'text/plain' });
    } catch (e) {
      if (!res.headersSent) send(res, 400, e instanceof Error ? e.message : 'bad request', { 'content-type': 'text/plain' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new JoinDoctorError('ERR_IO', `lab server could not listen on 127.0.0.1:${opts.port ?? 0}: ${e.message}`)));
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    creds,
    judgements,
    answerZoom,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
