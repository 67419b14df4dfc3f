import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { CliError, type CliIo, type Command, usageError } from './command.js';
import { COMMANDS } from './commands.js';

/** mainHelp returns the `iml --help` text, built from the command table. */
function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: iml <command> [arguments] [options]

iml ${pkg.version}: compile and run IML templates and Make webhook specs.

Commands:
${lines.join('\n')}

Run "iml <command> --help" for a command's arguments and options. Exit codes: 0 success,
1 a failing template, spec or input file, 2 wrong arguments.`;
}

/** parseCommandArgs returns a command's parsed arguments, or throws a usage CliError. */
function parseCommandArgs(command: Command, argv: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // node:util reports unknown options and missing option values as TypeErrors with a code and a one-line message.
    throw usageError((e as Error).message.split('\n')[0] as string);
  }
  return parsed;
}

/** dispatch returns the exit code of one command line. */
async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${mainHelp()}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !topic) throw usageError(`unknown command ${JSON.stringify(rest[0])}`);
    io.stdout(`${topic ? topic.help : mainHelp()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command)
    throw usageError(`unknown command ${JSON.stringify(name)} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
  const parsed = parseCommandArgs(command, rest);
  if (parsed.values.help) {
    io.stdout(`${command.help}\n`);
    return 0;
  }
  const count = parsed.positionals.length;
  const { min, max } = command.positionals;
  if (count < min || count > max) {
    const want = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw usageError(`expected ${want} argument${want === '1' ? '' : 's'}, got ${count}`);
  }
  return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
}

/**
 * runCli returns the exit code of an `iml` command line (argv without `node iml`). Every failure is one line on
 * stderr: `iml <command>: <message>`, exit 2 for wrong arguments and 1 otherwise; an unexpected exception shows its
 * stack only when IML_DEBUG is set.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const prefix = argv[0] !== undefined && COMMANDS.some((c) => c.name === argv[0]) ? `iml ${argv[0]}` : 'iml';
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      const hint = e.exitCode === 2 ? ` (see "${prefix} --help")` : '';
      io.stderr(`${prefix}: ${e.message}${hint}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr(`${prefix}: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.IML_DEBUG) io.stderr(`${err?.stack}\n`);
    return 70;
  }
}
