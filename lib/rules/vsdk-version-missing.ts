import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { VERIFY_JWT_FAILED, VERSION_ONE, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkVersionMissing = defineRule({
  id: 'vsdk-version-missing',
  severity: 'error',
  title: 'version is missing or not 1',
  source: 'docs/zoom-facts.md "Video SDK" (auth.md: version required, "Set to 1"; auth sample version: 1)',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const v = videoClaim(payload, 'version');
    if (v === 1) return null;
    return {
      claim: 'version',
      message: `${v === undefined ? 'The payload has no version' : `version is ${show(v)}`}; Zoom's Video SDK JWT needs \`"version": 1\` (a number). Without it expect ${VERIFY_JWT_FAILED}.`,
      fix: langFix("Add version, the JSON number 1, to the payload, as Zoom's Video SDK auth endpoint sample does:", VERSION_ONE, ctx.token),
      data: { version: v === undefined ? null : show(v) },
    };
  },
});
