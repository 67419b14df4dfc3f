import type { ImlError } from '../index.js';
import { checkWebhook, type WebhookWarning } from '../webhook/index.js';
import { CliError, type CliIo, type Command } from './command.js';
import { indent } from './format.js';
import { readJson } from './io.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** problemText returns one error as `file: $.path:line:col: error: reason [code]` and its caret snippet. */
function problemText(file: string, e: ImlError): string {
  const where = `${e.path ?? '$'}${e.line === undefined ? '' : `:${e.line}:${e.column}`}`;
  const head = `${file}: ${where}: error: ${e.reason} [${e.code}]`;
  return e.snippet === undefined ? head : `${head}\n${indent(e.snippet, '  ')}`;
}

function warningText(file: string, w: WebhookWarning): string {
  return `${file}: ${w.path}: warning: ${w.message}`;
}

/** checkFile returns the number of errors of one spec file after printing each problem and a summary line. */
function checkFile(file: string, io: CliIo): number {
  let spec: unknown;
  try {
    spec = readJson(file, io);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.stdout(`${e.message}\n`);
    return 1;
  }
  const { errors, warnings } = checkWebhook(spec);
  for (const e of errors) io.stdout(`${problemText(file, e)}\n`);
  for (const w of warnings) io.stdout(`${warningText(file, w)}\n`);
  const summary =
    errors.length + warnings.length === 0
      ? 'ok'
      : [
          errors.length > 0 ? plural(errors.length, 'error') : '',
          warnings.length > 0 ? plural(warnings.length, 'warning') : '',
        ]
          .filter(Boolean)
          .join(', ');
  io.stdout(`${file}: ${summary}\n`);
  return errors.length;
}

/** checkCommand represents `iml check`: every problem of one or more webhook specs, exit 1 on any error. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'report every problem of webhook specs (JSON path, position, caret)',
  help: `Usage: iml check <spec.json>...

Validates each webhook spec (directive types, respond.type, literal status 100..999) and compiles every
template in it, then prints every problem: its JSON path, line:column inside the template, the reason,
the error code and a caret under the spot. Unknown keys are warnings. Exits 1 when any spec has an error
(or cannot be read), 0 otherwise. "-" reads a spec from standard input.

Options:
  -h, --help   show this help

Example:
  iml check examples/*/spec.json`,
  options: {},
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  run(args, io) {
    let failed = 0;
    for (const file of args.positionals) if (checkFile(file, io) > 0) failed++;
    return failed > 0 ? 1 : 0;
  },
};
