// The front end (parse + check) as compile() runs it, without evaluation.
import { check } from '../../src/checker/check.js';
import type { IrNode } from '../../src/ir/nodes.js';
import { parseTemplate } from '../../src/parser/parse.js';
import { EMPTY_TABLE } from '../../src/runtime/builtins/resolve.js';
import { ImlError } from '../../src/source/error.js';
import { Source } from '../../src/source/source.js';

/** checkTemplate returns the checked IR of a template; errors are ImlError bound to their line and column. */
export function checkTemplate(text: string): IrNode {
  try {
    const ir = parseTemplate(text);
    check(ir, EMPTY_TABLE);
    return ir;
  } catch (e) {
    throw e instanceof ImlError ? e.bind(new Source(text)) : e;
  }
}
