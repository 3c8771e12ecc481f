import type { CliIO } from './io';

/** One `join-doctor <name>` subcommand. Register it in the table in main.ts. */
export interface Command {
  name: string;
  /** One line for `join-doctor --help`. */
  summary: string;
  /** The command's full help text (`join-doctor <name> --help`). */
  help: string;
  /** Returns the exit code: 0 ok, 1 problems found, 2 usage or input error. */
  run(args: string[], io: CliIO): Promise<number>;
}
