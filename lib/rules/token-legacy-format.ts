import { defineRule } from './define';
import { parseLegacySignature } from '../token/legacy';
import { SIGN_WITH_LIBRARY } from './fixes';
import { langFix } from './lang';

function isoMs(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? 'an invalid date' : d.toISOString();
}

export const tokenLegacyFormat = defineRule({
  id: 'token-legacy-format',
  severity: 'error',
  title: 'Pre-JWT millisecond signature (SDK 1.x–2.6 format)',
  source: 'signature-facts §1 version history (1.x–2.6, 2.7.0), §3a (6.x silent refusal), §4.7 (devforum #83251, #85056, #73125)',
  rank: 40,
  sdk: 'any',
  phrase: 'the pre-JWT signature format',
  check({ token }) {
    // Legacy signatures have no dots: a JWT is ruled out without decoding anything.
    if (token.segments.length !== 1) return null;
    const legacy = parseLegacySignature(token.token);
    if (!legacy) return null;
    return {
      message:
        `The signature is the pre-JWT format: base64 of "apiKey.mn.timestamp.role.hash", decoding to apiKey ` +
        `${legacy.apiKey}, mn ${legacy.meetingNumber}, timestamp ${legacy.timestampMs} ms (${isoMs(legacy.timestampMs)}), ` +
        `role ${legacy.role} and a ${legacy.hashLength}-character HMAC. SDK 2.7.0 and later need a JWT: component view ` +
        'rejects it as an invalid signature, and client view 6.x refuses the join silently (no appKey can be read from it).',
      fix: langFix('Replace the signature code with the JWT version (zoom/meetingsdk-auth-endpoint-sample): an HS256 JWT of `{appKey, sdkKey, mn, role, iat, exp: iat + 7200, tokenExp}` signed with the Meeting SDK Client Secret; the JWT app API key/secret of this format were deactivated in 2023, so use the Meeting SDK app\'s Client ID and Secret:', SIGN_WITH_LIBRARY, token),
      data: {
        apiKey: legacy.apiKey,
        mn: legacy.meetingNumber,
        timestampMs: legacy.timestampMs,
        role: legacy.role,
      },
    };
  },
});
