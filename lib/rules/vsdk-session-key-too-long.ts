import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { SESSION_KEY_LENGTH, VIDEO_KEY_MAX, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkSessionKeyTooLong = defineRule({
  id: 'vsdk-session-key-too-long',
  severity: 'error',
  title: 'session_key is longer than 36 characters or not a string',
  source: 'docs/zoom-facts.md "Video SDK" (auth.md: session_key max 36; auth sample isLengthLessThan(36); error-codes.md "invalid session key")',
  rank: 350,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const v = videoClaim(payload, 'session_key');
    if (v === undefined || v === null || (typeof v === 'string' && v.length <= VIDEO_KEY_MAX)) return null;
    return {
      claim: 'session_key',
      message:
        typeof v === 'string'
          ? `session_key is ${v.length} characters; Zoom allows at most ${VIDEO_KEY_MAX} (the Video SDK lists "invalid session key" among its errorCode 200 reasons).`
          : `session_key is ${show(v)}, not a string of at most ${VIDEO_KEY_MAX} characters.`,
      fix: langFix(
        `Use a session_key string of at most ${VIDEO_KEY_MAX} characters (a UUID is exactly 36); every participant of the session must send the same value. Refuse a longer one before signing:`,
        SESSION_KEY_LENGTH,
        ctx.token,
      ),
      data: { length: typeof v === 'string' ? v.length : null },
    };
  },
});
