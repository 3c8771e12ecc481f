import { defineRule } from './define';
import { KEY_AND_SECRET } from './fixes';
import { langFix } from './lang';
import { triedVariants } from './secret-swapped';

export const secretMismatch = defineRule({
  id: 'secret-mismatch',
  severity: 'error',
  title: 'The HMAC does not verify with the given SDK secret',
  source: 'signature-facts §1 (HMAC-SHA256 with the SDK/Client Secret), §4.6 (wrong credential type), §2 (3712)',
  rank: 120,
  sdk: 'any',
  phrase: "signed with another secret than the app's",
  verifiedBySecret: true,
  check({ token, verification: v }) {
    // Only when nothing explains it better: swapped, whitespace and encoding cases have their own rules.
    if (!v || v.unverifiable || v.verifies || v.verifiesTrimmed || v.verifiesSwapped || v.encodingVariant || v.keyClaimIsSecret) return null;
    const tried = triedVariants(v);
    return {
      message:
        `The signature does not verify with the SDK secret you gave (tried ${tried.join('; ')}). ` +
        'Unless Zoom holds a different secret for this appKey, it answers 3712 "Invalid signature".',
      fix: langFix(
        'Sign with the Client Secret (SDK Secret) of the Meeting SDK app whose Client ID is in appKey (Marketplace → your app → App Credentials); ' +
          "not a Server-to-Server OAuth, OAuth or JWT app secret, and not another environment's app:",
        KEY_AND_SECRET,
        token,
      ),
      data: { triedVariants: tried.length },
    };
  },
});
