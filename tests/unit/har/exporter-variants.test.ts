/** HAR shapes from other exporters and odd sessions, built by hand where no browser run can produce them. */
import { describe, expect, it } from 'vitest';
import { readHar } from '../../../lib/har';
import { entry, har, unsignedJwt } from './helpers';

const WC = 'https://zoom.us/api/v1/wc/info';
const iat = 1_795_000_000;
const SIG = unsignedJwt({ appKey: 'K', mn: '123', role: 0, iat, exp: iat + 7200 });
const INVALID = '{"status":false,"errorCode":200,"errorMessage":"Invalid signature."}';
const T = '2026-11-17T08:00:00.000Z';

describe('HAR exporter variants', () => {
  it('Chrome keeps form params URL-encoded and no postData.text: the signature is still read', async () => {
    const e = entry({ at: T, method: 'POST', url: WC, body: INVALID });
    (e.request as Record<string, unknown>).postData = { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'signature', value: SIG }, { name: 'meetingNumber', value: '123' }, { name: 'userEmail', value: 'a%40b.example' }] };
    const imp = await readHar(har([e]));
    expect(imp.attempts[0]).toMatchObject({ signature: SIG, meetingNumber: '123', outcome: { code: 3712 } });
  });

  it("a base64-encoded answer body (Firefox, binary-safe exporters) is decoded", async () => {
    const e = entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}&cv=6.2.0`, body: Buffer.from(INVALID).toString('base64') });
    (e.response as { content: Record<string, unknown> }).content.encoding = 'base64';
    expect((await readHar(har([e]))).attempts[0]!.outcome).toMatchObject({ code: 3712 });
  });

  it('a join request that never got an answer (blocked, offline) is the SDK\'s generic 1, as the page saw it', async () => {
    const e = entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}`, status: 0 });
    (e.response as Record<string, unknown>)._failureText = 'net::ERR_BLOCKED_BY_CLIENT';
    expect((await readHar(har([e]))).attempts[0]!.outcome).toEqual({ kind: 'failure', code: 1, message: 'Fail to join the meeting.', serverMessage: 'net::ERR_BLOCKED_BY_CLIENT', serverCode: null });
  });

  it('an HTTP 502 whose JSONP retry is not in the HAR is a failure with a warning, not a 3712', async () => {
    const imp = await readHar(har([entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}`, status: 502, body: '<html>bad gateway</html>' })]));
    expect(imp.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 1, serverMessage: 'HTTP 502' });
    expect(imp.warnings.map((w) => w.code)).toContain('retry-missing');
  });

  it('a HAR recorded after the join holds no wc/info request and says why that may be', async () => {
    const imp = await readHar(har([entry({ at: T, url: 'https://app.example/', body: '<html></html>' })]));
    expect(imp.attempts).toEqual([]);
    expect(imp.warnings[0]!.code).toBe('no-join-requests');
  });

  it('a token served inside a 3 MB HTML page is beyond the size limit: the body is skipped and reported', async () => {
    const page = `<html>${'x'.repeat(3_000_000)}<script>var s="${SIG}"</script></html>`;
    const e = entry({ at: T, url: 'https://app.example/join', body: page, headers: [{ name: 'content-type', value: 'text/html' }] });
    const imp = await readHar(har([e, entry({ at: '2026-11-17T08:00:01.000Z', method: 'POST', url: WC, post: `signature=${SIG}`, body: INVALID })]));
    expect(imp.stats.skippedBodies).toBe(1);
    expect(imp.attempts[0]!.issuer).toBeUndefined();
    expect(imp.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['issuer-not-found', 'body-skipped']));
  });

  it('the same token fetched twice is linked to the fetch just before the join', async () => {
    const sigRes = (at: string, date: string) => entry({ at, method: 'POST', url: 'https://api.example/sig', body: JSON.stringify({ token: SIG }), headers: [{ name: 'Date', value: date }] });
    const imp = await readHar(
      har([
        sigRes('2026-11-17T07:59:00.000Z', 'Tue, 17 Nov 2026 07:59:00 GMT'),
        sigRes('2026-11-17T07:59:50.000Z', 'Tue, 17 Nov 2026 07:59:50 GMT'),
        entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}`, body: INVALID }),
        sigRes('2026-11-17T08:00:30.000Z', 'Tue, 17 Nov 2026 08:00:30 GMT'),
      ]),
    );
    expect(imp.attempts[0]!.issuer!.serverDate).toBe(Date.parse('2026-11-17T07:59:50Z'));
  });

  it("the clock offset uses the middle of the server's wait (half round trip) plus half of Date's 1 s resolution", async () => {
    // Sent at 08:00:00.000, 400 ms of wait: Zoom stamped "08:00:10" (truncated) around 08:00:00.200 local.
    const e = entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}`, body: INVALID, time: 402, headers: [{ name: 'date', value: 'Tue, 17 Nov 2026 08:00:10 GMT' }] });
    const imp = await readHar(har([e]));
    expect(imp.clock.offsetMs).toBe(10_000 + 500 - 200);
  });

  it("a cached SDK script from Zoom's CDN (old Date plus Age, or the browser cache) does not skew Zoom's clock", async () => {
    const wc = entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}`, body: INVALID, time: 2, headers: [{ name: 'date', value: 'Tue, 17 Nov 2026 08:00:00 GMT' }] });
    const cdn = entry({ at: T, url: 'https://source.zoom.us/6.2.0/lib/av/x.js', body: 'x', time: 2, headers: [{ name: 'date', value: 'Mon, 16 Nov 2026 08:00:00 GMT' }, { name: 'age', value: '86400' }] });
    const cached = { ...entry({ at: T, url: 'https://zoom.us/favicon.ico', body: 'x', time: 2, headers: [{ name: 'date', value: 'Sun, 15 Nov 2026 08:00:00 GMT' }] }), _fromCache: 'disk' };
    const imp = await readHar(har([cdn, cached, wc]));
    expect(imp.clock.samples).toBe(1);
    expect(imp.clock.offsetMs).toBe(500 - 1); // no wait phase recorded: the middle of the 2 ms entry
  });

  it('an answer with status true is Zoom accepting the signature, not a join known to have worked (a HAR holds only the wire)', async () => {
    const imp = await readHar(har([entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}`, body: '{"status":true,"errorCode":0,"result":{}}' })]));
    expect(imp.attempts[0]!.outcome).toEqual({ kind: 'success', acceptedOnly: true });
  });
});

describe('inputs the panel and the CLI pass', () => {
  it('a File.stream() from the panel\'s "Import HAR" (a ReadableStream of bytes, split inside a UTF-8 character) reads like the text', async () => {
    const text = har([entry({ at: T, method: 'POST', url: WC, post: `signature=${SIG}&userName=J%C3%BCrgen`, body: '{"status":false,"errorCode":200,"errorMessage":"Invalid signature."}' })]).replace('"test"', '"tëst"');
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf('ë') + 1; // inside the two-byte ë
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, cut));
        c.enqueue(bytes.slice(cut));
        c.close();
      },
    });
    const fromStream = await readHar(stream);
    expect(fromStream.creator?.name).toBe('tëst');
    expect(fromStream).toEqual(await readHar(text));
  });
});
