import { isJoinDoctorError } from '../errors';
import { TOOL_VERSION } from '../report/version';
import { processIO, useColour, type CliIO } from './io';
import { terminalSafe } from './terminal';
import type { Command } from './types';
import { check } from './commands/check';
import { probeCommand } from './commands/probe';
import { report } from './commands/report';
import { har } from './commands/har';

/** The subcommands. Add one by writing lib/cli/commands/<name>.ts and one line here. */
export const COMMANDS: readonly Command[] = [
  check,
  probeCommand,
  report,
  har,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `join-doctor ${TOOL_VERSION}: why did a Zoom Meeting SDK join fail (3712 Invalid signature)?`,
    '',
    'Usage: join-doctor <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'join-doctor <command> --help   options of one command',
    'join-doctor --version          print the version',
    '',
  ].join('\n');
}

/** Both output streams through terminalSafe: no command can write a raw control character. */
function guarded(io: CliIO): CliIO {
  const wrap = <S extends { write(text: string): unknown; isTTY?: boolean }>(stream: S): S => {
    const colour = useColour(stream, io.env);
    return Object.assign(Object.create(stream) as S, { write: (text: string) => stream.write(terminalSafe(String(text), colour)) });
  };
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 problems found, 2 usage or input error,
 * 3 an internal error (a bug: please report it). Output goes to `io` (process streams by default).
 */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  const out = guarded(io ?? (await processIO()));
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    (name === undefined ? out.stderr : out.stdout).write(topic ? `${topic.help}\n` : mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    out.stdout.write(`join-doctor ${TOOL_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out.stderr.write(`join-doctor: unknown command ${JSON.stringify(name)}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See join-doctor --help.\n`);
    return 2;
  }
  try {
    return await command.run(rest, out);
  } catch (e) {
    if (isJoinDoctorError(e)) {
      const hint = e.code === 'ERR_USAGE' ? `\nSee join-doctor ${command.name} --help.` : '';
      out.stderr.write(`join-doctor: ${e.message}${hint}\n`);
      return 2;
    }
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    out.stderr.write(`join-doctor: internal error (please report it): ${msg}\n`);
    return 3;
  }
}
