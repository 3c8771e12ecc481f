import { parseArgs, type ParseArgsConfig } from 'node:util';
import { JoinDoctorError, usage } from '../errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs in strict mode, with its errors turned into ERR_USAGE. An attempt to pass a
 * secret on the command line gets a specific answer: argv ends up in shell history and `ps`.
 */
export function parseCommandArgs(args: string[], options: Options, command: string): { values: Record<string, unknown>; positionals: string[] } {
  const secretFlag = args.find((a) => /^--?(secret|sdk-secret|client-secret)(=|$)/i.test(a));
  if (secretFlag) {
    throw new JoinDoctorError(
      'ERR_USAGE',
      `${command}: the secret is never taken on the command line (shell history, ps). Put it in an environment variable and name it: --secret-env VAR.`,
    );
  }
  try {
    const { values, positionals } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '.') : String(e);
    throw new JoinDoctorError('ERR_USAGE', `${command}: ${msg}`);
  }
}

/** A whole number within [min, max] from an option value, or a usage error naming the option. */
export function intOption(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    usage(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)}).`);
  }
  return n;
}

export function numberOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    usage(`${name} must be a number from ${min} to ${max} (got ${JSON.stringify(value)}).`);
  }
  return n;
}

/** `--sdk video|meeting`: which SDK the token is for; undefined lets the token's claims decide. */
export function sdkOption(value: unknown, command: string): 'video' | 'meeting' | undefined {
  if (value === undefined) return undefined;
  if (value === 'video' || value === 'meeting') return value;
  usage(`${command}: --sdk takes "video" (@zoom/videosdk) or "meeting" (@zoom/meetingsdk), got ${JSON.stringify(String(value).slice(0, 20))}.`);
}
