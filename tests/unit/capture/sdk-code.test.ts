import { describe, expect, it } from 'vitest';
import { sdkCodeForAnswer } from '../../../lib/zoom/wc-info-codes';
import { applyBatch } from '../../../lib/capture/merge';
import { emptyTabState } from '../../../lib/capture/tab-state';
import { readHar } from '../../../lib/har';
import { batch } from './fixtures';
import { entry, har, unsignedJwt } from '../har/helpers';

describe("the page's code for Zoom's wc/info answer, as 6.2.0 maps it", () => {
  it('"Invalid signature." is 3712 in both views', () => {
    expect(sdkCodeForAnswer(200, 'Invalid signature.', 'client-view')).toEqual({ code: 3712, message: 'Signature is invalid.' });
    expect(sdkCodeForAnswer(200, 'Invalid signature.', 'component-view').code).toBe(3712);
  });
  it.each([
    ['The api key is wrong.', 3704],
    ['The signature has expired.', 3705],
    ['The meeting number is wrong.', 3706],
    ['The meeting number is not found.', 3707],
    ['The role is not applicable.', 3708],
    ['The meeting host is not found.', 3709],
    ["The account don't enable API.", 3710],
    ["Can not be host in other account's meeting.", 3711],
    ['No permission', 3713],
  ])('errorCode 200 "%s" is %i', (msg, code) => {
    expect(sdkCodeForAnswer(200, msg, 'client-view').code).toBe(code);
  });
  it('an unknown message is the generic 1 in the client view but 200 in the component view', () => {
    expect(sdkCodeForAnswer(200, 'Something new', 'client-view').code).toBe(1);
    // Component view: oP(200, msg) falls back to i18n key apac.errorcodes_fail, whose English text wins over Zoom's words.
    expect(sdkCodeForAnswer(200, 'Something new', 'component-view')).toEqual({ code: 200, message: 'Fail to join the meeting.' });
  });
  it('a disabled assistant join is 3715 only in the client view', () => {
    expect(sdkCodeForAnswer(200, 'Assistant join meeting been disabled', 'client-view').code).toBe(3715);
    expect(sdkCodeForAnswer(200, 'Assistant join meeting been disabled', 'component-view').code).toBe(200);
  });
  it('ZAK errors (server 3136) are told apart by message', () => {
    expect(sdkCodeForAnswer(3136, 'Token error', 'client-view').code).toBe(3623);
    expect(sdkCodeForAnswer(3136, 'Not support start meeting via tokens', 'client-view').code).toBe(3265);
    expect(sdkCodeForAnswer(3136, 'Please use host/alternative host to start the meeting', 'client-view').code).toBe(3624);
  });
  it('remapped server codes: meeting gone 3001 → 3610, host inactive 1001 → 3625, offline 404 → 403; others pass through', () => {
    expect(sdkCodeForAnswer(3001, 'Meeting does not exist', 'client-view').code).toBe(3610);
    expect(sdkCodeForAnswer(1001, 'x', 'client-view').code).toBe(3625);
    expect(sdkCodeForAnswer(404, null, 'client-view').code).toBe(403);
    expect(sdkCodeForAnswer(3004, 'Wrong passcode', 'client-view').code).toBe(3004);
  });
});

describe('live capture and HAR import give the same code for the same exchange', () => {
  const answers: Array<[number, string]> = [
    [200, 'Invalid signature.'],
    [200, 'The signature has expired.'],
    [200, 'Assistant join meeting been disabled'],
    [200, 'Something Zoom added later'],
    [3136, 'Token error'],
    [3136, 'Please use host/alternative host to start the meeting'],
    [404, 'Service offline'],
    [3001, 'Meeting does not exist'],
  ];
  const token = unsignedJwt({ appKey: 'K', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484 });
  const fieldsOf = {
    'client-view': { meetingNumber: '123456789', userName: 'u', passWord: '', signature: token, signatureType: 'sdk', apiKey: 'K', lang: 'en-US', userEmail: '', cv: '6.2.0', proxy: '1', sdkOrigin: 'x', tk: '' },
    'component-view': { apiKey: 'K', signatureType: 'sdk', signature: token, meetingNumber: '123456789', userName: 'u', lang: 'en-US', passWord: '', cv: '6.2.0', sdkOrigin: 'x', proxy: '1' },
  } as const;

  for (const view of ['client-view', 'component-view'] as const) {
    it(`${view}: the SDK's JSONP retry of each of ${answers.length} answers maps alike on both paths`, async () => {
      const url = `https://zoom.us/api/v1/wc/info?${new URLSearchParams({ ...fieldsOf[view], callback: 'zoomsdkjsonpcallback1' })}`;
      for (const [errorCode, errorMessage] of answers) {
        const body = { status: false, errorCode, errorMessage };
        const s = emptyTabState(1);
        applyBatch(s, batch([
          { t: 'wire-req', id: 'w:1', via: 'jsonp', url, sig: token, mn: '123456789', cv: '6.2.0', at: 1_000 },
          { t: 'wire-res', id: 'w:1', http: null, body, at: 1_050 },
        ]));
        const imported = await readHar(har([entry({ at: new Date(1_000).toISOString(), url, status: 200, body: `zoomsdkjsonpcallback1(${JSON.stringify(body)})` })]));
        const live = s.attempts[0]!.outcome;
        const fromHar = imported.attempts[0]!.outcome;
        expect({ answer: errorMessage, code: live.kind === 'failure' ? live.code : null }).toEqual({ answer: errorMessage, code: fromHar.kind === 'failure' ? fromHar.code : null });
      }
    });
  }

  it('server 3000 is told apart by its English message; an unknown one is the generic code', () => {
    expect(sdkCodeForAnswer(3000, 'User email is required.', 'client-view').code).toBe(3005);
    expect(sdkCodeForAnswer(3000, 'Invalid meeting ID.', 'component-view').code).toBe(3703);
    expect(sdkCodeForAnswer(3000, 'Something else', 'client-view').code).toBe(1);
    expect(sdkCodeForAnswer(3000, 'Something else', 'component-view').code).toBe(200);
  });
  it('the component view reports server codes it does not special-case as 200 with Zoom\'s own words', () => {
    expect(sdkCodeForAnswer(3001, 'Meeting does not exist', 'component-view')).toEqual({ code: 200, message: 'Meeting does not exist' });
    expect(sdkCodeForAnswer(3004, 'x', 'component-view').code).toBe(3004);
    expect(sdkCodeForAnswer(3129, 'x', 'component-view').code).toBe(3008);
  });
  it('the client view reports a server code it has no name for as the generic 1', () => {
    expect(sdkCodeForAnswer(98765, 'new server error', 'client-view')).toEqual({ code: 1, message: 'Fail to join the meeting.' });
    expect(sdkCodeForAnswer(3034, 'login', 'client-view').code).toBe(3034);
  });
});
