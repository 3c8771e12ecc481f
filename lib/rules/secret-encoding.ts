import { defineRule } from './define';
import { SECRET_AS_TEXT } from './fixes';
import { langFix } from './lang';

const WHAT: Record<string, string> = {
  'base64-decoded':
    'the backend base64-decodes the secret before signing (jjwt `Decoders.BASE64.decode`, PHP `base64_decode`, .NET `Convert.FromBase64String`), ' +
    'but Zoom keys the HMAC with the secret text itself',
  'base64url-decoded': 'the backend base64url-decodes the secret before signing, but Zoom keys the HMAC with the secret text itself',
  'base64-encoded': 'the backend signs with a base64 encoding of the secret, but Zoom keys the HMAC with the secret text itself',
  'hex-decoded': 'the backend hex-decodes the secret before signing, but Zoom keys the HMAC with the secret text itself',
};

export const secretEncoding = defineRule({
  id: 'secret-encoding',
  severity: 'error',
  title: 'The token verifies only with the secret base64/hex decoded or encoded',
  source: 'signature-facts §1 (HMAC-SHA256 keyed with the SDK/Client Secret as shown in the Marketplace); HMAC keys are exact bytes',
  rank: 110,
  sdk: 'any',
  phrase: 'the backend base64-decodes (or encodes) the secret before signing',
  verifiedBySecret: true,
  check({ token, verification: v }) {
    if (!v || v.unverifiable || v.verifies || !v.encodingVariant) return null;
    return {
      message:
        `The signature does not verify with the secret as given, but does with the secret ${v.encodingVariant}: ` +
        `${WHAT[v.encodingVariant] ?? 'the backend transforms the secret before signing'}, so Zoom answers 3712.`,
      fix: langFix('Use the secret\'s UTF-8 bytes as the HMAC key, exactly as the Marketplace shows it:', SECRET_AS_TEXT, token),
      data: { variant: v.encodingVariant },
    };
  },
});
