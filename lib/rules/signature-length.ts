import { defineRule } from './define';
import { decodeSegment, invalidCharacter, unpaddedLength } from '../token/base64';
import { hexDigestSignature, langFix, type LangLines } from './lang';

/** HMAC-SHA256 output: 32 bytes, 43 base64url characters. */
const HS256_BYTES = 32;

/** The raw HMAC bytes, base64url-encoded once: what each language's HMAC call returns before any hex or text step. */
const HMAC_BYTES: LangLines = {
  php: "`rtrim(strtr(base64_encode(hash_hmac('sha256', \"$header.$payload\", $secret, true)), '+/', '-_'), '=')`: the 4th argument `true` returns the 32 raw bytes, without it you get 64 hex characters",
  js: "`crypto.createHmac('sha256', secret).update(data).digest('base64url')`, not `.digest('hex')`",
  python: "`base64.urlsafe_b64encode(hmac.new(secret.encode(), data.encode(), hashlib.sha256).digest()).rstrip(b'=')`, not `.hexdigest()`",
  java: '`Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(UTF_8)))` on the `Mac.getInstance("HmacSHA256")` bytes, not a hex string of them',
  go: '`base64.RawURLEncoding.EncodeToString(mac.Sum(nil))` for an `hmac.New(sha256.New, []byte(secret))`, not `hex.EncodeToString`',
  ruby: "`Base64.urlsafe_encode64(OpenSSL::HMAC.digest('SHA256', secret, data), padding: false)`, not `hexdigest`",
  csharp: '`Base64UrlEncoder.Encode(new HMACSHA256(Encoding.UTF8.GetBytes(secret)).ComputeHash(Encoding.UTF8.GetBytes(data)))`, not `Convert.ToHexString`',
};

type Kind = 'hex-digest-encoded' | 'hex-digest' | 'double-encoded' | 'longer-hmac' | 'wrong-length';

function classify(sig: string, bytes: number): { kind: Kind; what: string } {
  const text = decodeSegment(sig);
  if (text.ok && /^[0-9a-f]{64}$/i.test(text.text)) {
    return {
      kind: 'hex-digest-encoded',
      what:
        `it decodes to 64 hex characters (${text.text.slice(0, 8)}…): the HMAC was written as a hex digest and that text base64url-encoded, ` +
        "which is what PHP's `hash_hmac('sha256', …)` without its binary flag gives",
    };
  }
  if (/^[0-9a-f]{64}$/i.test(sig)) {
    return { kind: 'hex-digest', what: 'it is itself 64 hex characters: the hex digest of the HMAC was used as the signature part, not the base64url of its 32 bytes' };
  }
  if (text.ok && /^[A-Za-z0-9+/_-]{43}=?$/.test(text.text)) {
    return { kind: 'double-encoded', what: `it decodes to the text ${JSON.stringify(text.text.slice(0, 12) + '…')}, a base64 HMAC: the signature was base64-encoded twice` };
  }
  if (bytes === 48 || bytes === 64) {
    return { kind: 'longer-hmac', what: `${bytes} bytes is the length of an HS${bytes * 8} HMAC: the token was signed with SHA-${bytes * 8} while its header says HS256` };
  }
  return { kind: 'wrong-length', what: bytes < HS256_BYTES ? 'the signature part is truncated or is not an HMAC' : 'the signature part carries extra bytes' };
}

export const signatureLength = defineRule({
  id: 'signature-length',
  severity: 'error',
  title: 'The signature part is not a 32-byte HMAC-SHA256 (hex digest, double encoding, wrong length)',
  source: 'signature-facts §1 (HS256: HMAC-SHA256, base64url segments); RFC 7518 §3.2 (HS256 output is 256 bits)',
  rank: 80,
  sdk: 'any',
  phrase: 'a signature of the wrong length (e.g. PHP hash_hmac hex digest)',
  check({ token }) {
    if (token.segments.length !== 3 || token.header?.['alg'] !== 'HS256') return null;
    // UrlTokenEncode's padding digit makes 43 characters 44: token-not-base64url names that encoder.
    if (token.urlTokenSegments?.includes('signature')) return null;
    const sig = token.segments[2]!;
    const end = unpaddedLength(sig);
    const bytes = Math.floor((end * 6) / 8);
    if (bytes === HS256_BYTES) return null; // the usual case: decided from the length alone
    if (end === 0 || end % 4 === 1 || invalidCharacter(sig, end) !== null) return null; // token-malformed names these
    const { kind, what } = classify(sig, bytes);
    return {
      claim: 'signature',
      message:
        `The signature part is ${sig.length} characters, ${bytes} bytes; an HS256 signature is 32 bytes (43 base64url characters). ` +
        `${what[0]!.toUpperCase()}${what.slice(1)}. Zoom's HMAC will not match (3712), whatever the secret.`,
      fix: langFix(
        kind === 'longer-hmac'
          ? 'Sign with HMAC-SHA256 and base64url its 32 raw bytes once (or use a JWT library with HS256):'
          : 'Base64url-encode the 32 raw HMAC bytes once, never a hex string or an already encoded signature:',
        HMAC_BYTES,
        token,
      ),
      data: { kind, characters: sig.length, bytes, hexDigest: hexDigestSignature(token) },
    };
  },
});
