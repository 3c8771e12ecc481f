import { decodeJwt } from 'jose';
import { defineRule, type FindingInput } from './define';
import type { DecodedToken } from '../token/types';
import { BASE64URL_INTRO } from './generator-fixes';
import { BASE64URL } from './fixes';
import { GUESS, langFix, type LangLines } from './lang';

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** What a strict JWT library makes of the token: the measured fact behind "some servers reject it". */
function strictDecoderVerdict(token: string): string {
  try {
    decodeJwt(token);
    return 'jose.decodeJwt reads its payload anyway';
  } catch (e) {
    const msg = e instanceof Error ? e.message : 'an error';
    return `a strict decoder rejects it (jose.decodeJwt: "${msg}")`;
  }
}

export const tokenNotBase64url = defineRule({
  id: 'token-not-base64url',
  severity: 'error',
  title: 'A segment uses standard base64 (+, /, = padding) instead of base64url',
  source: 'signature-facts §1 (base64url, no padding), §4.5 (devforum #93507 intermittent join timeout, #98154 btoa)',
  rank: 50,
  sdk: 'any',
  phrase: 'standard base64 instead of base64url',
  check({ token }): FindingInput | null {
    if (token.token === null) return null;
    const urlToken = token.urlTokenSegments ?? [];
    if (urlToken.length > 0) return urlTokenFinding(token, urlToken);
    if (token.nonUrlSafeSegments.length === 0) return null;
    const details: string[] = [];
    let plus = 0;
    let slash = 0;
    let pad = 0;
    token.nonUrlSafeSegments.forEach((part) => {
      const seg = token.segments[['header', 'payload', 'signature'].indexOf(part)] ?? '';
      const p = count(seg, '+');
      const s = count(seg, '/');
      const e = count(seg, '=');
      plus += p;
      slash += s;
      pad += e;
      const bits = [p && `${p} "+"`, s && `${s} "/"`, e && `${e} "=" padding`].filter(Boolean).join(', ');
      details.push(`${part} (${bits})`);
    });
    const decoded = token.header !== null || token.payload !== null;
    return {
      message:
        `${details.join('; ')}: standard base64, not the base64url JWTs use. ` +
        `${decoded ? 'Join Doctor decoded it anyway, but ' : ''}${strictDecoderVerdict(token.token)}; ` +
        'the HMAC is computed over the characters as sent, so a server that re-encodes or rejects them fails the join ' +
        '(reported as an intermittent join timeout with no error callback).',
      fix: langFix(BASE64URL_INTRO, BASE64URL, token),
      data: { segments: token.nonUrlSafeSegments.join(','), plus, slash, padding: pad },
    };
  },
});

/** The .NET encoders that write base64url without padding, in place of UrlTokenEncode. */
const DOTNET_BASE64URL: LangLines = {
  ...BASE64URL,
  csharp:
    '`Base64UrlEncoder.Encode(bytes)` (Microsoft.IdentityModel.Tokens) or `WebEncoders.Base64UrlEncode(bytes)` (Microsoft.AspNetCore.WebUtilities), ' +
    'not `HttpServerUtility.UrlTokenEncode`, which appends the padding count "0", "1" or "2"',
};

const PART_INDEX = { header: 0, payload: 1, signature: 2 } as const;

/**
 * .NET `HttpServerUtility.UrlTokenEncode`: base64url with a padding-count digit instead of `=`
 * (lib/token/base64.ts urlTokenBody). Each segment is one character too long, so a header reads as
 * "not a valid base64 length" and a signature as 33 bytes unless the digit is named.
 */
function urlTokenFinding(token: DecodedToken, parts: ReadonlyArray<'header' | 'payload' | 'signature'>): FindingInput {
  const details = parts.map((part) => {
    const seg = token.segments[PART_INDEX[part]] ?? '';
    return `${part} (${seg.length} characters ending in "${seg.charAt(seg.length - 1)}")`;
  });
  const digits = parts.map((part) => {
    const seg = token.segments[PART_INDEX[part]] ?? '';
    return seg.charAt(seg.length - 1);
  });
  return {
    message:
      `${details.join('; ')}: .NET \`HttpServerUtility.UrlTokenEncode\` output. It writes base64url but replaces the "=" padding with a digit ` +
      'counting it ("0", "1" or "2"), so each segment is one character longer than base64url (a 36-character header becomes 37, not a valid ' +
      'base64 length; a 43-character HMAC becomes 44, read as 33 bytes). Join Doctor decoded the segments without that digit; Zoom reads the ' +
      'token as sent and fails the join (3712, or a join timeout with no error callback as in devforum #93507).',
    fix: langFix('Encode every segment as base64url without padding and without a padding digit:', DOTNET_BASE64URL, token, GUESS.dotnetUrlToken),
    data: {
      segments: parts.join(','),
      encoder: 'UrlTokenEncode',
      digits: digits.join(','),
      plus: 0,
      slash: 0,
      padding: 0,
      headline: ".NET HttpServerUtility.UrlTokenEncode's padding digit instead of base64url",
    },
  };
}
