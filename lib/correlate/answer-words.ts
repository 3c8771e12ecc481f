/**
 * What a failure says when no rule explains it, in one place: the answer line (answer.ts), the
 * Correlation headline (primary-cause.ts) and the reports read these, so the panel's Correlation
 * cannot say "No rule explains…" where the inspector and the ticket say "check the secret".
 */
export const CHECK_SECRET_CAUSE = 'Token looks valid: check the secret';
export const CHECK_SECRET_FIX =
  "Paste the app's Client Secret (and Client ID) below: a wrong, re-generated or swapped secret signs a token that passes every other check, and only the HMAC shows it.";
export const CHECK_ACCOUNT_CAUSE = 'The token verifies with your secret: check the app type and the account';
export const CHECK_ACCOUNT_FIX =
  "Sign with a Meeting SDK app's Client ID/Secret (Server-to-Server OAuth, OAuth and unpublished General Apps give 3712 with a well-formed token), and join a meeting on the app's own account or authorise the external one (ZAK, OBF token) as Zoom requires since 2 March 2026.";

