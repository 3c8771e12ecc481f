/**
 * The devtools page (live capture) and the HAR reader build an issuance record from the same
 * exchange: if they drift, a token fetched from the page's backend links to a different endpoint or
 * arrival time live than in the HAR of the same session, and the "token older than its join" and
 * clock checks disagree between the panel and `join-doctor har`.
 */
import { describe, expect, it } from 'vitest';
import { viewEntry } from '../../../lib/har/entry';
import { HarCollector } from '../../../lib/har/collect';
import { issuanceOf } from '../../../lib/har/issuance';
import { checkDevtoolsMessage } from '../../../lib/protocol/validate';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';
import { entry, unsignedJwt } from './helpers';

const token = unsignedJwt({ appKey: 'k', sdkKey: 'k', mn: '123456789', role: 0, iat: 1_764_385_200, exp: 1_764_392_400, tokenExp: 1_764_392_400 });

/** The devtools page's path: the entry as chrome.devtools.network gives it (no body), the body from getContent. */
function livePath(raw: Record<string, unknown>, body: string) {
  const e = viewEntry(raw, 0);
  return e ? issuanceOf(e, body) : null;
}

function harPath(raw: Record<string, unknown>) {
  const c = new HarCollector();
  c.add(raw, 7);
  return c.issuances;
}

function withoutBody(raw: Record<string, unknown>): Record<string, unknown> {
  const res = raw.response as { content: Record<string, unknown> };
  const { text: _dropped, ...content } = res.content;
  return { ...raw, response: { ...res, content } };
}

describe('one issuance record for the live panel and a HAR', () => {
  it('a signature endpoint answer with a Date header and a fractional duration gives the same record both ways', () => {
    const body = JSON.stringify({ signature: token });
    const raw = entry({
      at: '2026-11-29T03:00:00.000Z',
      method: 'POST',
      url: 'https://app.example/api/signature',
      time: 123.456,
      headers: [{ name: 'Date', value: 'Sun, 29 Nov 2026 03:00:01 GMT' }],
      body,
    });
    const har = harPath(raw);
    expect(har).toHaveLength(1);
    const { entry: index, ...fromHar } = har[0]!;
    expect(index).toBe(7);
    expect(livePath(withoutBody(raw), body)).toEqual(fromHar);
    expect(fromHar).toEqual({
      url: 'https://app.example/api/signature',
      method: 'POST',
      receivedAt: Date.parse('2026-11-29T03:00:00.123Z'),
      serverDate: Date.parse('2026-11-29T03:00:01Z'),
      token,
    });
  });

  it('an endpoint URL longer than the message wire allows is cut the same way, and the live record passes the wire check', () => {
    const body = `{"token":"${token}"}`;
    const raw = entry({ at: '2026-11-29T03:00:00.000Z', url: `https://app.example/sig?${'q'.repeat(5000)}`, body });
    const live = livePath(withoutBody(raw), body);
    const { entry: _i, ...fromHar } = harPath(raw)[0]!;
    expect(live).toEqual(fromHar);
    expect(live!.url).toHaveLength(2048);
    expect(live!.serverDate).toBeNull();
    const message = { source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'issuance', tabId: 1, issuance: live };
    expect(checkDevtoolsMessage(message).ok).toBe(true);
  });

  it('a backend answer without a join token is no issuance on either path', () => {
    const body = JSON.stringify({ access_token: unsignedJwt({ iss: 'x', aud: 'zoom', exp: 1 }) });
    const raw = entry({ at: '2026-11-29T03:00:00.000Z', url: 'https://app.example/oauth', body });
    expect(livePath(withoutBody(raw), body)).toBeNull();
    expect(harPath(raw)).toEqual([]);
  });
});
