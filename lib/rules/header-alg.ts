import { defineRule } from './define';
import { HS256 } from './fixes';
import { langFix } from './lang';

function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.length > 30 ? `${v.slice(0, 27)}…` : v) : String(v);
}

export const headerAlg = defineRule({
  id: 'header-alg',
  severity: 'error',
  title: 'The header alg is not HS256',
  source: 'signature-facts §1 (header {"alg":"HS256","typ":"JWT"}, HMAC-SHA256 with the SDK secret)',
  rank: 70,
  sdk: 'any',
  check({ token }) {
    if (!token.header) return null;
    const present = Object.prototype.hasOwnProperty.call(token.header, 'alg');
    const alg = token.header.alg;
    if (alg === 'HS256') return null;
    let what: string;
    if (!present) what = 'The header has no alg';
    else if (typeof alg === 'string' && alg.toLowerCase() === 'none') what = 'The header alg is "none": the token is unsigned';
    else if (typeof alg === 'string' && alg.toUpperCase() === 'HS256') what = `The header alg is ${shown(alg)}: algorithm names are case-sensitive`;
    else what = `The header alg is ${shown(alg)}`;
    return {
      claim: 'alg',
      message: `${what}. Zoom verifies Meeting SDK signatures only as HS256 (HMAC-SHA256 keyed with the SDK/Client Secret).`,
      fix: langFix('Sign with HS256 explicitly:', HS256, token),
      data: { alg: typeof alg === 'string' ? alg : present ? String(alg) : null },
    };
  },
});
