import { defineRule, type FindingInput } from './define';
import { unwrapToken } from '../token/wrapped';
import { decodeSignature } from '../token/decode';
import { RETURN_SIGNATURE } from './fixes';
import { langFix } from './lang';

export const tokenWrapped = defineRule({
  id: 'token-wrapped',
  severity: 'error',
  title: 'The endpoint\'s JSON response, a "Bearer " header value or an object was passed instead of the token',
  source: 'signature-facts §4.8 (devforum #4005: the response object passed as the signature, errorCode 1)',
  rank: 20,
  sdk: 'any',
  phrase: "the endpoint's whole response (or a Bearer header) passed as the token",
  check({ token }): FindingInput | null {
    const w = unwrapToken(token.original);
    if (!w) return null;
    if (w.kind === 'object-string') {
      return {
        message:
          'The signature is the text "[object Object]": the page turned the endpoint\'s parsed response (an object) into a string, ' +
          'so the SDK sent those 15 characters to Zoom.',
        fix: langFix(
          'In the page, pass the token field: `const data = await res.json(); ZoomMtg.join({ signature: data.signature, … })`, ' +
          'not `${data}` or `String(data)`. The endpoint returns:',
          RETURN_SIGNATURE,
          token,
        ),
        data: { kind: w.kind },
      };
    }
    const inner = decodeSignature(w.inner);
    const innerState = inner.payload !== null ? `the JWT inside (${w.inner.length} characters) decodes` : `the string inside (${w.inner.length} characters) does not decode as a JWT either`;
    if (w.kind === 'bearer') {
      return {
        message:
          `The signature starts with ${JSON.stringify(w.prefix)}: that is an HTTP Authorization header value, not the token; ${innerState}. ` +
          'The SDK sends the string unchanged, so Zoom computes the HMAC over a string that starts with "Bearer " and answers 3712.',
        fix: langFix(
          `Remove the \`${w.prefix.trim()} \` prefix: pass the token alone (\`signature: header.replace(/^Bearer\\s+/i, '')\` if it came from a header); ` +
            'the endpoint returns it without a prefix:',
          RETURN_SIGNATURE,
          inner,
        ),
        data: { kind: w.kind, innerLength: w.inner.length, innerDecodes: inner.payload !== null },
      };
    }
    const field = w.field ?? 'signature';
    return {
      message:
        `The signature is a ${token.length}-character JSON object (keys: ${w.keys.join(', ')}): this is your endpoint's JSON response, ` +
        `not the token. Pass its \`${field}\` field; ${innerState}. Passed whole, Zoom rejects it (devforum #4005: errorCode 1).`,
      fix: langFix(
        `In the page: \`const data = await res.json(); ZoomMtg.join({ signature: data.${field}, … })\` (not \`await res.text()\` or the object itself). ` +
          'The endpoint returns:',
        RETURN_SIGNATURE,
        inner,
      ),
      data: { kind: w.kind, field, innerLength: w.inner.length, innerDecodes: inner.payload !== null },
    };
  },
});
