import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { READ_TOPIC, VERIFY_JWT_FAILED, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkTpcMismatch = defineRule({
  id: 'vsdk-tpc-mismatch',
  severity: 'error',
  title: 'tpc is not the topic being joined',
  source:
    'docs/zoom-facts.md "Video SDK" (auth.md "Must match the session join context value. Case-insensitive"; bundle lower-cases the topic before sending it; zoom/videosdk-reactnative-quickstart#5)',
  rank: 290,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    const topic = ctx.join?.topic;
    if (!payload || typeof topic !== 'string') return null;
    const tpc = videoClaim(payload, 'tpc');
    if (typeof tpc !== 'string' || tpc.trim() === '') return null;
    // The SDK sends topic.toLowerCase(); Zoom compares case-insensitively (auth.md).
    if (tpc.toLowerCase() === topic.toLowerCase()) return null;
    const onlySpace = tpc.trim().toLowerCase() === topic.trim().toLowerCase();
    return {
      claim: 'tpc',
      message:
        `tpc is ${show(tpc)} but the page joins topic ${show(topic)}` +
        `${onlySpace ? ' (they differ only in surrounding whitespace, which Zoom does not ignore)' : ''}. ` +
        `A Video SDK JWT admits only to the session named in tpc (case-insensitively); Zoom answers ${VERIFY_JWT_FAILED}.`,
      fix: langFix(
        'Request the token for the topic the page joins: send the session name to the token endpoint, sign it as tpc, and call ' +
          '`client.join(sessionName, token, userName)` with the same string (Zoom compares it case-insensitively; whitespace counts):',
        READ_TOPIC,
        ctx.token,
      ),
      data: { tpc: tpc.toLowerCase().slice(0, 200), topic: topic.toLowerCase().slice(0, 200) },
    };
  },
});
