import { main } from '../../../lib/cli/main';
import type { CliIO } from '../../../lib/cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `join-doctor ...argv` in-process with captured output, a fixed clock and given files/env/stdin. */
export async function runCli(
  argv: string[],
  opts: { stdin?: string; env?: Record<string, string>; files?: Record<string, string>; nowMs?: number; tty?: boolean; signal?: AbortSignal } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    readStdin: async () => opts.stdin ?? '',
    readFile: async (path) => {
      const text = opts.files?.[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    env: opts.env ?? {},
    now: () => opts.nowMs ?? 1_795_912_284_000,
    signal: opts.signal,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
