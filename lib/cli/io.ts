import { JoinDoctorError } from '../errors';

/** How much a command accepts from one input, and what for (named in the refusal). */
export interface InputLimit {
  maxBytes: number;
  /** What the input is for, e.g. "a signature", "an export". */
  what: string;
}

/**
 * Everything a command touches outside itself, so commands run in-process in tests with captured
 * output, a fixed clock and a fake environment.
 */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Reads all of standard input (for `-`); refuses (ERR_INPUT_TOO_LARGE) past the limit instead of cutting it. */
  readStdin(limit?: InputLimit): Promise<string>;
  /** Reads a file as UTF-8 text; checks its size against the limit before reading any of it. */
  readFile(path: string, limit?: InputLimit): Promise<string>;
  env: Record<string, string | undefined>;
  /** Local clock, epoch ms. */
  now(): number;
  /** Cancels long-running commands (Ctrl-C). */
  signal?: AbortSignal;
}

/** Without a command's own limit: standard input is for tokens and exports, not HAR files. */
export const DEFAULT_INPUT_LIMIT: InputLimit = { maxBytes: 1024 * 1024, what: 'this command' };

export function inputTooLarge(source: string, limit: InputLimit, seen: number, exact: boolean): JoinDoctorError {
  return new JoinDoctorError(
    'ERR_INPUT_TOO_LARGE',
    `${source} is ${exact ? '' : 'more than '}${seen} bytes; the limit for ${limit.what} is ${limit.maxBytes} bytes. Nothing was analysed.`,
    { limit: limit.maxBytes, seen },
  );
}

/**
 * Reads a byte stream whole, refusing once it passes `limit`: an input is never cut silently
 * (a cut export is "not JSON", a cut token has the wrong length). Decodes once at the end, so a
 * multi-byte character split across chunks survives.
 */
export async function readAllCapped(stream: AsyncIterable<string | Uint8Array>, limit: InputLimit, source: string, stop?: () => void): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += b.length;
    if (bytes > limit.maxBytes) {
      stop?.();
      throw inputTooLarge(source, limit, bytes, false);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, bytes).toString('utf8');
}

/**
 * `join-doctor … | head` (or less, jq) may close the pipe before the output ends; the next write then
 * fails with EPIPE, which Node raises as an unhandled 'error' event with a stack trace. The reader has
 * what it wanted, so end at once and quietly, as a Unix tool stopped by SIGPIPE does (Node ignores
 * SIGPIPE). Any other stream error is still thrown.
 */
/** A stream error as Node reports it (`code` is EPIPE, ENOSPC, …); structural so the API's types need no @types/node. */
export interface StreamError {
  code?: string;
}

export function endQuietlyWhenReaderLeaves(stream: { on(event: 'error', listener: (e: StreamError) => void): unknown }, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    exit(0);
  });
}

export async function processIO(): Promise<CliIO> {
  const { readFile, stat } = await import('node:fs/promises');
  endQuietlyWhenReaderLeaves(process.stdout);
  endQuietlyWhenReaderLeaves(process.stderr);
  const ac = new AbortController();
  // Ctrl-C: let a running probe stop and print what it has, but never keep the process alive for it.
  process.once('SIGINT', () => {
    ac.abort();
    setTimeout(() => process.exit(130), 2000).unref();
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async (limit = DEFAULT_INPUT_LIMIT) => {
      if (process.stdin.isTTY) return '';
      // Stop reading (and let the writer get EPIPE) rather than drain gigabytes we will not use.
      return readAllCapped(process.stdin, limit, 'Standard input', () => process.stdin.destroy());
    },
    readFile: async (path, limit) => {
      if (limit) {
        const s = await stat(path);
        if (s.isFile() && s.size > limit.maxBytes) throw inputTooLarge(path, limit, s.size, true);
      }
      return readFile(path, 'utf8');
    },
    env: process.env,
    now: () => Date.now(),
    signal: ac.signal,
  };
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: CliIO['env']): boolean {
  return stream.isTTY === true && !(env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '');
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
