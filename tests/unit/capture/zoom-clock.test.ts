import { describe, expect, it } from 'vitest';
import { addClockSample, applyBatch } from '../../../lib/capture/merge';
import { emptyTabState } from '../../../lib/capture/tab-state';
import { ClockIndex, clockForAttempt, clockSample, type ZoomExchange } from '../../../lib/zoom/zoom-clock';
import { zoomExchange } from '../../../lib/har/clock';
import { viewEntry } from '../../../lib/har/entry';
import { readHar } from '../../../lib/har';
import { analyseAttempt } from '../../../lib/attempt-context';
import { GOOD, batch, clientError3712, invalidSignatureBody, jwt } from './fixtures';
import { har } from '../har/helpers';
import type { HookEvent } from '../../../lib/protocol/messages';

const T0 = Date.parse('2026-11-30T19:05:30Z');
const httpDate = (ms: number) => new Date(ms).toUTCString();

function exchange(o: Partial<ZoomExchange>): ZoomExchange {
  return { host: 'zoom.us', method: 'GET', status: 200, startedAt: T0, waitStartMs: 0, waitMs: 0, totalMs: 40, date: httpDate(T0), age: null, fromCache: false, ...o };
}

describe("Zoom's clock from fresh answers only", () => {
  it('a CDN hit on source.zoom.us (origin Date one hour old, Age: 3600) is no clock sample', () => {
    expect(clockSample(exchange({ host: 'source.zoom.us', date: httpDate(T0 - 3_600_000), age: '3600' }))).toEqual({ ok: false, reason: 'cdn-age' });
  });

  it("a browser-cache hit on reload replays yesterday's headers and is no clock sample", () => {
    expect(clockSample(exchange({ date: httpDate(T0 - 86_400_000), fromCache: true }))).toEqual({ ok: false, reason: 'browser-cache' });
  });

  it('a 304 revalidation carries an old Date and is no clock sample', () => {
    expect(clockSample(exchange({ status: 304 }))).toEqual({ ok: false, reason: 'not-modified' });
  });

  it('a proxy cache that strips Age but serves a Date 20 min older than the request is left out', () => {
    expect(clockSample(exchange({ date: httpDate(T0 - 20 * 60_000) }))).toEqual({ ok: false, reason: 'stale-date' });
  });

  it('the join request (a POST, never cached) counts even when Zoom is 20 min behind this machine', () => {
    const r = clockSample(exchange({ method: 'POST', date: httpDate(T0 - 20 * 60_000), token: GOOD }));
    expect(r.ok && r.sample.offsetMs).toBe(-20 * 60_000 + 500 - 20);
  });

  it("SDK 5.x's JSONP join (a GET carrying the token) counts even when Zoom is 20 min behind this machine", () => {
    const r = clockSample(exchange({ method: 'GET', date: httpDate(T0 - 20 * 60_000), token: GOOD }));
    expect(r.ok && r.sample).toMatchObject({ offsetMs: -20 * 60_000 + 500 - 20, join: true });
    // The same GET from the browser's cache is still left out.
    expect(clockSample(exchange({ method: 'GET', date: httpDate(T0 - 20 * 60_000), token: GOOD, fromCache: true }))).toEqual({ ok: false, reason: 'browser-cache' });
  });

  it("one sample's uncertainty is Date's half second plus half the server's wait", () => {
    const r = clockSample(exchange({ date: httpDate(T0 + 30_000), waitStartMs: 10, waitMs: 200, totalMs: 230 }));
    expect(r).toMatchObject({ ok: true, sample: { offsetMs: 30_000 + 500 - 110, uncertaintyMs: 600, at: T0 + 110, join: false, tokenKey: null } });
  });
});

describe("choosing a join's clock", () => {
  const sample = (o: Partial<ZoomExchange>) => {
    const r = clockSample(exchange(o));
    if (!r.ok) throw new Error(r.reason);
    return r.sample;
  };

  it("prefers the join's own wc/info answer over nearby answers from other hosts", () => {
    const idx = new ClockIndex([sample({ startedAt: T0 - 5000, date: httpDate(T0 - 5000 + 7000) }), sample({ method: 'POST', startedAt: T0 + 300, date: httpDate(T0 + 300 + 2000), token: GOOD })]);
    const v = clockForAttempt(T0, GOOD, idx);
    expect(v.clock).toMatchObject({ basis: 'own-answer', offsetMs: 2000 + 500 - 320, // Date T0+2 s; the request's middle T0+320 ms
      source: 'the Date of its own join answer (zoom.us)' });
  });

  it("a Java backend's byte-identical token sent again 900 ms later: the second join is timed by its own answer, not the first join's", () => {
    // Zoom's clock equals the local one. Both answers carry Date T0 (1 s resolution): the first,
    // answered 5 ms into that second, reads +495 ms; the second, 905 ms into it, reads −405 ms.
    // Timed by the first answer, the second join's clock was 0.9 s ahead of the truth: enough to
    // put an iat Zoom saw 0.3 s in the future behind the reference, and the 3712 unexplained.
    const first = sample({ method: 'POST', startedAt: T0, totalMs: 10, date: httpDate(T0), token: GOOD });
    const second = sample({ method: 'POST', startedAt: T0 + 900, totalMs: 10, date: httpDate(T0 + 900), token: GOOD });
    expect([first.offsetMs, second.offsetMs]).toEqual([495, -405]);
    const idx = new ClockIndex([first, second]);
    expect(clockForAttempt(T0, GOOD, idx).clock).toMatchObject({ basis: 'own-answer', offsetMs: 495 });
    expect(clockForAttempt(T0 + 900, GOOD, idx).clock).toMatchObject({ basis: 'own-answer', offsetMs: -405 });
    // Before its own answer arrives, the earlier answer with its token is the best witness there is.
    expect(clockForAttempt(T0 + 900, GOOD, new ClockIndex([first])).clock).toMatchObject({ offsetMs: 495 });
  });

  it('without its own answer, takes the median of nearby fresh answers and drops an outlier', () => {
    const idx = new ClockIndex([
      sample({ startedAt: T0 - 3000, date: httpDate(T0 - 3000) }),
      sample({ startedAt: T0 - 2000, date: httpDate(T0 - 2000) }),
      sample({ startedAt: T0 - 1000, date: httpDate(T0 - 1000 + 240_000) }),
    ]);
    const v = clockForAttempt(T0, jwt({ appKey: 'other' }), idx);
    expect(v.clock).toMatchObject({ basis: 'nearby-answers', offsetMs: 480, samples: 2 });
    expect(v.clock!.source).toMatch(/median of 2 fresh Date headers from zoom\.us near the join \(1 outlier left out\)/);
  });

  it('answers that disagree wildly give no clock, and say so', () => {
    const idx = new ClockIndex([sample({ startedAt: T0 - 3000, date: httpDate(T0 - 3000) }), sample({ startedAt: T0 - 1000, date: httpDate(T0 - 1000 + 240_000) })]);
    const v = clockForAttempt(T0, GOOD, idx);
    expect(v.clock).toBeNull();
    expect(v.note).toMatch(/disagree by up to 240 s/);
  });

  it('answers from an hour before the join are not near it', () => {
    const v = clockForAttempt(T0, GOOD, new ClockIndex([sample({ startedAt: T0 - 3_600_000, date: httpDate(T0 - 3_600_000) })]));
    expect(v).toEqual({ clock: null, note: 'no fresh answer from Zoom within 10 min of the join' });
  });
});

describe('live capture and HAR import time a join the same way', () => {
  // A page shaped like a client-view app: SDK and wasm from the CDN (cached, Date an hour old),
  // then the join's own wc/info POST answered with the true time, 2 s ahead of this machine.
  const token = jwt({ appKey: 'K', sdkKey: 'K', mn: '123456789', role: 0, iat: Math.floor(T0 / 1000) - 30, exp: Math.floor(T0 / 1000) + 7170 });
  const entries = [
    {
      startedDateTime: new Date(T0 - 4000).toISOString(),
      time: 30,
      request: { method: 'GET', url: 'https://source.zoom.us/6.2.0/lib/av/audio.wasm', headers: [] },
      response: { status: 200, headers: [{ name: 'Date', value: httpDate(T0 - 3_600_000) }, { name: 'Age', value: '3600' }], content: { size: 0, mimeType: 'application/wasm' } },
      timings: { send: 0, wait: 20, receive: 10 },
    },
    {
      startedDateTime: new Date(T0 - 3000).toISOString(),
      time: 2,
      request: { method: 'GET', url: 'https://source.zoom.us/6.2.0/css/bootstrap.css', headers: [] },
      response: { status: 200, headers: [{ name: 'Date', value: httpDate(T0 - 86_400_000) }], content: { size: 0, mimeType: 'text/css' } },
      timings: { send: 0, wait: 1, receive: 1 },
      _fromCache: 'disk',
    },
    {
      startedDateTime: new Date(T0 + 100).toISOString(),
      time: 60,
      request: { method: 'POST', url: 'https://zoom.us/api/v1/wc/info', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: `meetingNumber=123456789&signature=${token}&cv=6.2.0` } },
      response: { status: 200, headers: [{ name: 'Date', value: httpDate(T0 + 100 + 2000) }], content: { size: 70, mimeType: 'application/json', text: JSON.stringify({ status: false, errorCode: 200, errorMessage: 'Invalid signature.' }) } },
      timings: { send: 1, wait: 50, receive: 9 },
    },
  ];

  it('the same exchanges give the same offset, uncertainty and source on both paths, and no time finding', async () => {
    const imported = (await readHar(har(entries))).attempts[0]!;

    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: token, mn: '123456789', at: T0 }]));
    // The devtools page sees the same HAR entries, one by one, through the same reader.
    for (const raw of entries) {
      const e = viewEntry(raw, 0)!;
      const host = new URL(e.url).hostname;
      addClockSample(s, clockSample(zoomExchange(e, host, e.method === 'POST' ? token : null)));
    }
    const live = s.attempts[0]!;
    expect(live.clockOffsetMs).toBe(2000 + 500 - 126); // Date truncates T0+2100 to T0+2000; the wait is centred at +126 ms
    expect({ offset: imported.clockOffsetMs, pm: imported.clockUncertaintyMs, source: imported.clockOffsetSource }).toEqual({
      offset: live.clockOffsetMs,
      pm: live.clockUncertaintyMs,
      source: live.clockOffsetSource,
    });
    expect(s.clock.rejected).toEqual({ 'cdn-age': 1, 'browser-cache': 1 });
    // A join at T0 on a clock 2 s behind Zoom: iat = now − 30 is no future iat and no skew.
    const ids = analyseAttempt({ ...imported, calledAt: T0 }).findings.map((f) => f.id);
    expect(ids).not.toContain('iat-future');
    expect(ids).not.toContain('clock-skew');
  });
});

describe('a Java backend signs the same token for joins in one 128 s step', () => {
  // Zoom's clock is this machine's. iat is the next second: Zoom fails both joins (iat > its
  // second). The second join, called 900 ms after the first, is judged 94 ms before iat.
  const iat = Math.floor(T0 / 1000) + 1;
  const token = jwt({ appKey: 'K', sdkKey: 'K', mn: '123456789', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 });
  const join = (n: number, at: number): HookEvent[] => [
    { t: 'call', id: `j:${n}`, method: 'ZoomMtg.join', sig: token, mn: '123456789', at },
    { t: 'wire-req', id: `j:${n + 1}`, via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: token, mn: '123456789', cv: '6.2.0', at: at + 1 },
    { t: 'wire-res', id: `j:${n + 1}`, http: 200, body: invalidSignatureBody, at: at + 11 },
    { t: 'settle', id: `j:${n}`, ok: false, res: clientError3712, at: at + 12 },
  ];
  const answer = (at: number) => clockSample({ host: 'zoom.us', method: 'POST', status: 200, startedAt: at + 1, waitStartMs: 0, waitMs: 10, totalMs: 10, date: httpDate(at + 6), age: null, fromCache: false, token });

  it("the second join's 3712 is iat-future by its own answer's Date, not hidden behind the first join's (joins called 0.9 s apart)", () => {
    const s = emptyTabState(1);
    applyBatch(s, batch(join(1, T0)));
    addClockSample(s, answer(T0));
    applyBatch(s, batch(join(3, T0 + 900)));
    addClockSample(s, answer(T0 + 900));
    const [first, second] = s.attempts;
    expect([first!.clockOffsetMs, second!.clockOffsetMs]).toEqual([494, -406]);
    // Half a second ahead of each answer's estimate (within the Date's resolution, so a warning that
    // the Java grouping still names); timed by the first answer, the second read 0.4 s behind: none.
    for (const a of [first!, second!]) {
      const future = analyseAttempt(a).findings.find((f) => f.id === 'iat-future');
      expect(future?.data?.iatMinusReference, `join called at T0+${a.calledAt - T0} ms`).toBe(0.505);
    }
  });
});

describe("Zoom's clock over a long session", () => {
  const near = (i: number, offsetMs: number) => ({ host: 'zoom.us', offsetMs, uncertaintyMs: 500, at: T0 + (i % 1000), join: false, tokenKey: null });

  it('200,000 fresh answers around one join give its clock without a RangeError (Math.max(...offsets) overflowed the stack)', () => {
    const index = new ClockIndex(Array.from({ length: 200_000 }, (_, i) => near(i, 1_000 + (i % 3) * 100)));
    const v = clockForAttempt(T0 + 500, null, index);
    expect(v.clock).toMatchObject({ basis: 'nearby-answers', offsetMs: 1_100 });
    expect(v.clock!.uncertaintyMs).toBeGreaterThanOrEqual(500);
  });

  it('200,000 answers in three camps (on time, 10 and 20 min ahead): no clock, and the note gives their spread', () => {
    const index = new ClockIndex(Array.from({ length: 200_000 }, (_, i) => near(i, (Math.floor(i / 1000) % 3) * 600_000)));
    const v = clockForAttempt(T0 + 500, null, index);
    expect(v.clock).toBeNull();
    expect(v.note).toMatch(/^the 15 fresh answers from Zoom near the join disagree by up to 1200 s$/);
  });
});
