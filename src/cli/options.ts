import type { RunOptions } from '../index.js';
import type { CliIo } from './command.js';
import { type ParsedArgs, usageError } from './command.js';
import { readJson } from './io.js';

/** RUN_OPTIONS represents the parseArgs declarations of the options every evaluating command shares. */
export const RUN_OPTIONS = {
  tz: { type: 'string' },
  now: { type: 'string' },
  compact: { type: 'boolean' },
} as const;

/** RUN_OPTIONS_HELP represents the --help lines of RUN_OPTIONS. */
export const RUN_OPTIONS_HELP = `  --tz ZONE          IANA time zone of the date functions (default UTC)
  --now ISO          fix now and timestamp, e.g. 2024-06-10T12:00:00Z (default: the current time)
  --compact          print JSON on one line`;

/** runOptions returns the RunOptions given by --tz and --now, rejecting an unknown zone or an unreadable date. */
export function runOptions(args: ParsedArgs): RunOptions {
  const options: RunOptions = {};
  const tz = args.values.tz;
  if (typeof tz === 'string') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      throw usageError(`--tz: unknown time zone ${JSON.stringify(tz)} (use an IANA name such as Europe/Prague)`);
    }
    options.timezone = tz;
  }
  const now = args.values.now;
  if (typeof now === 'string') {
    const date = new Date(now);
    if (Number.isNaN(date.getTime())) throw usageError(`--now: ${JSON.stringify(now)} is not a date (use ISO 8601)`);
    options.now = date;
  }
  return options;
}

/** readObject returns a JSON file that must hold an object (a context, a request, an environment). */
export function readObject(path: string, what: string, io: CliIo): Record<string, unknown> {
  const value = readJson(path, io);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw usageError(`${path === '-' ? 'standard input' : path}: ${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** templateArg returns the <template> argument: the text itself, or with `--value` the IML value its JSON gives. */
export function templateArg(text: string, asValue: boolean): unknown {
  if (!asValue) return text;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw usageError(`--value: <template> is not JSON (${(e as Error).message.replace(/\s+/g, ' ')})`);
  }
}
