/**
 * A HAR entry (from a file, or the devtools network API, which hands out the same shape) as an
 * asset exchange for the shared classifier (lib/zoom/sdk-assets.ts), and the page documents a
 * HAR holds, read for isolation and policy. Which answers are failures is decided there for both paths.
 */
import type { AssetExchange, DocumentPolicy } from '../zoom/sdk-assets';
import { documentPolicy, mediaType, sdkAssetKind } from '../zoom/sdk-assets';
import type { EntryView } from './entry';
import { header } from './entry';

/** `recordedMime`: the recorder's `content.mimeType`, used when the Content-Type header is missing. */
export function assetExchange(e: EntryView, recordedMime?: string | null): AssetExchange {
  return {
    url: e.url,
    status: e.status,
    mimeType: header(e.responseHeaders, 'content-type') ?? recordedMime ?? null,
    failureText: e.failureText,
    startedAt: e.startedAt,
  };
}

export interface PageDocument {
  url: string;
  startedAt: number;
  policy: DocumentPolicy;
  /** The HAR page it was loaded in (`pageref`), when recorded. */
  pageref?: string | null;
}

/** A 2xx HTML answer with headers: a page document (top or frame) whose policy applies to what it loads. */
export function pageDocument(e: EntryView): PageDocument | null {
  if (e.startedAt === null || e.status < 200 || e.status >= 300 || !e.responseHeaders?.length) return null;
  if (mediaType(header(e.responseHeaders, 'content-type')) !== 'text/html') return null;
  // An SDK file answered with HTML (an SPA fallback) is a failed asset, not the page.
  if (sdkAssetKind(e.url) !== null) return null;
  return { url: e.url, startedAt: e.startedAt, policy: documentPolicy(e.responseHeaders), pageref: e.pageref };
}
