/**
 * The meeting server's join answer (RWG evt 4098 `res`) → the code each view reports, as the 6.2.0
 * bundles map it (client table `E`, component `JM`; docs/join-errors.md §7) and as measured for
 * 6601, 13295, 13299 and 6 (tests/e2e/meeting-server.e2e.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { sdkCodeForMeetingServer } from '../../../lib/zoom/meeting-server-codes';

describe('meeting-server result codes', () => {
  it.each([
    [6601, 4011], [13296, 4012], [13295, 4013], [13299, 4014], [13300, 4015], [3145, 4016], [103041, 4017], [13245, 4018],
    [6, 4004], [131013, 4004], [9, 4005], [12, 4006], [103043, 4007], [103044, 4008], [1005, 3621], [1001, 3625], [103039, 3009],
  ])('the 2026 authorization and meeting-state refusals: %i → %i in both views', (res, code) => {
    expect(sdkCodeForMeetingServer(res, 'client-view').code).toBe(code);
    expect(sdkCodeForMeetingServer(res, 'component-view').code).toBe(code);
  });

  it('the component view\'s reason is the table key it rejects with (measured: "cross account join error")', () => {
    expect(sdkCodeForMeetingServer(6601, 'component-view')).toEqual({ code: 4011, message: 'cross account join error' });
    expect(sdkCodeForMeetingServer(6601, 'client-view').message).toMatch(/^To join a meeting hosted by an external Zoom account/);
  });

  it('rows only one view has: 3004 (client 3714, component 3004), 21 → 4019, 6603, 1000/-1 → 4009 (client), 3027 → 3627 (component)', () => {
    expect(sdkCodeForMeetingServer(3004, 'client-view').code).toBe(3714);
    expect(sdkCodeForMeetingServer(3004, 'component-view').code).toBe(3004);
    expect(sdkCodeForMeetingServer(21, 'client-view').code).toBe(4019);
    expect(sdkCodeForMeetingServer(6603, 'client-view').code).toBe(6603);
    expect(sdkCodeForMeetingServer(1000, 'client-view').code).toBe(4009);
    expect(sdkCodeForMeetingServer(3027, 'component-view').code).toBe(3627);
  });

  it('a code in no table: client view 1 "Fail to join the meeting.", component view 200', () => {
    expect(sdkCodeForMeetingServer(424242, 'client-view')).toEqual({ code: 1, message: 'Fail to join the meeting.' });
    expect(sdkCodeForMeetingServer(424242, 'component-view').code).toBe(200);
  });
});
