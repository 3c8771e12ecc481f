import type { Rule } from './types';
import { claimRules } from './claim-rules';
import { tokenMalformed } from './token-malformed';
import { tokenWhitespace } from './token-whitespace';
import { tokenWrapped } from './token-wrapped';
import { signatureLength } from './signature-length';
import { tokenNotBase64url } from './token-not-base64url';
import { tokenLegacyFormat } from './token-legacy-format';
import { tokenNotSdkJwt } from './token-not-sdk-jwt';
import { headerAlg } from './header-alg';
import { jsonDuplicateKey } from './json-duplicate-key';

/** Whether the input is a token at all, and how it was encoded: read before any claim. */
export const tokenRules: readonly Rule[] = [
  tokenMalformed,
  tokenWrapped,
  tokenWhitespace,
  tokenNotBase64url,
  tokenLegacyFormat,
  tokenNotSdkJwt,
  headerAlg,
  signatureLength,
  jsonDuplicateKey,
];

/**
 * The rule catalogue, in the order findings of equal severity are listed: first whether the
 * input is a token at all, then its header, then the claims, times, clock and secret.
 */
export const rules: readonly Rule[] = [...tokenRules, ...claimRules];
