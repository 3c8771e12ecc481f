/**
 * Introductions for fixes of token-level rules; the per-language lines are in fixes.ts.
 */
export const USE_A_JWT_LIBRARY_INTRO = 'Sign with a JWT library instead of assembling the token by hand:';
export const BASE64URL_INTRO =
  'Encode every segment as base64url without padding (`-` and `_` instead of `+` and `/`, no `=`); a JWT library does all of this for you:';
