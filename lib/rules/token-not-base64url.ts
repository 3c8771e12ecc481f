import { decodeJwt } from 'jose';
import { defineRule } from './define';
import { BASE64URL_INTRO } from './generator-fixes';
import { BASE64URL } from './fixes';
import { langFix } from './lang';

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
  check({ token }) {
    if (token.nonUrlSafeSegments.length === 0 || token.token === null) return null;
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
