/**
 * Fix texts for token-level rules, naming the call per generator language: the reader of a
 * finding usually has to change one line in a backend they did not write.
 */
export const USE_A_JWT_LIBRARY =
  'Sign with a JWT library instead of assembling the token by hand: Node `jsonwebtoken` ' +
  "`jwt.sign(payload, secret, { algorithm: 'HS256' })` or `jsrsasign` `KJUR.jws.JWS.sign('HS256', header, payload, secret)`; " +
  "Python PyJWT `jwt.encode(payload, secret, algorithm='HS256')`; Java jjwt `Jwts.builder().claims(payload).signWith(key, Jwts.SIG.HS256).compact()`; " +
  "PHP firebase/php-jwt `JWT::encode($payload, $secret, 'HS256')`; .NET `JwtSecurityTokenHandler` with `SecurityAlgorithms.HmacSha256`.";

export const BASE64URL_FIX =
  'Encode every segment as base64url without padding (`-` and `_` instead of `+` and `/`, no `=`): ' +
  "JS `Buffer.from(x).toString('base64url')` (not `btoa`); Python `base64.urlsafe_b64encode(x).rstrip(b'=')`; " +
  'Java `Base64.getUrlEncoder().withoutPadding()`; PHP `rtrim(strtr(base64_encode($x), \'+/\', \'-_\'), \'=\')`; ' +
  '.NET `Base64UrlEncoder.Encode` (Microsoft.IdentityModel.Tokens), not `Convert.ToBase64String` or `HttpServerUtility.UrlTokenEncode` ' +
  '(which appends a padding digit). A JWT library does all of this for you.';
