import { defineRule, type FindingInput } from './define';
import type { DecodeProblem, DecodeProblemCode } from '../token/types';
import { parseLegacySignature } from '../token/legacy';
import { unwrapToken } from '../token/wrapped';
import { USE_A_JWT_LIBRARY_INTRO } from './generator-fixes';
import { RETURN_SIGNATURE, SAMPLE_PAYLOAD, SIGN_WITH_LIBRARY } from './fixes';
import { langFix, type LangLines } from './lang';

type Code = Exclude<DecodeProblemCode, 'duplicate-claim'>;

const PAYLOAD_JSON: LangLines = {
  js: '`JSON.stringify(claims)` (jsonwebtoken does it for you)',
  python: '`json.dumps(claims)`, never `str(dict)` (single quotes are not JSON); PyJWT does it for you',
  java: "Jackson `new ObjectMapper().writeValueAsString(claims)`, not `map.toString()` (`{iat=…}` is not JSON); jjwt does it for you",
  php: '`json_encode($claims)`, not string concatenation; firebase/php-jwt does it for you',
  go: '`json.Marshal(claims)`, not `fmt.Sprintf("%v", claims)`; golang-jwt does it for you',
  ruby: '`claims.to_json` / `JSON.generate(claims)`, not `claims.to_s` (`=>` is not JSON); ruby-jwt does it for you',
  csharp: '`JsonSerializer.Serialize(claims)`; JwtSecurityTokenHandler does it for you',
};

/** Introduction and per-language lines per problem: the fix names what the backend or page must change. */
const FIXES: Record<Code, { intro: string; lines: LangLines }> = {
  'not-a-string': {
    intro:
      'Pass the JWT string itself: `ZoomMtg.join({ signature: data.signature, … })` (client view) or `client.join({ signature: data.signature, … })` ' +
      '(component view), after awaiting the backend response; the backend returns it as a string field:',
    lines: RETURN_SIGNATURE,
  },
  empty: {
    intro: 'The backend returned no token: check its logs, that the SDK key and secret environment variables are set, and that the page reads the field the backend writes:',
    lines: RETURN_SIGNATURE,
  },
  'too-large': { intro: 'Pass only the JWT (header.payload.signature), not a page, file or response body; the endpoint returns it as:', lines: RETURN_SIGNATURE },
  'segment-count': {
    intro: 'Return the complete JWT, exactly as the signing call produced it (three base64url parts joined by dots). ' + USE_A_JWT_LIBRARY_INTRO,
    lines: SIGN_WITH_LIBRARY,
  },
  'segment-encoding': { intro: USE_A_JWT_LIBRARY_INTRO, lines: SIGN_WITH_LIBRARY },
  'header-not-json': { intro: USE_A_JWT_LIBRARY_INTRO, lines: SIGN_WITH_LIBRARY },
  'payload-not-json': { intro: 'Serialise the claims with a JSON serialiser, never by string concatenation or a language\'s own print format:', lines: PAYLOAD_JSON },
  'header-not-object': { intro: USE_A_JWT_LIBRARY_INTRO, lines: SIGN_WITH_LIBRARY },
  'payload-not-object': {
    intro: 'The payload must be a JSON object of claims, e.g. `{"appKey":…,"mn":…,"role":0,"iat":…,"exp":…}`, not an array, string or number:',
    lines: SAMPLE_PAYLOAD,
  },
};

function isStructural(p: DecodeProblem): p is DecodeProblem & { code: Code } {
  return p.code !== 'duplicate-claim';
}

export const tokenMalformed = defineRule({
  id: 'token-malformed',
  severity: 'error',
  title: 'The signature is not a decodable JWT',
  source: 'signature-facts §1 (HS256 JWT, base64url segments), §4.8 (devforum #98154, #36563, #4005)',
  rank: 10,
  sdk: 'any',
  phrase: 'not a JWT',
  check({ token }) {
    if (token.problems.length === 0) return null;
    // A response body or a Bearer value is explained by token-wrapped; "contains `{`" would only hide it.
    if (unwrapToken(token.original)) return null;
    const out: FindingInput[] = [];
    // A pre-JWT signature is explained by token-legacy-format; "not three segments" would only repeat it.
    const legacy = token.segments.length === 1 && parseLegacySignature(token.token) !== null;
    for (const p of token.problems) {
      if (!isStructural(p)) continue;
      if (legacy && p.code === 'segment-count') continue;
      out.push({
        message: p.message,
        fix: langFix(FIXES[p.code].intro, FIXES[p.code].lines, token),
        data: { problem: p.code, part: p.part ?? null, length: token.length, segments: token.segments.length },
      });
    }
    return out;
  },
});
