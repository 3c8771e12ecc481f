import type { CatalogueRule } from './types';
import { vsdkAppKeyMissing } from './vsdk-app-key-missing';
import { vsdkTpcMissing } from './vsdk-tpc-missing';
import { vsdkTpcMismatch } from './vsdk-tpc-mismatch';
import { vsdkTpcTooLong } from './vsdk-tpc-too-long';
import { vsdkRoleTypeInvalid } from './vsdk-role-type-invalid';
import { vsdkVersionMissing } from './vsdk-version-missing';
import { vsdkSessionKeyTooLong } from './vsdk-session-key-too-long';
import { vsdkUserIdentityTooLong } from './vsdk-user-identity-too-long';

/**
 * The Video SDK claim rules. They judge only Video SDK JWTs (sdk-family.ts videoPayload); the
 * token, time, clock and secret rules of the catalogue judge both SDKs' tokens.
 */
export const videoRules = [
  vsdkAppKeyMissing,
  vsdkTpcMissing,
  vsdkTpcMismatch,
  vsdkTpcTooLong,
  vsdkRoleTypeInvalid,
  vsdkVersionMissing,
  vsdkSessionKeyTooLong,
  vsdkUserIdentityTooLong,
] as const satisfies readonly CatalogueRule<string>[];
