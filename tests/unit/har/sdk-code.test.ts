import { describe, expect, it } from 'vitest';
import { sdkCodeForAnswer } from '../../../lib/har/sdk-code';

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
    expect(sdkCodeForAnswer(200, 'Something new', 'component-view')).toEqual({ code: 200, message: 'Something new' });
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
