/**
 * One token, checked the way `join-doctor check` does it: shared by the CLI command and the
 * package's API (lib/api.ts), so a backend's test suite and the command line always agree.
 */
import { analyseDecodedToken } from './analyse';
import { judgedAs } from './rules/sdk-family';
import type { Analysis, RuleContext, Severity } from './rules/types';
import { decodeSignature } from './token/decode';
import type { DecodedToken } from './token/types';
import { redactKnownSecret } from './report/redact-secret';
import { verifySecret } from './verify-secret';
import { usage } from './errors';

/** The JSON of one checked token: `join-doctor check --json` prints it and the API (lib/api.ts) returns it, so the two cannot drift. */
export interface CheckJson {
  verdict: Analysis['verdict'];
  /** The SDK whose rules judged the token, and whether it was given (--sdk) or detected. */
  sdk?: { judgedAs: 'meeting' | 'video' | null; from: SdkSource };
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  findings: Array<{ id: string; severity: Severity; claim?: string; message: string; fix: string }>;
}

export function checkJson(a: Analysis): CheckJson {
  return {
    verdict: a.verdict,
    header: a.token.header,
    payload: a.token.payload,
    findings: a.findings.map((f) => ({ id: f.id, severity: f.severity, ...(f.claim !== undefined ? { claim: f.claim } : {}), message: f.message, fix: f.fix })),
  };
}

/** The options of `join-doctor check`, by the names a caller of the API reads best. */
export interface CheckOptions {
  /** Judge the time claims at this time, epoch seconds (`--now`; default: this machine's clock). */
  now?: number;
  /** The meetingNumber passed to join (`--meeting`; checks mn). */
  meetingNumber?: string | number;
  /** The sdkKey passed to join (`--sdk-key`; checks appKey). */
  sdkKey?: string;
  /** Video SDK: the topic passed to client.join (`--topic`; checks tpc). */
  topic?: string;
  /** The SDK whose join gets the token (`--sdk`; default: detected from its claims). */
  sdk?: 'meeting' | 'video';
  /**
   * The SDK secret, to verify the HMAC (`--secret-env`). Used for the check only; it is never
   * in the result, and a claim holding it (key and secret swapped) is shown redacted.
   */
  secret?: string;
}

export interface CheckedToken {
  analysis: Analysis;
  /** The time the claims were judged at, epoch seconds. */
  at: number;
  /** The SDK whose rules judged the token, and whether it was given, implied by a meeting number, or detected. */
  sdk: { judgedAs: 'meeting' | 'video' | null; from: SdkSource };
}

/** Where the SDK that judges a token came from: `--sdk`, `--meeting` (only a Meeting SDK join has one), or the token's claims. */
export type SdkSource = 'option' | 'claims' | 'meeting-number';

/**
 * The SDK the options name: `sdk` when given; else a meeting number without a topic means a Meeting
 * SDK join (ZoomMtg / ZoomMtgEmbedded take a meetingNumber, the Video SDK a topic), so a Video SDK
 * JWT checked with `--meeting N` is named by token-not-sdk-jwt instead of passing as a Video SDK token.
 */
function sdkOf(opts: CheckOptions): { sdk: 'meeting' | 'video' | undefined; from: SdkSource } {
  if (opts.sdk !== undefined) return { sdk: opts.sdk, from: 'option' };
  if (opts.meetingNumber !== undefined && opts.topic === undefined) return { sdk: 'meeting', from: 'meeting-number' };
  return { sdk: undefined, from: 'claims' };
}

/** How `check` shows the secret wherever the token or a message carried it (see lib/report/redact-secret.ts). */
export const SECRET_SHOWN = '<the SDK secret, redacted>';

function contextFor(opts: CheckOptions, clockMs: number): Omit<RuleContext, 'token'> {
  if (opts.now !== undefined && (typeof opts.now !== 'number' || !Number.isFinite(opts.now) || opts.now < 0 || opts.now > 1e11)) {
    usage(`now must be epoch seconds from 0 to 1e11 (got ${JSON.stringify(opts.now)}).`);
  }
  if (opts.sdk !== undefined && opts.sdk !== 'meeting' && opts.sdk !== 'video') usage(`sdk must be "meeting" or "video" (got ${JSON.stringify(String(opts.sdk).slice(0, 20))}).`);
  const at = opts.now ?? clockMs / 1000;
  const ctx: Omit<RuleContext, 'token'> = { referenceTime: at, joinTime: at };
  const { sdk } = sdkOf(opts);
  if (sdk !== undefined) ctx.sdk = sdk;
  const { meetingNumber, sdkKey, topic } = opts;
  if (meetingNumber !== undefined || sdkKey !== undefined || topic !== undefined) {
    ctx.join = { ...(meetingNumber !== undefined ? { meetingNumber } : {}), ...(sdkKey !== undefined ? { sdkKey } : {}), ...(topic !== undefined ? { topic } : {}) };
  }
  return ctx;
}

function finish(token: DecodedToken, ctx: Omit<RuleContext, 'token'>, opts: CheckOptions): CheckedToken {
  let analysis = analyseDecodedToken(token, ctx);
  // A swapped backend puts the secret in appKey, and rules quote claims (app-key-mismatch names
  // both keys): the token, its decoded parts and every message lose the secret in every form.
  if (opts.secret !== undefined) analysis = redactKnownSecret(analysis, opts.secret, SECRET_SHOWN);
  const { sdk, from } = sdkOf(opts);
  return { analysis, at: ctx.referenceTime!, sdk: { judgedAs: judgedAs({ token, sdk }), from } };
}

/** Checks one token's claims (no secret). Bad options are usage errors (ERR_USAGE); a bad token is a finding, never a throw. */
export function checkTokenAt(input: string, opts: Omit<CheckOptions, 'secret'>, clockMs: number): CheckedToken {
  return finish(decodeSignature(input), contextFor(opts, clockMs), opts);
}

/** As checkTokenAt, and with `secret` the HMAC is verified first. */
export async function checkToken(input: string, opts: CheckOptions, clockMs: number): Promise<CheckedToken> {
  const token = decodeSignature(input);
  const ctx = contextFor(opts, clockMs);
  // Without sdkKey, verifySecret tries the payload's appKey and says so: in a swapped token that claim is the secret.
  if (opts.secret !== undefined) ctx.verification = await verifySecret(token, opts.secret, opts.sdkKey);
  return finish(token, ctx, opts);
}
