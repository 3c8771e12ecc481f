import { defineRule } from './define';

export const secretMismatch = defineRule({
  id: 'secret-mismatch',
  severity: 'error',
  title: 'The HMAC does not verify with the given SDK secret',
  source: 'facts §1 (HMAC-SHA256 with the SDK/Client Secret), §4.6 (wrong credential type), §2 (3712)',
  check({ verification: v }) {
    // Only when nothing explains it better: swapped and whitespace cases have their own rules.
    if (!v || v.unverifiable || v.verifies || v.verifiesTrimmed || v.verifiesSwapped) return null;
    const tried = ['as given'];
    if (v.verifiesTrimmed === false) tried.push(v.secretHasWhitespace ? 'trimmed' : 'with stray whitespace added');
    if (v.verifiesSwapped === false) tried.push('with key and secret swapped');
    return {
      message:
        `The signature does not verify with the SDK secret you gave (tried ${tried.join(', ')}). ` +
        'Unless Zoom holds a different secret for this appKey, it answers 3712 "Invalid signature".',
      fix:
        'Sign with the Client Secret (SDK Secret) of the Meeting SDK app whose Client ID is in appKey ' +
        '(Marketplace → your app → App Credentials); not a Server-to-Server OAuth, OAuth or JWT app secret, ' +
        'and not another environment\'s app.',
      data: { triedVariants: tried.length },
    };
  },
});
