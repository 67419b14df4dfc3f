/**
 * The `iml-vm/debug` entry: tools to look inside the pipeline (IR dump, canonical printing).
 * @example
 * import { dumpIr, parseTemplate } from 'iml-vm/debug';
 * console.log(dumpIr(parseTemplate('{{a + 1}}')));
 */
export { dumpIr, print, printTemplate, printValue } from './ir/print.js';
export { parseTemplate, parseValue } from './parser/parse.js';
export { compileReference } from './reference/program.js';
