/**
 * The SDK's own assets and the page's policies, judged from network answers. The one
 * implementation behind live capture (the devtools page sees each finished request) and HAR
 * import (each entry), as lib/zoom/zoom-clock.ts is for Zoom's clock: the same exchange gives
 * the same verdict on either path. Facts and sources: docs/page-and-assets.md.
 *
 *  - An asset is a `.wasm` or `.js` under an `/av/` folder (what `ZoomMtg.setZoomJSLib(path, '/av')`
 *    and the component view's `assetPath` point at), or any `.wasm`/`.js` from Zoom's CDNs.
 *  - A document's COOP/COEP decide whether it is cross-origin isolated (SharedArrayBuffer).
 *  - A document's Content-Security-Policy predicts the blocks the SDK meets most: wasm compile
 *    (`script-src` without 'wasm-unsafe-eval'), its blob: workers, and its join request
 *    (`connect-src` without zoom.us).
 */
import type { AssetFailure, CspViolation } from '../model/page-facts';

/** One network answer as a HAR entry or the devtools network API describes it. */
export interface AssetExchange {
  url: string;
  /** 0 when no answer arrived. */
  status: number;
  /** The Content-Type header or the recorder's mimeType; parameters are ignored. */
  mimeType: string | null;
  /** `net::ERR_…` when the request failed (HAR `_error`/`_failureText`). */
  failureText: string | null;
  /** Request start, epoch ms. */
  startedAt: number | null;
}

/** Hosts that serve the SDK's files (global CDN, its CloudFront origin, China CDN). */
const CDN_HOST = /(^|\.)(source\.zoom\.us|dmogdx0jrul3u\.cloudfront\.net|jssdk\.zoomus\.cn)$/i;

/** `wasm` or `js` when the URL is one of the SDK's media assets, else null. */
export function sdkAssetKind(url: string): 'wasm' | 'js' | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const m = /\.(wasm|js)$/i.exec(u.pathname);
  if (!m) return null;
  if (!/\/av\//.test(u.pathname) && !CDN_HOST.test(u.hostname)) return null;
  return m[1]!.toLowerCase() === 'wasm' ? 'wasm' : 'js';
}

const JS_TYPES = /^(text|application)\/(x-)?(javascript|ecmascript)$/;

/** The media type without parameters, lower-cased; null when absent. */
export function mediaType(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = v.split(';')[0]!.trim().toLowerCase();
  return t === '' ? null : t;
}

/**
 * Null when the exchange is not an SDK asset or it arrived fine. A `.wasm` must be
 * `application/wasm` (WebAssembly.compileStreaming refuses anything else); a script as text/html
 * is the page's own HTML (an SPA fallback for a missing file), which a worker refuses to run.
 */
export function classifyAsset(x: AssetExchange): AssetFailure | null {
  const kind = sdkAssetKind(x.url);
  if (!kind) return null;
  const mime = mediaType(x.mimeType);
  const base = { url: x.url.slice(0, 2048), kind, status: x.status, mimeType: mime, failureText: x.failureText ? x.failureText.slice(0, 200) : null, at: x.startedAt ?? 0 };
  if (x.status === 0) {
    const f = x.failureText ?? '';
    if (/BLOCKED_BY_CLIENT/i.test(f)) return { ...base, problem: 'blocked-by-client' };
    if (/BLOCKED_BY_CSP|blocked:csp/i.test(f)) return { ...base, problem: 'blocked-by-csp' };
    return null; // aborted by a navigation, offline: not the asset's fault
  }
  if (x.status >= 400) return { ...base, problem: 'http-error' };
  if (x.status < 200 || x.status >= 300 || mime === null) return null;
  if (kind === 'wasm' && mime !== 'application/wasm') return { ...base, problem: 'wrong-mime' };
  if (kind === 'js' && !JS_TYPES.test(mime) && mime !== 'application/wasm' && /html/.test(mime)) return { ...base, problem: 'wrong-mime' };
  return null;
}

/** Whether a `Cross-Origin-Opener-Policy` and `-Embedder-Policy` pair makes a document cross-origin isolated. */
export function isolatedBy(coop: string | null, coep: string | null): boolean {
  const o = (coop ?? '').split(';')[0]!.trim().toLowerCase();
  const e = (coep ?? '').split(';')[0]!.trim().toLowerCase();
  return o === 'same-origin' && (e === 'require-corp' || e === 'credentialless');
}

type Directives = Map<string, string[]>;

/** One policy's directives (first occurrence wins, as browsers do). */
export function parseCsp(policy: string): Directives {
  const out: Directives = new Map();
  for (const part of policy.slice(0, 16384).split(';')) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    const name = tokens.shift()?.toLowerCase();
    if (name && !out.has(name)) out.set(name, tokens);
  }
  return out;
}

/** The source list that governs `directive`, following CSP's fallback chain to default-src; null: not restricted. */
function governing(d: Directives, chain: readonly string[]): string[] | null {
  for (const n of chain) {
    const v = d.get(n);
    if (v) return v;
  }
  return null;
}

/** Does a source list allow a request to `url` (scheme, host with wildcards; 'self' and paths ignored)? */
export function sourceListAllows(list: readonly string[], url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  const host = u.hostname.toLowerCase();
  for (const raw of list) {
    const s = raw.toLowerCase();
    if (s === "'none'") continue;
    if (s === '*') return scheme === 'https' || scheme === 'http' || scheme === 'wss' || scheme === 'ws';
    if (/^[a-z][a-z0-9+.-]*:$/.test(s)) {
      // `https:` also allows wss: (CSP3 upgrades the scheme match).
      if (s === scheme + ':' || (s === 'https:' && scheme === 'wss') || (s === 'http:' && scheme === 'ws')) return true;
      continue;
    }
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([a-z0-9.-]+|\*)(?::(\d+|\*))?(?:\/.*)?$/.exec(s);
    if (!m || s.startsWith("'")) continue;
    const [, sch, wild, h] = m;
    if (sch && sch !== scheme && !(sch === 'https' && scheme === 'wss') && !(sch === 'http' && (scheme === 'https' || scheme === 'ws' || scheme === 'wss'))) continue;
    // `*.zoom.us` matches subdomains only, never zoom.us itself (CSP3 host-part matching).
    if (h === '*' || (wild ? host.endsWith('.' + h) : host === h)) return true;
  }
  return false;
}

/** Where the SDK sends its join request unless `webEndpoint` says otherwise. */
export const DEFAULT_JOIN_URL = 'https://zoom.us/api/v1/wc/info';

/**
 * The blocks an enforced policy predicts for the SDK: its wasm compile (`wasm-eval`, needs
 * 'wasm-unsafe-eval' or 'unsafe-eval' in script-src) and its join request (`connect-src`).
 */
export function cspBlocksForSdk(policies: readonly string[], at: number, joinUrl: string = DEFAULT_JOIN_URL): CspViolation[] {
  const out: CspViolation[] = [];
  let wasm = false;
  let connect = false;
  let worker = false;
  for (const p of policies) {
    const d = parseCsp(p);
    const script = governing(d, ['script-src', 'default-src']);
    if (!wasm && script && !script.some((s) => /^'(wasm-unsafe-eval|unsafe-eval)'$/i.test(s))) {
      wasm = true;
      out.push({ directive: 'script-src', blocked: 'wasm-eval', at, seen: 'header' });
    }
    // The SDK starts its media workers from blob: URLs; worker-src falls back to child-src, script-src, default-src.
    const workers = governing(d, ['worker-src', 'child-src', 'script-src', 'default-src']);
    if (!worker && workers && !workers.some((s) => /^(blob:|\*)$/i.test(s))) {
      worker = true;
      out.push({ directive: 'worker-src', blocked: 'blob', at, seen: 'header' });
    }
    const conn = governing(d, ['connect-src', 'default-src']);
    if (!connect && conn && !sourceListAllows(conn, joinUrl)) {
      connect = true;
      out.push({ directive: 'connect-src', blocked: joinUrl, at, seen: 'header' });
    }
  }
  return out;
}

export interface DocumentPolicy {
  coop: string | null;
  coep: string | null;
  isolated: boolean;
  /** Enforced Content-Security-Policy headers (report-only ones change nothing). */
  csp: string[];
}

/** A document's answer headers, read for isolation and policy (header names case-insensitive). */
export function documentPolicy(headers: readonly { name: string; value: string }[]): DocumentPolicy {
  let coop: string | null = null;
  let coep: string | null = null;
  const csp: string[] = [];
  for (const h of headers) {
    const n = h.name.toLowerCase();
    if (n === 'cross-origin-opener-policy') coop = h.value;
    else if (n === 'cross-origin-embedder-policy') coep = h.value;
    else if (n === 'content-security-policy') csp.push(...h.value.split(',').map((v) => v.trim()).filter(Boolean));
  }
  return { coop, coep, isolated: isolatedBy(coop, coep), csp };
}
