/**
 * Say only what was seen: Zoom's wc/info answering status:true means Zoom accepted the signature,
 * not that the join worked (Zoom's own samples then showed "Fail to join the meeting", errorCode 1).
 * "success" is kept for joins whose own callback or promise said so, and a later failure wins.
 */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { emptyTabState } from '../../../lib/capture/tab-state';
import { describeOutcome } from '../../../components/state/format';
import { outcomeText } from '../../../lib/report/report-facts';
import type { ExportedItem } from '../../../lib/report/schema';
import { GOOD, batch } from './fixtures';

const accepted = { status: true, errorCode: 0, result: { mid: 'x' } };
const failToJoin = { method: 'join', status: false, result: null, errorCode: 1, errorMessage: 'Fail to join the meeting.' };

describe('an accepted signature is not a successful join', () => {
  it('an npm-module page whose wc/info answer says status:true reads "signature accepted by Zoom", never "success"', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'wire-req', id: 'w:1', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', at: 10 },
      { t: 'wire-res', id: 'w:1', http: 200, body: accepted, at: 50 },
    ]));
    const o = s.attempts[0]!.outcome;
    expect(o).toEqual({ kind: 'success', acceptedOnly: true });
    expect(describeOutcome(o)).toBe('signature accepted by Zoom');
    expect(outcomeText({ attempt: s.attempts[0]! } as ExportedItem)).toBe('signature accepted by Zoom');
  });

  it("the join's own success callback after the accepted answer is a plain success", () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'c:1', method: 'ZoomMtg.join', sig: GOOD, mn: '123456789', at: 0 },
      { t: 'wire-req', id: 'c:2', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', at: 10 },
      { t: 'wire-res', id: 'c:2', http: 200, body: accepted, at: 50 },
    ]));
    // Until the callback speaks, only the acceptance was seen.
    expect(describeOutcome(s.attempts[0]!.outcome)).toBe('signature accepted by Zoom');
    applyBatch(s, batch([{ t: 'settle', id: 'c:1', ok: true, res: { method: 'join', status: true }, at: 900 }]));
    expect(s.attempts[0]!.outcome).toEqual({ kind: 'success' });
    expect(describeOutcome(s.attempts[0]!.outcome)).toBe('success');
  });

  it('"Fail to join the meeting" after Zoom accepted the signature is shown as the failure it is', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'f:1', method: 'ZoomMtg.join', sig: GOOD, mn: '123456789', at: 0 },
      { t: 'wire-req', id: 'f:2', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', at: 10 },
      { t: 'wire-res', id: 'f:2', http: 200, body: accepted, at: 50 },
      { t: 'settle', id: 'f:1', ok: false, res: failToJoin, at: 2000 },
    ]));
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 1, message: 'Fail to join the meeting.' });
    expect(describeOutcome(s.attempts[0]!.outcome)).toMatch(/^1 Fail to join the meeting\./);
  });
});
