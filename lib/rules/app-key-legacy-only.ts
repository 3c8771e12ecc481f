import { defineRule } from './define';
import { claim, sdkPayload } from './claim-values';
import { usableKey } from './app-key-missing';
import { SAMPLE_PAYLOAD } from './fixes';
import { langFix } from './lang';

export const appKeyLegacyOnly = defineRule({
  id: 'app-key-legacy-only',
  severity: 'warning',
  title: 'sdkKey without appKey (appKey required since SDK 5.0.0)',
  source: 'signature-facts §1: 6.2.0 index.d.ts/embedded.d.ts "appKey required as of v5.0.0"; 6.2.0 still accepts sdkKey-only',
  rank: 400,
  sdk: 'meeting',
  check({ token }) {
    if (!sdkPayload(token)) return null;
    const appKey = claim(token, 'appKey');
    const sdkKey = claim(token, 'sdkKey');
    if (usableKey(appKey.value) || !usableKey(sdkKey.value)) return null;
    return {
      claim: 'appKey',
      message:
        `The payload has sdkKey but ${appKey.present ? 'an empty or non-string appKey' : 'no appKey'}. ` +
        'The SDK declares appKey required since 5.0.0; 6.2.0 still joins with a deprecation warning, ' +
        'later versions need not.',
      fix: langFix('Add `appKey` with the same value as `sdkKey` (the Client ID / SDK Key); keep sdkKey for older SDKs:', SAMPLE_PAYLOAD, token),
      data: { appKeyPresent: appKey.present },
    };
  },
});
