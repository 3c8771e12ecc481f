/**
 * Everything a command touches outside itself, so commands run in-process in tests with captured
 * output, a fixed clock and a fake environment.
 */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Reads all of standard input (for `-`). */
  readStdin(): Promise<string>;
  /** Reads a file as UTF-8 text. */
  readFile(path: string): Promise<string>;
  env: Record<string, string | undefined>;
  /** Local clock, epoch ms. */
  now(): number;
  /** Cancels long-running commands (Ctrl-C). */
  signal?: AbortSignal;
}

/** Standard input is for tokens: a few KB. More than this is a mistake (a HAR file piped in). */
export const MAX_STDIN_CHARS = 1024 * 1024;

export async function processIO(): Promise<CliIO> {
  const { readFile } = await import('node:fs/promises');
  const ac = new AbortController();
  // Ctrl-C: let a running probe stop and print what it has, but never keep the process alive for it.
  process.once('SIGINT', () => {
    ac.abort();
    setTimeout(() => process.exit(130), 2000).unref();
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      if (process.stdin.isTTY) return '';
      let text = '';
      for await (const chunk of process.stdin) {
        text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
        if (text.length > MAX_STDIN_CHARS) break;
      }
      return text;
    },
    readFile: (path) => readFile(path, 'utf8'),
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
