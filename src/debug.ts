/**
 * The `iml-vm/debug` entry: tools to look inside the pipeline (IR dump, canonical printing, bytecode listing, the
 * reference interpreter, evaluate()'s program caches).
 * @example
 * import { compile } from 'iml-vm';
 * import { disassemble } from 'iml-vm/debug';
 * console.log(disassemble(compile('{{body.user.name}}')));
 */
import type { Program } from './options.js';
import { VmProgram } from './pipeline.js';
import { disassembleBytecode } from './vm/disasm.js';
import { Bytecode } from './vm/program.js';

export { dumpIr, print, printTemplate, printValue } from './ir/print.js';
export { parseTemplate, parseValue } from './parser/parse.js';
export { programCaches } from './pipeline.js';
export { compileReference } from './reference/program.js';
export { OP_COUNT, Op, OpName } from './vm/opcodes.js';

/**
 * disassemble returns the bytecode listing of a program from compile(): one line per instruction with its opcode,
 * operand (rendered: constants, paths, functions, jump targets) and the source `line:col` it reports errors at.
 * @example
 * disassemble(compile('{{body.user.name}}'));
 * // 0000  LoadPath                0  body.user.name       @1:3
 * // 0001  Return                                          @1:3
 */
export function disassemble(program: Program | Bytecode): string {
  if (program instanceof Bytecode) return disassembleBytecode(program);
  if (program instanceof VmProgram) return disassembleBytecode(program.bytecode);
  throw new TypeError('disassemble takes a Program made by compile() (the reference interpreter has no bytecode)');
}
