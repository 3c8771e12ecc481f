/**
 * What the page and the SDK's own assets looked like around one join: whether the document was
 * cross-origin isolated, which Content-Security-Policy violations the SDK's requests caused, and
 * which of its `lib/av` files failed to load. Part of JoinAttempt (`page`), filled by the capture
 * (hook: isolation and CSP events; devtools page: network answers) and by the HAR reader.
 * Facts and sources: docs/page-and-assets.md.
 */

/** A `securitypolicyviolation` the SDK caused, or one predicted from the page's CSP header (HAR). */
export interface CspViolation {
  /** The effective directive (`script-src`, `connect-src`, `worker-src`, …). */
  directive: string;
  /** What was blocked: a URL, or `wasm-eval` / `eval` / `inline` for code the policy refused. */
  blocked: string;
  /** Page clock, epoch ms (the join time for a violation predicted from headers). */
  at: number;
  /** `event`: the browser reported it; `header`: read from the page's policy (HAR, devtools). */
  seen: 'event' | 'header';
}

/**
 * Why one of the SDK's assets did not arrive as usable code:
 * `http-error` 4xx/5xx; `wrong-mime` answered 2xx with a type the browser will not compile or run
 * (`.wasm` not application/wasm, a script as text/html); `blocked-by-client` refused inside the
 * browser before any answer (an ad or content blocker: net::ERR_BLOCKED_BY_CLIENT);
 * `blocked-by-csp` refused by the page's policy (net::ERR_BLOCKED_BY_CSP).
 */
export type AssetProblem = 'http-error' | 'wrong-mime' | 'blocked-by-client' | 'blocked-by-csp';

export interface AssetFailure {
  url: string;
  kind: 'wasm' | 'js';
  problem: AssetProblem;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  /** The answer's Content-Type (without parameters), when there was one. */
  mimeType: string | null;
  /** The browser's error text (`net::ERR_BLOCKED_BY_CLIENT`), when the request failed. */
  failureText: string | null;
  /** Request start, page clock, epoch ms. */
  at: number;
}

export interface PageFacts {
  /** `window.crossOriginIsolated` (hook), or what the document's COOP/COEP headers make it (HAR); null unknown. */
  crossOriginIsolated?: boolean | null;
  /** Where isolation was read: the page itself, or the document's response headers. */
  isolationSource?: 'page' | 'headers' | null;
  /** The document's Cross-Origin-Opener-Policy / -Embedder-Policy values, when the headers were seen. */
  coop?: string | null;
  coep?: string | null;
  /** At most MAX_PAGE_FACT_ITEMS, first seen first. */
  cspViolations?: CspViolation[];
  /** At most MAX_PAGE_FACT_ITEMS, first seen first. */
  assetFailures?: AssetFailure[];
}

/** Violations and asset failures kept per attempt (and per tab, waiting for a join). */
export const MAX_PAGE_FACT_ITEMS = 20;
/**
 * A failure or violation belongs to a join when it happened this close to it, either side: the
 * client view preloads its wasm before `init`/`join` (`preLoadWasm`), and media assets load after.
 */
export const PAGE_FACT_WINDOW_MS = 2 * 60_000;
