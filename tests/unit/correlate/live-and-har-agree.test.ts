/**
 * Live capture and a HAR word the same answer from Zoom the same way (issue 24 item 2): an
 * accepted Video SDK join read "signature accepted" live and "success" from a HAR, because each
 * turned Zoom's answer into an outcome with its own code. Both now call outcomeForZoomAnswer; this
 * feeds every answer shape through the real merge (hook events) and the real HAR reader (a HAR
 * entry as Chrome writes it) and compares outcome and words.
 */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { emptyTabState } from '../../../lib/capture/tab-state';
import { readHar } from '../../../lib/har/read';
import { outcomeWords } from '../../../lib/correlate/words';
import type { Outcome } from '../../../lib/model/attempt';
import { batch, jwt } from '../capture/fixtures';
import { entry, har } from '../har/helpers';

const MEETING = jwt({ appKey: 'K', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484, tokenExp: 1795919484 });
const VIDEO = jwt({ app_key: 'K', role_type: 1, tpc: 'my topic', version: 1, iat: 1795912284, exp: 1795919484 });
const TOPIC = Buffer.from('my topic').toString('base64url');

interface Shape {
  name: string;
  sdk: 'meeting' | 'video';
  body: Record<string, unknown>;
}

const SHAPES: Shape[] = [
  { name: 'Meeting SDK, accepted', sdk: 'meeting', body: { status: true, errorCode: 0, result: 'x' } },
  { name: 'Meeting SDK, Invalid signature', sdk: 'meeting', body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } },
  { name: 'Meeting SDK, meeting not found', sdk: 'meeting', body: { status: false, errorCode: 200, errorMessage: 'The meeting number is not found.' } },
  { name: 'Meeting SDK, passcode wrong', sdk: 'meeting', body: { status: false, errorCode: 3004, errorMessage: 'Wrong passcode' } },
  { name: 'Meeting SDK, an unknown errorCode-200 message', sdk: 'meeting', body: { status: false, errorCode: 200, errorMessage: 'Something new.' } },
  { name: 'Video SDK, accepted', sdk: 'video', body: { status: true, errorCode: 0 } },
  { name: 'Video SDK, Verify JWT failed', sdk: 'video', body: { status: false, errorCode: 124, errorMessage: 'The java web token is expired or more than 2 days or ineffective.' } },
  { name: 'Video SDK, role type error', sdk: 'video', body: { status: false, errorCode: 3000, errorMessage: 'The role type error' } },
];

function live(s: Shape): Outcome {
  const st = emptyTabState(1);
  const url = s.sdk === 'video' ? 'https://zoom.us/wc/lsdk' : 'https://zoom.us/api/v1/wc/info';
  applyBatch(st, batch([
    { t: 'wire-req', id: 'w:1', via: 'xhr', url, sig: s.sdk === 'video' ? VIDEO : MEETING, mn: s.sdk === 'video' ? null : '123456789', cv: s.sdk === 'video' ? '2.5.0' : '6.2.0', ...(s.sdk === 'video' ? { tp: TOPIC } : {}), at: 10 },
    { t: 'wire-res', id: 'w:1', http: 200, body: s.body, at: 50 },
  ] as never));
  expect(st.attempts).toHaveLength(1);
  return st.attempts[0]!.outcome;
}

async function fromHar(s: Shape): Promise<Outcome> {
  const post =
    s.sdk === 'video'
      ? new URLSearchParams({ topic: TOPIC, password: '', userName: 'Ada', zlk: VIDEO, lang: 'en-US', cv: '2.5.0' }).toString()
      : `meetingNumber=123456789&userName=Ada&passWord=&signature=${MEETING}&signatureType=sdk&cv=6.2.0&sdkOrigin=x&tk=`;
  const url = s.sdk === 'video' ? 'https://zoom.us/wc/lsdk' : 'https://zoom.us/api/v1/wc/info';
  const imp = await readHar(har([entry({ at: '2026-11-30T20:31:21.000Z', method: 'POST', url, post, status: 200, body: JSON.stringify(s.body) })]));
  expect(imp.attempts).toHaveLength(1);
  return imp.attempts[0]!.outcome;
}

describe('live capture and HAR import agree on every answer from Zoom', () => {
  for (const s of SHAPES) {
    it(`${s.name}: the same outcome and the same words`, async () => {
      const a = live(s);
      const b = await fromHar(s);
      expect(b).toEqual(a);
      expect(outcomeWords(b, s.sdk)).toBe(outcomeWords(a, s.sdk));
    });
  }

  it('an accepted Video SDK join seen only on the wire reads "signature accepted by Zoom" from a HAR too, never "success"', async () => {
    const b = await fromHar(SHAPES.find((s) => s.name === 'Video SDK, accepted')!);
    expect(outcomeWords(b, 'video')).toBe('signature accepted by Zoom');
  });

  it('a HAR that kept no response body says the outcome is unknown, never pending', async () => {
    const post = `meetingNumber=123456789&userName=Ada&passWord=&signature=${MEETING}&signatureType=sdk&cv=6.2.0&sdkOrigin=x&tk=`;
    const imp = await readHar(har([entry({ at: '2026-11-30T20:31:21.000Z', method: 'POST', url: 'https://zoom.us/api/v1/wc/info', post, status: 200 })]));
    expect(imp.attempts[0]!.outcome).toEqual({ kind: 'pending', unseen: true });
    expect(outcomeWords(imp.attempts[0]!.outcome)).toBe('unknown');
  });
});
