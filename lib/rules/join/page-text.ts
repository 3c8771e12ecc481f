/**
 * Wording shared by the page and asset rules: which URLs failed (a few, then a count), and the
 * fix that moves the SDK's assets to a folder the page serves. Facts: docs/page-and-assets.md.
 */
import type { JoinAttempt } from '../../model/attempt';
import type { AssetFailure, AssetProblem, CspViolation } from '../../model/page-facts';

/** The attempt's asset failures of one kind of problem, first seen first. */
export function failuresOf(attempt: JoinAttempt, problem: AssetProblem): AssetFailure[] {
  return (attempt.page?.assetFailures ?? []).filter((f) => f.problem === problem);
}

export function violationsOf(attempt: JoinAttempt): CspViolation[] {
  return attempt.page?.cspViolations ?? [];
}

/** "https://…/video.mt.wasm, https://…/net.wasm and 3 more" */
export function listUrls(urls: readonly string[], shown = 2): string {
  const unique = [...new Set(urls)];
  const head = unique.slice(0, shown).join(', ');
  return unique.length > shown ? `${head} and ${unique.length - shown} more` : head;
}

/** The folder the failing files sit in (what setZoomJSLib / assetPath points at). */
export function assetFolder(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname.replace(/\/[^/]*$/, '');
  } catch {
    return url;
  }
}

export const ASSET_PATH_FIX =
  "Serve the SDK's dist/lib folder (all of it, from the same SDK version) and point the SDK at it: client view `ZoomMtg.setZoomJSLib('https://your.host/lib', '/av')` before `preLoadWasm()`; component view `client.init({ assetPath: 'https://your.host/lib/av', … })`. Or leave both unset to load from Zoom's CDN (source.zoom.us).";
