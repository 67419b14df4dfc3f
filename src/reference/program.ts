import { check } from '../checker/check.js';
import type { IrNode } from '../ir/nodes.js';
import type { CompileOptions, Program, RunOptions } from '../options.js';
import { parseValue } from '../parser/parse.js';
import { type FunctionTable, functionTable } from '../runtime/builtins/resolve.js';
import { RunState } from '../runtime/context.js';
import { ImlError } from '../source/error.js';
import { type Limits, resolveLimits } from '../source/limits.js';
import type { SourceSet } from '../source/source-set.js';
import { evaluateNode } from './evaluate.js';

/** asContext returns the context object of a run ({} for anything that is not an object). */
export function asContext(context: unknown): object {
  return typeof context === 'object' && context !== null ? context : {};
}

/** wrapInternal returns an ImlError for a JS exception that escaped evaluation (a stack overflow is a limit). */
export function wrapInternal(e: unknown): unknown {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new ImlError('runtime/limit', 'Evaluation nested too deeply (JS stack exhausted)', undefined, { cause: e });
  }
  return e;
}

/** ReferenceProgram represents a template evaluated by the tree-walking reference interpreter. */
export class ReferenceProgram implements Program {
  constructor(
    readonly source: unknown,
    readonly ir: IrNode,
    readonly sources: SourceSet,
    private readonly table: FunctionTable,
    private readonly strictEquality: boolean,
    private readonly limits: Partial<Limits> | undefined,
  ) {}

  run(context?: Record<string, unknown>, options: RunOptions = {}): unknown {
    const ctx = new RunState(resolveLimits(this.limits, options.limits), options);
    const env = { context: asContext(context), ctx, table: this.table, strictEquality: this.strictEquality, steps: 0 };
    try {
      return evaluateNode(this.ir, env);
    } catch (e) {
      const err = wrapInternal(e);
      throw err instanceof ImlError ? this.sources.bind(err) : err;
    }
  }
}

/** compileReference returns a Program run by the reference interpreter (parse + check, no optimizer). */
export function compileReference(template: unknown, options: CompileOptions = {}): ReferenceProgram {
  const table = functionTable(options.functions, options.overrideBuiltins);
  const { ir, sources } = parseValue(template, { limits: options.limits ?? {} });
  try {
    check(ir, table);
  } catch (e) {
    throw e instanceof ImlError ? sources.bind(e) : e;
  }
  return new ReferenceProgram(template, ir, sources, table, options.strictEquality ?? false, options.limits);
}
