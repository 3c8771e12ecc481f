import { defineRule } from './define';
import { videoPayload } from './sdk-family';
import { TPC_LENGTH, TPC_MAX, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkTpcTooLong = defineRule({
  id: 'vsdk-tpc-too-long',
  severity: 'error',
  title: 'tpc is longer than 200 characters',
  source: 'docs/zoom-facts.md "Video SDK" (auth.md: tpc max 200; bundle: join() rejects a topic over 200 with 5013)',
  rank: 340,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const tpc = videoClaim(payload, 'tpc');
    if (typeof tpc !== 'string' || tpc.length <= TPC_MAX) return null;
    return {
      claim: 'tpc',
      message:
        `tpc is ${tpc.length} characters; Zoom allows at most ${TPC_MAX}. The same topic passed to \`client.join\` is refused by ` +
        'the SDK itself: INVALID_PARAMETERS 5013 "The maximum length of topic is 200".',
      fix: langFix(
        `Use a session name of at most ${TPC_MAX} characters (an id rather than a free-text title), the same in tpc and in client.join; refuse a longer one before signing:`,
        TPC_LENGTH,
        ctx.token,
      ),
      data: { length: tpc.length },
    };
  },
});
