/**
 * Keeps, from each streamed HAR entry, only what a join diagnosis needs: the SDK's wc/info
 * exchanges, clock samples from Zoom's responses, and responses of the page's own backend that
 * carry a Meeting SDK JWT. Everything else is counted and dropped at once.
 */
import { isZoomHost } from '../zoom/issuance';
import { issuanceOf, type IssuanceFacts } from './issuance';
import type { BodyState, EntryView } from './entry';
import { header, hostOf, viewEntry } from './entry';
import type { ClockEvidence, ClockSample } from '../zoom/zoom-clock';
import { clockSample, emptyClockEvidence, recordSample } from '../zoom/zoom-clock';
import { zoomExchange } from './clock';
import type { WcInfoAnswer } from './wc-info';
import { isJsonpRequest, isWcInfoUrl, parseAnswer, requestFields } from './wc-info';
import type { AssetFailure } from '../model/page-facts';
import { classifyAsset } from '../zoom/sdk-assets';
import { assetExchange, pageDocument, type PageDocument } from './assets';
import { isRwgUrl, readRwgSocket, type MeetingServerSocket } from './meeting-server';

export interface WcInfoExchange {
  entry: number;
  /** The request URL (tells wc/info from the Video SDK's wc/lsdk). */
  url: string;
  startedAt: number | null;
  endedAt: number | null;
  method: string;
  host: string | null;
  jsonp: boolean;
  fields: Record<string, string> | null;
  status: number;
  failureText: string | null;
  bodyState: BodyState;
  answer: WcInfoAnswer | null;
  clock: ClockSample | null;
  referer: string | null;
  /** The HAR page the request was made in (`pageref`), when recorded. */
  pageref?: string | null;
}

/** An SDK asset failure as a HAR records it: the HAR page it belongs to, when the recorder named one. */
export type HarAssetFailure = AssetFailure & { pageref?: string | null };

export interface TokenIssuance extends IssuanceFacts {
  entry: number;
}

export class HarCollector {
  readonly exchanges: WcInfoExchange[] = [];
  readonly issuances: TokenIssuance[] = [];
  /** Failed requests for the SDK's lib/av files, in entry order, with the HAR page each was made in. */
  readonly assetFailures: HarAssetFailure[] = [];
  /** The SDK's meeting-server (RWG) WebSockets with their join answers, in entry order. */
  readonly meetingServerSockets: MeetingServerSocket[] = [];
  /** HTML documents with their COOP/COEP/CSP headers, in entry order. */
  readonly documents: PageDocument[] = [];
  /** Every answer from a Zoom host, kept or left out of the clock (a HAR keeps all: no cap). */
  readonly clock: ClockEvidence = emptyClockEvidence();
  entries = 0;
  unreadable = 0;
  withoutHeaders = 0;
  withoutStart = 0;
  zoomWithoutDate = 0;
  skippedBodies = 0;
  skippedCharacters = 0;
  /** Skipped bodies of responses that might have held a token (JSON or text from a non-Zoom host). */
  skippedCandidates = 0;

  add(raw: unknown, index: number): void {
    this.entries++;
    const e = viewEntry(raw, index);
    if (!e) {
      this.unreadable++;
      return;
    }
    if (e.startedAt === null) this.withoutStart++;
    if (e.bodyState === 'skipped') {
      this.skippedBodies++;
      this.skippedCharacters += e.bodySkippedLength ?? 0;
    }
    if (e.status > 0 && (e.responseHeaders === null || e.responseHeaders.length === 0)) this.withoutHeaders++;
    if (isRwgUrl(e.url)) {
      this.meetingServerSockets.push(readRwgSocket(raw, e.index, e.startedAt));
      return;
    }
    const failure = classifyAsset(assetExchange(e));
    if (failure) this.assetFailures.push(e.pageref === null ? failure : { ...failure, pageref: e.pageref });
    const doc = pageDocument(e);
    if (doc) this.documents.push(doc);
    const host = hostOf(e.url);
    const zoom = host !== null && isZoomHost(host);
    const wcInfo = isWcInfoUrl(e.url);
    const fields = wcInfo ? requestFields(e) : null;
    let sample: ClockSample | null = null;
    if (zoom && e.status > 0) {
      const r = clockSample(zoomExchange(e, host, fields?.signature ?? fields?.zlk ?? null));
      sample = recordSample(this.clock, r, Infinity);
      if (!r.ok && r.reason === 'no-date') this.zoomWithoutDate++;
    }
    if (wcInfo) {
      this.exchanges.push(this.exchange(e, host, fields, sample));
      return;
    }
    if (!zoom) this.issuance(e);
  }

  private exchange(e: EntryView, host: string | null, fields: Record<string, string> | null, sample: ClockSample | null): WcInfoExchange {
    return {
      entry: e.index,
      url: e.url,
      startedAt: e.startedAt,
      endedAt: e.startedAt === null ? null : e.startedAt + e.totalMs,
      method: e.method,
      host,
      jsonp: isJsonpRequest(e),
      fields,
      status: e.status,
      failureText: e.failureText,
      bodyState: e.bodyState,
      answer: e.body === null ? null : parseAnswer(e.body),
      clock: sample,
      referer: header(e.requestHeaders, 'referer'),
      pageref: e.pageref,
    };
  }

  private issuance(e: EntryView): void {
    if (e.bodyState === 'skipped') {
      if (/json|text|javascript/i.test(header(e.responseHeaders, 'content-type') ?? '')) this.skippedCandidates++;
      return;
    }
    if (e.body === null) return;
    const found = issuanceOf(e, e.body);
    if (found) this.issuances.push({ entry: e.index, ...found });
  }
}
