/**
 * HAR files recorded from the real 6.2.0 SDK in headless Chromium (tests/tools/record-har-fixtures.ts,
 * `npm run fixtures:har`): what a support engineer gets from a customer's DevTools export.
 */
import { outcomeWords } from '../../../lib/correlate/words';
import { describe, expect, it } from 'vitest';
import { readHar } from '../../../lib/har';
import { readHarFile } from '../../../lib/har/read-file';
import { analyseAttempt } from '../../../lib/attempt-context';
import { correlate } from '../../../lib/correlate';
import { isJoinDoctorError } from '../../../lib/errors';
import { fixturePath, fixtureText } from './helpers';

const payloadOf = (sig: unknown) => JSON.parse(Buffer.from(String(sig).split('.')[1]!, 'base64url').toString()) as Record<string, number | string>;

describe('a customer HAR of a client-view join that got 3712', () => {
  it('yields one wire attempt with the full signature, meeting number, SDK version and the page\'s code 3712', async () => {
    const imp = await readHarFile(fixturePath('client-3712.har'));
    expect(imp.attempts).toHaveLength(1);
    const a = imp.attempts[0]!;
    expect(a).toMatchObject({ api: 'wire', method: 'wc/info', meetingNumber: '123456789', sdkVersion: '6.2.0' });
    expect(a.outcome).toEqual({ kind: 'failure', code: 3712, message: 'Signature is invalid.', serverMessage: 'Invalid signature.', serverCode: 200 });
    expect(payloadOf(a.signature)).toMatchObject({ appKey: 'e2eAppKey', mn: '123456789' });
    expect(imp.details[0]).toMatchObject({ view: 'client-view', signatureRecorded: true, answerRecorded: true });
    expect(imp.warnings).toEqual([]);
  });

  it("links the token to the customer's own signature endpoint, with that response's Date", async () => {
    const a = (await readHarFile(fixturePath('client-3712.har'))).attempts[0]!;
    expect(a.issuer?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/signature$/);
    expect(a.issuer?.method).toBe('POST');
    expect(a.issuer!.serverDate! % 1000).toBe(0);
    expect(Math.abs(a.issuer!.serverDate! - a.issuer!.receivedAt)).toBeLessThan(2000);
    expect(a.issuer!.receivedAt).toBeLessThanOrEqual(a.calledAt);
  });

  it("measures Zoom's clock from its Date header: same machine, so within the header's 1 s resolution", async () => {
    const imp = await readHarFile(fixturePath('client-3712.har'));
    expect(imp.clock.samples).toBe(1);
    expect(Math.abs(imp.clock.offsetMs!)).toBeLessThanOrEqual(1000);
    expect(imp.attempts[0]!.clockOffsetSource).toBe('the Date of its own join answer (zoom.us)');
  });
});

describe('a component-view join', () => {
  it('is recognised from the shorter form body; Zoom\'s 3712 becomes JOIN_MEETING_FAILED', async () => {
    const imp = await readHarFile(fixturePath('component-3712.har'));
    expect(imp.details[0]!.view).toBe('component-view');
    expect(imp.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712, type: 'JOIN_MEETING_FAILED' });
  });
});

describe('a join whose POST got HTTP 500 and was retried as JSONP', () => {
  it('is one attempt made of both requests, settled by the JSONP answer zoomsdkjsonpcallback1({...})', async () => {
    const imp = await readHarFile(fixturePath('jsonp-retry.har'));
    expect(imp.attempts).toHaveLength(1);
    expect(imp.attempts[0]).toMatchObject({ method: 'wc/info (JSONP)', outcome: { kind: 'failure', code: 3712 } });
    expect(imp.details[0]!.entries).toHaveLength(2);
    expect(imp.details[0]!.httpStatus).toBe(200);
  });

  it("finds Zoom's clock 7 s behind the customer's (the stand-in's Date was set 7 s back), within ±1 s", async () => {
    const imp = await readHarFile(fixturePath('jsonp-retry.har'));
    expect(imp.clock.samples).toBe(2);
    expect(imp.clock.offsetMs!).toBeGreaterThanOrEqual(-8000);
    expect(imp.clock.offsetMs!).toBeLessThanOrEqual(-6000);
  });
});

describe('a session against a Java backend that rounds iat through float (Math.round(long))', () => {
  it('finds iat quantised to 128 s, the failures with iat ahead of Zoom, and that endpoint as the issuer', async () => {
    const imp = await readHarFile(fixturePath('java-endpoint.har'));
    const items = imp.attempts.map((attempt) => ({ attempt, analysis: analyseAttempt(attempt) }));
    const fails = imp.attempts.filter((a) => a.outcome.kind === 'failure');
    const oks = imp.attempts.filter((a) => a.outcome.kind === 'success');
    expect(fails.length).toBeGreaterThanOrEqual(2);
    expect(oks.length).toBeGreaterThanOrEqual(2);
    for (const a of imp.attempts) expect(Number(payloadOf(a.signature).iat) % 128).toBe(0);
    for (const a of fails) expect(a.outcome).toMatchObject({ code: 3712 });
    const c = correlate(items);
    expect(['likely', 'near-certain']).toContain(c.quantization.verdict);
    expect(c.causes[0]?.key).toBe('iat-future+iat-quantized');
    expect(c.endpoints[0]?.endpoint).toMatch(/\/api\/signature$/);
    expect(c.offsets.split?.failuresAbove).toBe(fails.length);
  });
});

describe('a HAR exported without response bodies', () => {
  it('still has the signature from the request, says the outcomes are unknown instead of guessing', async () => {
    const imp = await readHarFile(fixturePath('no-bodies.har'));
    // Nothing is still waiting in a recording: the outcome is one the HAR cannot show.
    expect(imp.attempts[0]!.outcome).toEqual({ kind: 'pending', unseen: true });
    expect(outcomeWords(imp.attempts[0]!.outcome)).toBe('unknown');
    expect(payloadOf(imp.attempts[0]!.signature).mn).toBe('123456789');
    expect(imp.warnings.map((w) => w.code)).toEqual(['response-bodies-missing', 'issuer-not-found']);
  });
});

describe('a sanitised export with headers stripped', () => {
  it("has no clock offset and says so; attempts are still read", async () => {
    const h = JSON.parse(fixtureText('client-3712.har'));
    for (const e of h.log.entries) e.response.headers = [];
    const imp = await readHar(JSON.stringify(h));
    expect(imp.clock.offsetMs).toBeNull();
    expect(imp.attempts[0]!.clockOffsetMs).toBeUndefined();
    expect(imp.attempts[0]!.outcome).toMatchObject({ code: 3712 });
    expect(imp.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['zoom-date-missing', 'headers-stripped']));
  });
});

describe('a truncated or malformed HAR', () => {
  it('a HAR cut off mid-upload is refused with ERR_HAR_INVALID, and nothing is imported', async () => {
    let result: unknown = 'not set';
    let err: unknown;
    try {
      result = await readHarFile(fixturePath('truncated.har'));
    } catch (e) {
      err = e;
    }
    expect(result).toBe('not set');
    expect(isJoinDoctorError(err, 'ERR_HAR_INVALID')).toBe(true);
    expect((err as Error).message).toMatch(/ends early|ends inside/);
  });

  it('every truncation point of a recorded HAR is refused, never a partial import', async () => {
    const text = fixtureText('jsonp-retry.har');
    for (let cut = 0; cut < text.trimEnd().length; cut += 97) {
      await expect(readHar(text.slice(0, cut))).rejects.toMatchObject({ code: 'ERR_HAR_INVALID' });
    }
  });

  it('valid JSON that is not a HAR (a Join Doctor export, an array) is refused', async () => {
    await expect(readHar('{"schemaVersion":1,"items":[]}')).rejects.toMatchObject({ code: 'ERR_HAR_INVALID', message: expect.stringMatching(/no log\.entries/) });
    await expect(readHar('[]')).rejects.toMatchObject({ code: 'ERR_HAR_INVALID' });
  });

  it('a missing file is an ERR_IO, not a crash', async () => {
    await expect(readHarFile(fixturePath('does-not-exist.har'))).rejects.toMatchObject({ code: 'ERR_IO' });
  });
});
