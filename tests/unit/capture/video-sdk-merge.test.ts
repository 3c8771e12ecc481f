/** Video SDK joins in the capture pipeline: client.join(topic, token, …) and its wc/lsdk exchange. */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { emptyTabState } from '../../../lib/capture/tab-state';
import { topicFromLsdkField, videoSdkRejectionForLsdk } from '../../../lib/zoom/lsdk-codes';
import { checkHookEvent } from '../../../lib/protocol/validate';
import { batch, jwt } from './fixtures';

const VIDEO = jwt({ app_key: 'K', role_type: 1, tpc: 'My Topic', version: 1, iat: 1795912284, exp: 1795919484 });
const LSDK = 'https://zoom.us/wc/lsdk';
// What 2.5.0 sent for client.join('My Topic', …): base64url of "my topic" (measured in Chromium).
const TOPIC_FIELD = 'bXkgdG9waWM';
const verifyJwtFailed = { status: false, errorCode: 124, errorMessage: 'some JWT problem' };

describe('Video SDK joins in the capture', () => {
  it('the topic field on the wire is the lower-cased topic, base64url without padding', () => {
    expect(topicFromLsdkField(TOPIC_FIELD)).toBe('my topic');
    expect(topicFromLsdkField(Buffer.from('réunion', 'utf8').toString('base64url'))).toBe('réunion');
    expect(topicFromLsdkField('!!')).toBeNull();
    expect(topicFromLsdkField('x'.repeat(5000))).toBeNull();
  });

  it('client.join rejected with "Verify JWT failed" is one Video SDK attempt with its topic, not two', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'v:1', method: 'video.join', sig: VIDEO, tp: 'My Topic', mn: null, sdkKey: null, at: 1000 },
      { t: 'wire-req', id: 'v:2', via: 'xhr', url: LSDK, sig: VIDEO, mn: null, cv: '2.5.0', tp: TOPIC_FIELD, at: 3000 },
      { t: 'wire-res', id: 'v:2', http: 200, body: verifyJwtFailed, at: 3040 },
      { t: 'settle', id: 'v:1', ok: false, res: { type: 'JOIN_MEETING_FAILED', reason: 'Verify JWT failed', errorCode: 200 }, at: 3050 },
    ]));
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'video-sdk', sdk: 'video', method: 'video.join', topic: 'My Topic', sdkVersion: '2.5.0' });
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 200, message: 'Verify JWT failed', type: 'JOIN_MEETING_FAILED', serverCode: 124 });
  });

  it('a bundled import (no global) is seen on the wire alone, with the SDK\'s own reason for server code 124', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'wire-req', id: 'w:1', via: 'xhr', url: LSDK, sig: VIDEO, mn: null, cv: '2.5.0', tp: TOPIC_FIELD, at: 10 },
      { t: 'wire-res', id: 'w:1', http: 200, body: { status: false, errorCode: 124, errorMessage: 'The java web token is expired or more than 2 days or ineffective.' }, at: 50 },
    ]));
    expect(s.attempts[0]).toMatchObject({ api: 'wire', sdk: 'video', method: 'wc/lsdk', topic: 'my topic' });
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 200, message: 'The token has expired, is over 2 days old, or is ineffective.' });
  });

  it('a 5xx retried as JSONP stays one wc/lsdk attempt', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'wire-req', id: 'j:1', via: 'xhr', url: LSDK, sig: VIDEO, mn: null, cv: '2.5.0', tp: TOPIC_FIELD, at: 10 },
      { t: 'wire-res', id: 'j:1', http: 502, body: null, at: 20 },
      { t: 'wire-req', id: 'j:2', via: 'jsonp', url: `${LSDK}?zlk=x&callback=zoomsdkjsonpcallback1`, sig: VIDEO, mn: null, cv: '2.5.0', tp: TOPIC_FIELD, at: 30 },
      { t: 'wire-res', id: 'j:2', http: null, body: { status: false, errorCode: 3000, errorMessage: 'The role type error' }, at: 40 },
    ]));
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ method: 'wc/lsdk (JSONP)', outcome: { code: 3010, message: 'Role type error' } });
  });

  it('a Meeting SDK and a Video SDK join in one session keep their own SDK', () => {
    const s = emptyTabState(1);
    const meeting = jwt({ appKey: 'K', mn: '1', role: 0, iat: 1, exp: 7201 });
    applyBatch(s, batch([
      { t: 'wire-req', id: 'm:1', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: meeting, mn: '1', cv: '6.2.0', at: 10 },
      { t: 'wire-req', id: 'm:2', via: 'xhr', url: LSDK, sig: VIDEO, mn: null, cv: '2.5.0', tp: TOPIC_FIELD, at: 20 },
    ]));
    expect(s.attempts.map((a) => [a.sdk, a.method])).toEqual([['meeting', 'wc/info'], ['video', 'wc/lsdk']]);
  });

  it('the bundle\'s mapping: 300, 3000 passcode, an unmapped code leaves the page pending', () => {
    expect(videoSdkRejectionForLsdk(300, 'x')).toEqual({ code: 200, message: 'This account does not exist or does not belong to you', type: 'JOIN_MEETING_FAILED' });
    expect(videoSdkRejectionForLsdk(3000, 'Meeting password is incorrect')).toMatchObject({ code: 3004 });
    expect(videoSdkRejectionForLsdk(124, 'Parse lite sdk topic and pwd fail')).toMatchObject({ message: 'Topic is invalid' });
    expect(videoSdkRejectionForLsdk(200, 'Invalid signature.')).toEqual({ code: null, message: null, type: null });
  });

  it('the relay accepts the hook\'s Video SDK events', () => {
    expect(checkHookEvent({ t: 'call', id: 'v:1', method: 'video.join', sig: VIDEO, tp: 'My Topic', mn: null, sdkKey: null, at: 1 }).ok).toBe(true);
    expect(checkHookEvent({ t: 'wire-req', id: 'v:2', via: 'xhr', url: LSDK, sig: VIDEO, mn: null, cv: '2.5.0', tp: TOPIC_FIELD, at: 1 }).ok).toBe(true);
    expect(checkHookEvent({ t: 'wire-req', id: 'v:2', via: 'xhr', url: LSDK, sig: VIDEO, mn: null, cv: '2.5.0', tp: 5, at: 1 }).ok).toBe(false);
  });
});
