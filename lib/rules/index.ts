import type { CatalogueRule, Rule } from './types';
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
import { videoRules } from './video-rules';

/** Whether the input is a token at all, and how it was encoded: read before any claim. */
export const tokenRules = [
  tokenMalformed,
  tokenWrapped,
  tokenWhitespace,
  tokenNotBase64url,
  tokenLegacyFormat,
  tokenNotSdkJwt,
  headerAlg,
  signatureLength,
  jsonDuplicateKey,
] as const satisfies readonly CatalogueRule<string>[];

/**
 * The rule catalogue, in the order findings of equal severity are listed: first whether the
 * input is a token at all, then its header, then the claims, times, clock and secret, then the
 * Video SDK claims (each SDK's claim rules stay silent on the other SDK's tokens).
 */
export const rules = [...tokenRules, ...claimRules, ...videoRules] as const;

/**
 * The catalogue a Video SDK join (or Video SDK JWT) is judged by: every rule but those scoped to the
 * Meeting SDK's claims (`sdk: 'meeting'`). That is the routing token-not-sdk-jwt describes, and it
 * keeps "no mn" off a Video SDK join's findings.
 */
export const videoCatalogue: readonly Rule[] = rules.filter((r) => r.sdk !== 'meeting');
