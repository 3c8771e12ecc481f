import { defineRule } from './define';
import { TRIM_SECRET } from './fixes';
import { langFix } from './lang';

export const secretWhitespace = defineRule({
  id: 'secret-whitespace',
  severity: 'error',
  title: 'The token verifies only with whitespace added to or removed from the secret',
  source: 'signature-facts §4.14 (secret whitespace unverified as a 3712 cause; repos trim defensively); HMAC keys are exact bytes',
  rank: 100,
  sdk: 'any',
  phrase: 'the secret has stray whitespace',
  verifiedBySecret: true,
  check({ token, verification: v }) {
    if (!v || v.unverifiable) return null;
    if (v.secretHasWhitespace && v.verifies) {
      return {
        message:
          'The signature verifies with the secret including its surrounding whitespace: the backend signs with ' +
          'a secret that has stray whitespace (e.g. a trailing newline from a .env or secret file), while Zoom ' +
          'holds the secret without it, so Zoom answers 3712.',
        fix: langFix('Trim the secret where the backend loads it:', TRIM_SECRET, token),
        data: { variant: 'as given (with whitespace)' },
      };
    }
    if (!v.verifies && v.verifiesTrimmed) {
      if (v.secretHasWhitespace) {
        return {
          // The backend already signs with the clean secret; only the pasted copy had whitespace.
          severity: 'info',
          message: 'The signature verifies with the secret trimmed: the whitespace was only in the copy you gave; the backend signs correctly.',
          fix: langFix('Nothing to change in the backend; it loads the secret clean, as in:', TRIM_SECRET, token),
          data: { variant: v.whitespaceVariant ?? 'trimmed' },
        };
      }
      return {
        message:
          `The signature verifies only with the secret ${v.whitespaceVariant ?? 'with stray whitespace'}: the backend's ` +
          'copy of the secret carries that whitespace (a secret file, `echo` or a copy-paste), Zoom\'s does not, so Zoom answers 3712.',
        fix: langFix('Trim the secret where the backend loads it:', TRIM_SECRET, token),
        data: { variant: v.whitespaceVariant ?? 'unknown' },
      };
    }
    return null;
  },
});
