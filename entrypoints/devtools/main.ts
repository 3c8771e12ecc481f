/**
 * DevTools page: creates the panel and, while DevTools is open, watches the inspected tab's
 * network for two facts the page hook cannot see:
 *  - issuance: a response from the page's own backend that carries a Meeting SDK JWT (URL,
 *    arrival time, Date header), later linked to the join that used that token;
 *  - Zoom's clock: the Date header of responses from Zoom hosts → offset of the local clock.
 */
import { clockOffsetMs, findMeetingSdkJwt, headerValue, isZoomHost } from '../../lib/capture/issuance';
import type { DevtoolsMessage } from '../../lib/protocol/messages';
import { PROTOCOL_VERSION, SOURCE } from '../../lib/protocol/version';

browser.devtools.panels.create('Join Doctor', '', '/devtools-panel.html');

const tabId = browser.devtools.inspectedWindow.tabId;
const MAX_BODY = 64 * 1024;

interface HarEntryLike {
  startedDateTime: string;
  time: number;
  request: { url: string; method: string };
  response: { status: number; headers: Array<{ name: string; value: string }>; content?: { size?: number; mimeType?: string } };
  getContent(cb: (content: string | null, encoding: string) => void): void;
}

const post = (m: DevtoolsMessage) => browser.runtime.sendMessage(m).catch(() => undefined);

browser.devtools.network.onRequestFinished.addListener((raw: unknown) => {
  const entry = raw as HarEntryLike;
  let url: URL;
  try {
    url = new URL(entry.request.url);
  } catch {
    return;
  }
  const started = Date.parse(entry.startedDateTime);
  const date = headerValue(entry.response.headers, 'date');
  if (isZoomHost(url.hostname)) {
    const offset = clockOffsetMs(date, started, entry.time);
    if (offset !== null) void post({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'clock', tabId, offsetMs: offset, host: url.hostname, at: Date.now() });
    return;
  }
  const mime = entry.response.content?.mimeType ?? '';
  if ((entry.response.content?.size ?? 0) > MAX_BODY || !/json|text|javascript/.test(mime)) return;
  entry.getContent((body, encoding) => {
    if (!body || encoding === 'base64') return;
    const token = findMeetingSdkJwt(body);
    if (!token) return;
    const serverDate = date ? Date.parse(date) : NaN;
    void post({
      source: SOURCE.devtools,
      v: PROTOCOL_VERSION,
      type: 'issuance',
      tabId,
      issuance: {
        url: entry.request.url.slice(0, 2048),
        method: entry.request.method,
        receivedAt: Math.round(started + entry.time),
        serverDate: Number.isFinite(serverDate) ? serverDate : null,
        token,
      },
    });
  });
});
