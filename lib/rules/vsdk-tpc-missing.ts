import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { READ_TOPIC, VERIFY_JWT_FAILED, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkTpcMissing = defineRule({
  id: 'vsdk-tpc-missing',
  severity: 'error',
  title: 'Video SDK JWT without tpc (the session topic)',
  source: 'docs/zoom-facts.md "Video SDK" (auth.md: tpc required, must match the join topic)',
  rank: 160,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const tpc = videoClaim(payload, 'tpc');
    if (typeof tpc === 'string' && tpc.trim() !== '') return null;
    const misnamed = ['topic', 'sessionName', 'session_name', 'tpc_name'].find((k) => k in payload);
    return {
      claim: 'tpc',
      message:
        `${tpc === undefined ? 'The payload has no tpc' : `tpc is ${show(tpc)}`}` +
        `${misnamed ? ` (it has ${misnamed} = ${show(payload[misnamed])} instead; Zoom reads only tpc)` : ''}. ` +
        `The Video SDK JWT names the session it admits to in tpc; without it Zoom answers ${VERIFY_JWT_FAILED}.`,
      fix: langFix(
        'Put the session name in tpc, the same string the page passes to `client.join(topic, token, userName)` (compared case-insensitively):',
        READ_TOPIC,
        ctx.token,
      ),
      data: { misnamedKey: misnamed ?? null },
    };
  },
});
