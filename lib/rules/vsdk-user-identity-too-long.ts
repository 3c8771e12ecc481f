import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { USER_IDENTITY_LENGTH, USER_KEY_LENGTH, VIDEO_KEY_MAX, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkUserIdentityTooLong = defineRule({
  id: 'vsdk-user-identity-too-long',
  severity: 'error',
  title: 'user_identity / user_key is longer than 36 characters or not a string',
  source: 'docs/zoom-facts.md "Video SDK" (auth.md: user_key, formerly user_identity, max 36; the auth sample checks userIdentity ≤ 35)',
  rank: 360,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const out = [];
    for (const name of ['user_identity', 'user_key']) {
      const v = videoClaim(payload, name);
      if (v === undefined || v === null || (typeof v === 'string' && v.length <= VIDEO_KEY_MAX)) continue;
      out.push({
        claim: name,
        message:
          typeof v === 'string'
            ? `${name} is ${v.length} characters; Zoom allows at most ${VIDEO_KEY_MAX} (its auth endpoint sample even stops at 35).`
            : `${name} is ${show(v)}, not a string of at most ${VIDEO_KEY_MAX} characters.`,
        fix: langFix(
          `Shorten ${name} to a string of at most ${VIDEO_KEY_MAX} characters (Zoom's sample endpoint stops at 35): an internal user id, not an e-mail address or a full name. Refuse a longer one before signing:`,
          name === 'user_key' ? USER_KEY_LENGTH : USER_IDENTITY_LENGTH,
          ctx.token,
        ),
        data: { length: typeof v === 'string' ? v.length : null },
      });
    }
    return out;
  },
});
