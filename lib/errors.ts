/**
 * Errors carry a stable `code` (as jose does) so callers branch on the code, never on the text.
 * The analyser itself never throws: it turns problems into findings. These errors are for the
 * places that must refuse (bad CLI usage, an unreadable export, a malformed message).
 */
export type JoinDoctorErrorCode =
  | 'ERR_USAGE'
  | 'ERR_EXPORT_INVALID'
  | 'ERR_EXPORT_VERSION'
  | 'ERR_HAR_INVALID'
  | 'ERR_PROBE_FAILED'
  | 'ERR_IO'
  | 'ERR_INPUT_TOO_LARGE'
  /** The user cancelled a long read (a HAR on the triage page). */
  | 'ERR_CANCELLED'
  /** Text about to leave (an export, CLI output) still held the user's SDK secret after redaction: refused. */
  | 'ERR_SECRET_IN_OUTPUT'
  /** Two joins with one id given to the running correlation (lib/correlate/accumulator.ts), whose per-id sums need them unique. */
  | 'ERR_DUPLICATE_ID';

export class JoinDoctorError extends Error {
  readonly code: JoinDoctorErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: JoinDoctorErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'JoinDoctorError';
    this.code = code;
    this.details = details;
  }
}

/** A refused option or argument (ERR_USAGE): the engine (lib/check.ts, the API) and the CLI refuse bad options alike. */
export function usage(message: string): never {
  throw new JoinDoctorError('ERR_USAGE', message);
}

export function isJoinDoctorError(e: unknown, code?: JoinDoctorErrorCode): e is JoinDoctorError {
  return e instanceof JoinDoctorError && (code === undefined || e.code === code);
}
