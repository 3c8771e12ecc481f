import { defineRule, type FindingInput } from './define';
import { claimValue, sdkPayload, show } from './claim-values';
import { usableKey } from './app-key-missing';
import { SAMPLE_PAYLOAD } from './fixes';
import { langFix } from './lang';

function howTheyDiffer(a: string, b: string): string {
  if (a.trim() === b.trim()) return ' (they differ only in surrounding whitespace)';
  if (a.toLowerCase() === b.toLowerCase()) return ' (they differ only in letter case)';
  return '';
}

export const appKeyMismatch = defineRule({
  id: 'app-key-mismatch',
  // Not `error`: which key Zoom uses to pick the secret when they differ is undocumented; one of them is wrong.
  severity: 'warning',
  title: 'appKey differs from sdkKey or from the sdkKey passed to join',
  source: 'signature-facts §1 (sample sets appKey = sdkKey = SDK Key), §3a/§3c (6.x sends the JWT appKey as apiKey)',
  rank: 320,
  sdk: 'meeting',
  produces: [3704, 3710],
  check({ token, join }) {
    if (!sdkPayload(token)) return null;
    const out: FindingInput[] = [];
    const appKey = claimValue(token, 'appKey');
    const sdkKey = claimValue(token, 'sdkKey');
    if (usableKey(appKey) && usableKey(sdkKey) && appKey !== sdkKey) {
      out.push({
        claim: 'appKey',
        message:
          `appKey ${show(appKey)} and sdkKey ${show(sdkKey)} differ${howTheyDiffer(appKey, sdkKey)}. ` +
          'The token is signed with one app\'s secret, so at least one key names the wrong app.',
        fix: langFix('Set both appKey and sdkKey to the Client ID (SDK Key) of the app whose secret signs the token:', SAMPLE_PAYLOAD, token),
        data: { source: 'payload' },
      });
    }
    const joinKey = join?.sdkKey;
    const tokenKey = usableKey(appKey) ? appKey : usableKey(sdkKey) ? sdkKey : null;
    if (tokenKey !== null && typeof joinKey === 'string' && joinKey.trim() !== '' && joinKey !== tokenKey) {
      const name = usableKey(appKey) ? 'appKey' : 'sdkKey';
      out.push({
        claim: name,
        message:
          `The sdkKey passed to join ${show(joinKey)} differs from the token's ${name} ${show(tokenKey)}` +
          `${howTheyDiffer(joinKey, tokenKey)}. SDK 4.0+ reads the key from the signature; older SDKs send the ` +
          'join argument to Zoom, which then checks the signature against the other app.',
        fix: langFix('Drop the deprecated sdkKey join argument, or pass the same Client ID that the backend puts in appKey:', SAMPLE_PAYLOAD, token),
        data: { source: 'join' },
      });
    }
    return out;
  },
});
