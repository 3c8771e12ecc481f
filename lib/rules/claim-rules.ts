import type { CatalogueRule } from './types';
import { appKeyMissing } from './app-key-missing';
import { appKeyLegacyOnly } from './app-key-legacy-only';
import { appKeyMismatch } from './app-key-mismatch';
import { mnMissing } from './mn-missing';
import { roleMissing } from './role-missing';
import { mnMismatch } from './mn-mismatch';
import { mnFormat } from './mn-format';
import { roleInvalid } from './role-invalid';
import { iatMissing } from './iat-missing';
import { expMissing } from './exp-missing';
import { iatFractional } from './iat-fractional';
import { expFractional } from './exp-fractional';
import { timeAsString } from './time-as-string';
import { timeInMilliseconds } from './time-in-milliseconds';
import { iatFuture } from './iat-future';
import { iatQuantized } from './iat-quantized';
import { expWindowShort } from './exp-window-short';
import { expWindowLong } from './exp-window-long';
import { tokenExpired } from './token-expired';
import { tokenExpInvalid } from './tokenexp-invalid';
import { webrtcModeInvalid } from './webrtc-mode-invalid';
import { clockSkew } from './clock-skew';
import { secretMismatch } from './secret-mismatch';
import { secretSwapped } from './secret-swapped';
import { secretWhitespace } from './secret-whitespace';
import { secretEncoding } from './secret-encoding';

/** The claim, time and secret rules, in catalogue order (keys, meeting, role, times, clock, secret). */
export const claimRules = [
  appKeyMissing,
  appKeyLegacyOnly,
  appKeyMismatch,
  mnMissing,
  roleMissing,
  mnMismatch,
  mnFormat,
  roleInvalid,
  iatMissing,
  expMissing,
  iatFractional,
  expFractional,
  timeAsString,
  timeInMilliseconds,
  iatFuture,
  iatQuantized,
  expWindowShort,
  expWindowLong,
  tokenExpired,
  tokenExpInvalid,
  webrtcModeInvalid,
  clockSkew,
  secretMismatch,
  secretSwapped,
  secretWhitespace,
  secretEncoding,
] as const satisfies readonly CatalogueRule<string>[];
