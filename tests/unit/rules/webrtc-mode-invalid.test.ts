import { describe, expect, it } from 'vitest';
import { webrtcModeInvalid } from '../../../lib/rules/webrtc-mode-invalid';
import { run, tokenFor } from './token-helpers';

describe('webrtc-mode-invalid', () => {
  it('a backend passing the request field through unparsed signs video_webrtc_mode "1"', async () => {
    const [f] = run(webrtcModeInvalid, await tokenFor({ video_webrtc_mode: '1' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('the string "1"');
  });

  it('a backend sending 2 (the implicit "Zoom decides" value) explicitly', async () => {
    expect(run(webrtcModeInvalid, await tokenFor({ video_webrtc_mode: 2 }))[0]?.data).toEqual({ value: 2 });
  });

  it('0, 1 and absent pass', async () => {
    expect(run(webrtcModeInvalid, await tokenFor({ video_webrtc_mode: 1 }))).toEqual([]);
    expect(run(webrtcModeInvalid, await tokenFor({ video_webrtc_mode: 0 }))).toEqual([]);
    expect(run(webrtcModeInvalid, await tokenFor())).toEqual([]);
  });
});
