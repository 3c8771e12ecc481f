import type { Rule } from './types';
import type { TokenRuleId } from './ids';
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
] as const satisfies readonly Rule<string>[];

/**
 * The rule catalogue, in the order findings of equal severity are listed: first whether the
 * input is a token at all, then its header, then the claims, times, clock and secret, then the
 * Video SDK claims (each SDK's claim rules stay silent on the other SDK's tokens).
 */
export const rules = [...tokenRules, ...claimRules, ...videoRules] as const;

/**
 * Rules that judge only Meeting SDK claims (appKey, mn, role, tokenExp, video_webrtc_mode as the
 * Meeting SDK documents it). A token judged as a Video SDK JWT skips them: that is the routing
 * token-not-sdk-jwt describes, and it keeps "no mn" off a Video SDK join's findings.
 */
const MEETING_ONLY = new Set<TokenRuleId>([
  'app-key-missing',
  'app-key-legacy-only',
  'app-key-mismatch',
  'mn-missing',
  'role-missing',
  'mn-mismatch',
  'mn-format',
  'role-invalid',
  'tokenexp-invalid',
  'webrtc-mode-invalid',
]);

/** The catalogue a Video SDK join (or Video SDK JWT) is judged by: token, Video SDK, time, clock and secret rules. */
export const videoCatalogue: readonly Rule[] = rules.filter((r) => !MEETING_ONLY.has(r.id));
