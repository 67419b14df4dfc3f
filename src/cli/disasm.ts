import { disassemble } from '../debug.js';
import { type CompileOptions, compile, ImlError } from '../index.js';
import type { Command } from './command.js';
import { errorText } from './format.js';
import { templateArg } from './options.js';

/** disasmCommand represents `iml disasm`: print the bytecode of a template with source positions. */
export const disasmCommand: Command = {
  name: 'disasm',
  summary: 'print the optimized bytecode of a template with source positions',
  help: `Usage: iml disasm <template> [options]

Compiles an IML template and prints its bytecode: one instruction per line with its offset, opcode, operand
(constants, paths, functions, jump targets) and the template line:column it reports errors at.
A syntax or compile error is printed with its caret and exits 1.

Arguments:
  <template>         template text, e.g. "{{if(body.ok, upper(body.name), 'none')}}"; with --value, JSON

Options:
  --value            read <template> as JSON: an object or array whose string leaves are templates
  --no-optimize      show the unoptimized program (compile option optimize: false)
  --strict-equality  compile = and != as strict (JS === and !==)
  -h, --help         show this help

Example:
  iml disasm "Hello {{upper(body.name)}}"`,
  options: {
    value: { type: 'boolean' },
    'no-optimize': { type: 'boolean' },
    'strict-equality': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  run(args, io) {
    const template = templateArg(args.positionals[0] as string, args.values.value === true);
    const options: CompileOptions = {
      optimize: args.values['no-optimize'] !== true,
      strictEquality: args.values['strict-equality'] === true,
    };
    try {
      io.stdout(`${disassemble(compile(template, options)).trimEnd()}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof ImlError)) throw e;
      io.stderr(`${errorText(e)}\n`);
      return 1;
    }
  },
};
