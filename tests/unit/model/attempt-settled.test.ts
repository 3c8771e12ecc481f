/** When a captured join has its final outcome (the lab and tests wait for it; the panel shows it). */
import { describe, expect, it } from 'vitest';
import { isSettled } from '../../../lib/model/attempt';

describe('isSettled', () => {
  it('a component-view join that Zoom accepted and the meeting server then refused (4011) is not settled at the accepted wc/info', () => {
    expect(isSettled({ api: 'component-view', outcome: { kind: 'success', acceptedOnly: true } })).toBe(false);
    expect(isSettled({ api: 'component-view', outcome: { kind: 'failure', code: 4011, message: 'cross account join error' } })).toBe(true);
    expect(isSettled({ api: 'client-view', outcome: { kind: 'success' } })).toBe(true);
  });
  it("a HAR's accepted wc/info is as final as the recording; pending is never settled", () => {
    expect(isSettled({ api: 'wire', outcome: { kind: 'success', acceptedOnly: true } })).toBe(true);
    expect(isSettled({ api: 'client-view', outcome: { kind: 'pending' } })).toBe(false);
  });
});
