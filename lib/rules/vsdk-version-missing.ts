import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { VERSION_ONE, videoClaim } from './video-claims';
import { langFix } from './lang';

/**
 * A warning, never an error: Zoom's docs ask for `version: 1`, but Zoom's own Video SDK web sample
 * (zoom/videosdk-web-sample src/utils/util.ts `generateVideoToken`, commit 8bfd286) signs
 * `{app_key, iat, exp, tpc, role_type, …}` with no version, and Zoom accepts those joins. What
 * Zoom's server does in the field outranks the table in its docs.
 */
export const vsdkVersionMissing = defineRule({
  id: 'vsdk-version-missing',
  severity: 'warning',
  title: 'version is missing or not 1',
  source:
    'docs/zoom-facts.md "Video SDK" (auth.md: version required, "Set to 1"; auth sample version: 1); zoom/videosdk-web-sample src/utils/util.ts signs without version and Zoom accepts its joins',
  rank: 390,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const v = videoClaim(payload, 'version');
    if (v === 1) return null;
    return {
      claim: 'version',
      message:
        `${v === undefined ? 'The payload has no version' : `version is ${show(v)}`}; Zoom's docs ask for \`"version": 1\` (a number). ` +
        "Zoom's own Video SDK web sample signs its tokens without version and Zoom accepts them, so this alone does not explain a failed join.",
      fix: langFix("Add version, the JSON number 1, to the payload, as Zoom's Video SDK auth endpoint sample does:", VERSION_ONE, ctx.token),
      data: { version: v === undefined ? null : show(v) },
    };
  },
});
