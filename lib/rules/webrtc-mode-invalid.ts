import { defineRule } from './define';
import { claim, show, sdkPayload } from './claim-values';
import { WEBRTC_MODE } from './fixes';
import { langFix } from './lang';

export const webrtcModeInvalid = defineRule({
  id: 'webrtc-mode-invalid',
  // The SDK reads it client-side; what it does with other values is undocumented, so risky rather than fatal.
  severity: 'warning',
  title: 'video_webrtc_mode is not 0 or 1',
  source: 'signature-facts §1 (video_webrtc_mode 0/1, absent = 2 "Zoom decides"), §5 (sample validates [0,1])',
  rank: 380,
  sdk: 'meeting',
  check({ token }) {
    if (!sdkPayload(token)) return null;
    const c = claim(token, 'video_webrtc_mode');
    if (!c.present || c.value === 0 || c.value === 1) return null;
    const quoted = c.value === '0' || c.value === '1';
    return {
      claim: 'video_webrtc_mode',
      message: quoted
        ? `video_webrtc_mode is the string ${show(c.value)}; Zoom's sample sends a number (0 or 1).`
        : `video_webrtc_mode is ${show(c.value)}; only 0 or 1 is defined (leave it out to let Zoom decide).`,
      fix: langFix('Send video_webrtc_mode as the JSON number 1 (WebRTC video) or 0, or omit the claim; the sample `parseInt`s the request value:', WEBRTC_MODE, token),
      data: { value: typeof c.value === 'number' ? c.value : show(c.value) },
    };
  },
});
