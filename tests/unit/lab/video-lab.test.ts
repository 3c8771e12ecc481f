/**
 * The lab's Video SDK endpoints and its wc/lsdk stand-in: each scenario's token, sent as the real
 * SDK sends it, is answered in the server codes that make @zoom/videosdk 2.5.0 show the scenario's
 * expected rejection (the mapping is the bundle's, lib/zoom/lsdk-codes.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabServer, type LabServer } from '../../../lab/server';
import { LAB_VIDEO_CREDENTIALS as CREDS } from '../../../lab/credentials';
import { VIDEO_SCENARIOS, VIDEO_SCENARIO_NAMES } from '../../../lab/video-scenarios';
import { videoSdkRejectionForLsdk } from '../../../lib/zoom/lsdk-codes';
import { analyseTokenInput } from '../../../lib/analyse';
import { HS256_HEADER_JSON, signJsonText } from '../../../lab/jwt';

let s: LabServer;
beforeAll(async () => {
  s = await startLabServer();
});
afterAll(() => s.close());

const b64u = (t: string) => Buffer.from(t, 'utf8').toString('base64url');

async function joinWith(name: string) {
  const r = await fetch(`${s.origin}/api/video-signature/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionName: CREDS.topic, role: 1 }) });
  expect(r.status).toBe(200);
  const { signature } = (await r.json()) as { signature: string };
  const form = new URLSearchParams({ topic: b64u(CREDS.topic.toLowerCase()), password: '', userName: 'lab', zlk: signature, lang: 'en-US', cv: '2.5.0' });
  const answer = await fetch(`${s.origin}/wc/lsdk`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  return { signature, body: (await answer.json()) as { status: boolean; errorCode: number; errorMessage: string } };
}

describe('lab: Video SDK scenarios', () => {
  for (const name of VIDEO_SCENARIO_NAMES) {
    const sc = VIDEO_SCENARIOS[name];
    it(`${name}: the stand-in answers what makes the SDK say ${JSON.stringify(sc.expectedRejection.reason)}; the rules name ${sc.expectedFinding ?? 'nothing'}`, async () => {
      const { signature, body } = await joinWith(name);
      if (name === 'vsdk-good') {
        expect(body.status).toBe(true);
      } else {
        expect(body.status).toBe(false);
        const seen = videoSdkRejectionForLsdk(body.errorCode, body.errorMessage);
        expect({ errorCode: seen.code, reason: seen.message }).toEqual(sc.expectedRejection);
      }
      const ids = analyseTokenInput(signature, { referenceTime: Date.now() / 1000, sdk: 'video', join: { topic: CREDS.topic } }).findings.map((f) => f.id);
      if (sc.expectedFinding === null || sc.expectedFinding === 'secret-mismatch') expect(ids).toEqual([]);
      else expect(ids[0]).toBe(sc.expectedFinding);
    });
  }

  it("Zoom's videosdk-web-sample token (no version) is accepted by the stand-in, as Zoom accepts it; a version of 2 is refused", async () => {
    const send = async (claims: Record<string, unknown>) => {
      const iat = Math.round(Date.now() / 1000) - 30;
      const zlk = signJsonText(HS256_HEADER_JSON, JSON.stringify({ app_key: CREDS.sdkKey, iat, exp: iat + 7200, tpc: CREDS.topic, role_type: 1, ...claims }), CREDS.sdkSecret);
      const form = new URLSearchParams({ topic: b64u(CREDS.topic.toLowerCase()), password: '', userName: 'lab', zlk, lang: 'en-US', cv: '2.5.0' });
      const r = await fetch(`${s.origin}/wc/lsdk`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      return (await r.json()) as { status: boolean; errorCode: number };
    };
    expect(await send({})).toMatchObject({ status: true });
    expect(await send({ version: 2 })).toMatchObject({ status: false, errorCode: 124 });
  });

  it('serves the Video SDK lab page, its join frame and the real SDK from node_modules', async () => {
    expect(await (await fetch(`${s.origin}/video`)).text()).toContain('Join Doctor lab: Video SDK');
    expect(await (await fetch(`${s.origin}/video-frame.html`)).text()).toContain('WebVideoSDK.default.createClient()');
    expect((await fetch(`${s.origin}/vsdk/index.umd.js`)).status).toBe(200);
    expect((await fetch(`${s.origin}/api/video-signature/nope`, { method: 'POST' })).status).toBe(404);
  });
});
