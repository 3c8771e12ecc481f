import { defineRule } from './define';
import { unwrapToken } from '../token/wrapped';
import { BASE64URL, RETURN_SIGNATURE } from './fixes';
import { langFix, type LangLines } from './lang';

/** Names each wrapping character so the message shows exactly what was there ("\n", a space). */
function describe(chars: string): string {
  const shown = JSON.stringify(chars.length > 12 ? `${chars.slice(0, 12)}…` : chars);
  return `${shown} (${chars.length} character${chars.length === 1 ? '' : 's'})`;
}

export const tokenWhitespace = defineRule({
  id: 'token-whitespace',
  severity: 'error',
  title: 'Whitespace, a newline or quotes around or inside the token',
  source: 'signature-facts §3c (the SDK posts the signature unchanged, so whitespace reaches the HMAC check), §4.5 (encoding slips surface as 3712 or a silent timeout)',
  rank: 60,
  sdk: 'any',
  phrase: 'whitespace in the token',
  check({ token }) {
    const { stripped, original } = token;
    if (original === null || token.token === null) return null;
    if (unwrapToken(original)) return null; // token-wrapped names the wrapper
    if (!stripped.whitespace && !stripped.quotes && !stripped.innerWhitespace) return null;
    const at = original.indexOf(token.token.slice(0, 8));
    const parts: string[] = [];
    if (stripped.whitespace || stripped.quotes) {
      const lead = at > 0 ? original.slice(0, at) : '';
      const tailStart = stripped.innerWhitespace ? -1 : at + token.token.length;
      const tail = tailStart >= 0 && tailStart <= original.length ? original.slice(tailStart) : '';
      if (lead) parts.push(`before it: ${describe(lead)}`);
      if (tail) parts.push(`after it: ${describe(tail)}`);
    }
    if (stripped.innerWhitespace) parts.push('whitespace inside the token (a line-wrapped base64 encoder, or copy-paste)');
    const pythonBytes = /^\s*b['"]/.test(original);
    let message =
      `The ${original.length}-character signature contains more than the ${token.token.length}-character token: ` +
      `${parts.join('; ')}. The SDK sends the string unchanged and Zoom computes the HMAC over exactly what it receives.`;
    if (pythonBytes) message += " The b'…' wrapper is Python's repr of bytes: PyJWT 1.x returned bytes and str() was applied to them.";
    let intro =
      'Return the token alone and unquoted, not `JSON.stringify(token)` into a text field or a template with a trailing newline; ' +
      'trim what a file or env var adds. In the page, pass `data.signature` from `await response.json()`, not `await response.text()`.';
    if (pythonBytes) intro = "Python: `token = jwt.encode(...)`; with PyJWT 1.x add `.decode('utf-8')`, or upgrade to PyJWT 2 which returns str. " + intro;
    const lines: LangLines = stripped.innerWhitespace ? BASE64URL : RETURN_SIGNATURE;
    if (stripped.innerWhitespace) intro += ' Do not line-wrap the base64:';
    else intro += ' The endpoint returns:';
    const fix = langFix(intro, lines, token);
    return {
      message,
      fix,
      data: {
        originalLength: original.length,
        tokenLength: token.token.length,
        whitespace: stripped.whitespace,
        quotes: stripped.quotes,
        innerWhitespace: stripped.innerWhitespace,
      },
    };
  },
});
