/**
 * The package's API: what `join-doctor check` does, for a backend's own test suite.
 *
 *   import { check } from 'join-doctor';
 *   const r = await check(await getSignature(), { meetingNumber: '123456789' });
 *   assert.deepEqual(r.errors, []);          // Zoom would not reject it for anything we can see
 *
 * Same options and the same JSON as the CLI's `--json`, plus `ok` and `errors`. A malformed token
 * is a finding, not a throw; a bad option throws a JoinDoctorError with code ERR_USAGE.
 */
import { checkTokenAt, checkJson, checkToken, type CheckedToken, type CheckJson, type CheckOptions, type SdkSource } from './check';
import { MAX_TOKEN_LENGTH } from './token/decode';
import { TOOL_VERSION } from './report/version';

export type { CheckOptions, SdkSource } from './check';
export type { CheckJson } from './check';
export type { Severity, Verdict } from './rules/types';
import { JoinDoctorError } from './errors';
export { JoinDoctorError, isJoinDoctorError } from './errors';
export { MAX_TOKEN_LENGTH, TOOL_VERSION };

export type CheckFinding = CheckJson['findings'][number];

export interface CheckResult extends CheckJson {
  /** The SDK whose rules judged the token, and whether `sdk` said so or its claims did. */
  sdk: { judgedAs: 'meeting' | 'video' | null; from: SdkSource };
  /** No error-severity finding: Zoom would not reject the token for any reason Join Doctor can see. */
  ok: boolean;
  /** The error-severity findings (each one is a reason for 3712 or a refused join). */
  errors: CheckFinding[];
  /** The time the claims were judged at, epoch seconds. */
  judgedAt: number;
}

/**
 * Checks one Meeting SDK signature or Video SDK JWT, as `join-doctor check --json` does. With
 * `secret` the HMAC is verified too (the secret is used for that only and never returned).
 */
export async function check(token: string, options: CheckOptions = {}): Promise<CheckResult> {
  return result(await checkToken(String(token), options, Date.now()));
}

/** `check` without a secret, synchronous: the token's claims against the join's arguments and the clock. */
export function analyse(token: string, options: Omit<CheckOptions, 'secret'> = {}): CheckResult {
  if ('secret' in options) throw new JoinDoctorError('ERR_USAGE', 'analyse() does not verify secrets; use check(token, { secret }).');
  return result(checkTokenAt(String(token), options, Date.now()));
}

function result({ analysis, at, sdk }: CheckedToken): CheckResult {
  const json = checkJson(analysis);
  const errors = json.findings.filter((f) => f.severity === 'error');
  return { ...json, sdk, ok: errors.length === 0, errors, judgedAt: at };
}
