import { defineRule } from './define';
import { KEY_AND_SECRET } from './fixes';
import { langFix } from './lang';
import type { SecretVerification } from './types';

/** What was tried, exactly, so "tried the swap" never claims more than was done. */
export function triedVariants(v: SecretVerification): string[] {
  const tried = ['the secret as given'];
  if (v.verifiesTrimmed === false) tried.push(v.secretHasWhitespace ? 'trimmed' : 'with stray whitespace added (newline, CRLF, space)');
  if (v.encodingsTried && v.encodingsTried.length > 0) tried.push(v.encodingsTried.join(', '));
  if (v.verifiesSwapped === false) {
    tried.push(v.swapKeySource === 'given' ? 'the --sdk-key you gave as the HMAC secret' : "the payload's appKey as the HMAC secret (no SDK key was given)");
  }
  return tried;
}

/** Zoom Client Secrets are 32 characters; Client IDs (and SDK Keys) about 20–22. */
const SECRET_LENGTH_MIN = 30;
const CLIENT_ID_LENGTH_MAX = 24;

const INTRO =
  'Swap the two settings in the backend: appKey/sdkKey = Client ID (SDK Key); HMAC secret = Client Secret (SDK Secret). ' +
  'If the secret went out in tokens, regenerate it in the Marketplace (App Credentials):';

export const secretSwapped = defineRule({
  id: 'secret-swapped',
  severity: 'error',
  title: 'Key and secret swapped: signed with the SDK key, or the secret sent as appKey',
  source: 'signature-facts §4.10 (auth sample README had key and secret swapped until 0294f92, 2021)',
  rank: 90,
  sdk: 'any',
  phrase: 'SDK key and secret swapped',
  produces: [3704],
  verifiedBySecret: true,
  check({ token, verification: v }) {
    if (!v || v.unverifiable) return null;
    const claimName = v.keyClaimIsSecret ?? null;
    if (!v.verifies && v.verifiesSwapped) {
      const used =
        v.swapKeySource === 'payload'
          ? "the token's own appKey claim, used as the HMAC secret (no SDK key was given, so that claim was tried)"
          : 'the SDK key you gave, used as the HMAC secret';
      return {
        message:
          `The signature does not verify with the secret you gave but does with ${used}: the backend signs with the SDK key ` +
          `(Client ID) instead of the secret${claimName ? `, and its ${claimName} claim carries the secret, exposing it to every browser` : ''}. Zoom answers 3712.`,
        fix: langFix(INTRO, KEY_AND_SECRET, token),
        data: { swapKeySource: v.swapKeySource ?? null, keyClaimIsSecret: claimName },
      };
    }
    if (claimName && !v.verifies) {
      // From the token alone, "the backend sends the secret as appKey" and "you gave the Client ID as the
      // secret" look the same; the value's length tells them apart most of the time.
      const value = token.payload?.[claimName];
      const length = typeof value === 'string' ? value.trim().length : 0;
      const which =
        length >= SECRET_LENGTH_MIN
          ? `It is ${length} characters, the length of a Client Secret (Client IDs are about 20–22), so the backend most likely`
          : length > 0 && length <= CLIENT_ID_LENGTH_MAX
            ? `It is ${length} characters, the length of a Client ID (secrets are 32): check that what you gave is the Client Secret. If it is, the backend`
            : 'Most likely the backend';
      return {
        message:
          `The token's ${claimName} claim is the value you gave as the secret. ${which} has key and secret the wrong way round: it sends the ` +
          'secret as the key (to every browser) and signs with the other value, presumably the Client ID, which is why the signature does not ' +
          `verify (tried: ${triedVariants(v).join('; ')}). Zoom finds no app for that key and answers 3712 (or 3704). ` +
          'Give the Client ID too (--sdk-key) to confirm: the signature should verify with it.',
        fix: langFix(INTRO, KEY_AND_SECRET, token),
        data: { swapKeySource: v.swapKeySource ?? null, keyClaimIsSecret: claimName },
      };
    }
    if (claimName && v.verifies) {
      return {
        message:
          `The signature verifies with the secret you gave, but the token's ${claimName} claim is that same secret: the backend puts the ` +
          'secret where the Client ID belongs, so Zoom finds no app for that key (3704 "The api key is wrong" or 3712) and every browser sees the secret.',
        fix: langFix(INTRO, KEY_AND_SECRET, token),
        data: { swapKeySource: v.swapKeySource ?? null, keyClaimIsSecret: claimName },
      };
    }
    return null;
  },
});
