import type { ParseArgsConfig } from 'node:util';

/** CliIo represents what a command may touch outside itself: output streams and standard input. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** readStdin returns all of standard input as UTF-8 text. */
  readStdin(): string;
}

/** ParsedArgs represents a command line after parsing: option values by name and the positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/** Command represents one `iml` subcommand; adding a subcommand is one file exporting a Command plus a table entry. */
export interface Command {
  name: string;
  /** One line for `iml --help`. */
  summary: string;
  /** The full `iml <name> --help` text (usage line, arguments, options, examples). */
  help: string;
  /** node:util parseArgs option declarations (`--help` is added for every command). */
  options: NonNullable<ParseArgsConfig['options']>;
  /** The accepted number of positional arguments. */
  positionals: { min: number; max: number };
  /** run returns the exit code: 0 success, 1 failure (a bad template, spec or input). */
  run(args: ParsedArgs, io: CliIo): number | Promise<number>;
}

/** CliError represents a failure reported as one line (`iml <command>: message`) with an exit code, never a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1 for bad input (missing or malformed files), 2 for wrong arguments. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** usageError returns a CliError for wrong arguments (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, 2);
}
