import { defineRule } from './define';
import { show } from './claim-values';
import { videoPayload } from './sdk-family';
import { ROLE_TYPE_NUMBER, videoClaim } from './video-claims';
import { langFix } from './lang';

export const vsdkRoleTypeInvalid = defineRule({
  id: 'vsdk-role-type-invalid',
  severity: 'error',
  title: 'role_type is missing or not the number 0 or 1',
  source:
    'docs/zoom-facts.md "Video SDK" (auth.md: role_type required, "Must be a number"; bundle: server 3000 "The role type error" → 3010; auth sample inNumberArray([0,1]))',
  rank: 310,
  sdk: 'video',
  check(ctx) {
    const payload = videoPayload(ctx);
    if (!payload) return null;
    const role = videoClaim(payload, 'role_type');
    if (role === 0 || role === 1) return null;
    const misnamed = role === undefined ? ['role', 'roleType', 'role_Type'].find((k) => k in payload) : undefined;
    const what =
      role === undefined
        ? `The payload has no role_type${misnamed ? ` (it has ${misnamed} = ${show(payload[misnamed])}; the Video SDK reads only role_type)` : ''}`
        : typeof role === 'string'
          ? `role_type is the string ${show(role)}, not a number`
          : `role_type is ${show(role)}`;
    return {
      claim: 'role_type',
      message: `${what}. Zoom accepts only the JSON number 0 (participant) or 1 (host) and answers "The role type error", which the SDK reports as errorCode 3010 "Role type error".`,
      fix: langFix('Write role_type as the JSON number 0 (participant) or 1 (host), not a string:', ROLE_TYPE_NUMBER, ctx.token),
      data: { roleType: typeof role === 'number' ? role : role === undefined ? null : show(role) },
    };
  },
});
