import { defineRule, type FindingInput } from './define';
import type { DecodeProblem, DecodeProblemCode } from '../token/types';
import { parseLegacySignature } from '../token/legacy';
import { USE_A_JWT_LIBRARY } from './generator-fixes';

const FIXES: Record<Exclude<DecodeProblemCode, 'duplicate-claim'>, string> = {
  'not-a-string':
    'Pass the JWT string itself: `ZoomMtg.join({ signature: data.signature, … })` (client view) or ' +
    '`client.join({ signature: data.signature, … })` (component view), after awaiting the backend response.',
  empty:
    'The backend returned no token: check its logs, that the SDK key and secret environment variables are set, ' +
    'and that the page reads the right response field.',
  'too-large': 'Pass only the JWT (header.payload.signature), not a page, file or response body.',
  'segment-count':
    'Return the complete JWT, exactly as the signing call produced it (three base64url parts joined by dots). ' +
    USE_A_JWT_LIBRARY,
  'segment-encoding': USE_A_JWT_LIBRARY,
  'header-not-json': USE_A_JWT_LIBRARY,
  'payload-not-json':
    'Serialise the claims with a JSON serialiser (JS `JSON.stringify`, Python `json.dumps`, which a JWT library calls ' +
    'for you), never by string concatenation or Python `str(dict)` (single quotes are not JSON). ' +
    USE_A_JWT_LIBRARY,
  'header-not-object': USE_A_JWT_LIBRARY,
  'payload-not-object':
    'The payload must be a JSON object of claims, e.g. `{"appKey":…,"mn":…,"role":0,"iat":…,"exp":…}`, not an array, ' +
    'string or number. ' + USE_A_JWT_LIBRARY,
};

function isStructural(p: DecodeProblem): p is DecodeProblem & { code: keyof typeof FIXES } {
  return p.code !== 'duplicate-claim';
}

export const tokenMalformed = defineRule({
  id: 'token-malformed',
  severity: 'error',
  title: 'The signature is not a decodable JWT',
  source: 'facts §1 (HS256 JWT, base64url segments), §4.8 (devforum #98154, #36563, #4005)',
  check({ token }) {
    if (token.problems.length === 0) return null;
    const out: FindingInput[] = [];
    // A pre-JWT signature is explained by token-legacy-format; "not three segments" would only repeat it.
    const legacy = token.segments.length === 1 && parseLegacySignature(token.token) !== null;
    for (const p of token.problems) {
      if (!isStructural(p)) continue;
      if (legacy && p.code === 'segment-count') continue;
      out.push({
        message: p.message,
        fix: FIXES[p.code],
        data: { problem: p.code, part: p.part ?? null, length: token.length, segments: token.segments.length },
      });
    }
    return out;
  },
});
