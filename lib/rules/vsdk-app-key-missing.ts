import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { VERIFY_JWT_FAILED, VIDEO_PAYLOAD, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkAppKeyMissing = defineRule({
  id: 'vsdk-app-key-missing',
  severity: 'error',
  title: 'Video SDK JWT without app_key',
  source: 'docs/zoom-facts.md "Video SDK" (auth.md: app_key required; bundle: server 124 → "Verify JWT failed")',
  rank: 140,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const v = videoClaim(payload, 'app_key');
    if (typeof v === 'string' && v.trim() !== '') return null;
    const misnamed = ['appKey', 'sdkKey', 'sdk_key', 'apiKey'].find((k) => k in payload);
    return {
      claim: 'app_key',
      message:
        `${v === undefined ? 'The payload has no app_key' : `app_key is ${show(v)}`}` +
        `${misnamed ? ` (it has ${misnamed}, the Meeting SDK spelling; the Video SDK reads only app_key)` : ''}. ` +
        `Zoom cannot tell which Video SDK app signed it and answers ${VERIFY_JWT_FAILED}.`,
      fix: langFix(
        'Add app_key set to the Video SDK key (Marketplace → Video SDK app → credentials; an unset ZOOM_VIDEO_SDK_KEY writes none), ' +
          "as in Zoom's Video SDK auth sample payload, signed HS256 with the Video SDK secret:",
        VIDEO_PAYLOAD,
        ctx.token,
      ),
      data: { misnamedKey: misnamed ?? null },
    };
  },
});
