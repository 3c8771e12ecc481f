import { defineRule } from './define';

export const secretSwapped = defineRule({
  id: 'secret-swapped',
  severity: 'error',
  title: 'The token is signed with the SDK key instead of the secret',
  source: 'facts §4.10 (auth sample README had key and secret swapped until 0294f92, 2021)',
  check({ verification: v }) {
    if (!v || v.unverifiable || v.verifies || !v.verifiesSwapped) return null;
    return {
      message:
        'The signature verifies when the SDK key you gave is used as the HMAC secret: the backend has key and ' +
        'secret the wrong way round (its appKey claim then probably carries the secret, exposing it to the browser).',
      fix:
        'Swap the two settings in the backend: appKey/sdkKey = Client ID (SDK Key); HMAC secret = Client Secret ' +
        '(SDK Secret). If the secret went out in tokens, regenerate it in the Marketplace.',
    };
  },
});
