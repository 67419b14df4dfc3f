import { type CompileOptions, compile, ImlError } from '../index.js';
import type { Command } from './command.js';
import { errorText } from './format.js';
import { toJson } from './io.js';
import { RUN_OPTIONS, RUN_OPTIONS_HELP, readObject, runOptions, templateArg } from './options.js';

/** evalCommand represents `iml eval`: compile and run one template, print the result as JSON. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate a template and print the result as JSON',
  help: `Usage: iml eval <template> [options]

Evaluates an IML template and prints its value as JSON (a Date as ISO 8601, binary as Base64).
An undefined result prints nothing. On a syntax, compile or runtime error it prints the error with
its position and a caret, and exits 1.

Arguments:
  <template>         template text, e.g. "Hello {{upper(body.name)}}"; with --value, JSON of an IML value

Options:
  -c, --context FILE JSON object whose properties are the template's variables (body, item, ...); - reads stdin
  --value            read <template> as JSON: an object or array whose string leaves are templates
  --strict-equality  make = and != strict (JS === and !==)
${RUN_OPTIONS_HELP}
  -h, --help         show this help

Examples:
  iml eval "{{1 + 1}}"
  echo '{"body": {"name": "Ann"}}' | iml eval "Hi {{body.name}}" --context -
  iml eval '{"id": "{{body.id}}"}' --value -c request.json --tz Europe/Prague`,
  options: {
    context: { type: 'string', short: 'c' },
    value: { type: 'boolean' },
    'strict-equality': { type: 'boolean' },
    ...RUN_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run(args, io) {
    const template = templateArg(args.positionals[0] as string, args.values.value === true);
    const context = typeof args.values.context === 'string' ? readObject(args.values.context, 'the context', io) : {};
    const run = runOptions(args);
    const options: CompileOptions = { strictEquality: args.values['strict-equality'] === true };
    try {
      const result = compile(template, options).run(context, run);
      if (result !== undefined) io.stdout(`${toJson(result, args.values.compact === true)}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof ImlError)) throw e;
      io.stderr(`${errorText(e)}\n`);
      return 1;
    }
  },
};
