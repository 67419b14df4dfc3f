import { isDefaultCompile, LruCache, optionsKey, valueKey } from './cache.js';
import { check } from './checker/check.js';
import { compileIr } from './compiler/compile.js';
import type { IrNode } from './ir/nodes.js';
import { optimize } from './optimizer/index.js';
import type { CompileOptions, Program, RunOptions } from './options.js';
import { parseValue } from './parser/parse.js';
import { type FunctionTable, functionTable } from './runtime/builtins/resolve.js';
import { ImlError } from './source/error.js';
import { type Limits, resolveLimits } from './source/limits.js';
import type { SourceSet } from './source/source-set.js';
import type { Bytecode } from './vm/program.js';
import { run } from './vm/vm.js';

const NO_CONTEXT: object = Object.freeze({});

/** VmProgram represents a compiled IML value run by the bytecode VM. */
export class VmProgram implements Program {
  private unfolded: Bytecode | undefined;
  /** The program of runs with the compile-time limits (chosen once: most runs give no options). */
  private readonly main: Bytecode;

  constructor(
    readonly source: unknown,
    /** The bytecode run by default (optimized unless `optimize: false`). */
    readonly bytecode: Bytecode,
    private readonly limits: Limits,
    private readonly compileLimits: CompileOptions['limits'],
    private readonly ir: IrNode,
    private readonly sources: SourceSet,
    private readonly table: FunctionTable,
    private readonly strictEquality: boolean,
  ) {
    this.main = this.choose(limits);
  }

  run(context?: Record<string, unknown>, options?: RunOptions): unknown {
    const ctx = typeof context === 'object' && context !== null ? context : NO_CONTEXT;
    if (options === undefined) return run(this.main, ctx, this.limits, undefined);
    const limits = options.limits === undefined ? this.limits : resolveLimits(this.compileLimits, options.limits);
    return run(this.choose(limits), ctx, limits, options);
  }

  /**
   * choose returns the program for a run's limits. Folded text is no longer checked against maxStringLength; a
   * run with a smaller limit than some folded text runs the unfolded program, which checks it where the
   * reference interpreter does.
   */
  private choose(limits: Limits): Bytecode {
    return limits.maxStringLength < this.bytecode.maxConstString ? this.plain() : this.bytecode;
  }

  private plain(): Bytecode {
    this.unfolded ??= compileIr(this.ir, this.sources, { table: this.table, strictEquality: this.strictEquality });
    return this.unfolded;
  }
}

/**
 * compileProgram returns the VmProgram of an IML value: parse → check → optimize → compile to bytecode. Syntax
 * and function errors are thrown as ImlError, also those inside branches the optimizer removes.
 */
export function compileProgram(template: unknown, options: CompileOptions = {}): VmProgram {
  const table = functionTable(options.functions, options.overrideBuiltins);
  const { ir, sources } = parseValue(template, { limits: options.limits ?? {} });
  try {
    check(ir, table);
  } catch (e) {
    throw e instanceof ImlError ? sources.bind(e) : e;
  }
  const limits = resolveLimits(options.limits);
  const strictEquality = options.strictEquality ?? false;
  const optimized = options.optimize === false ? ir : optimize(ir, { table, strictEquality, limits });
  const bytecode = compileIr(optimized, sources, { table, strictEquality });
  return new VmProgram(template, bytecode, limits, options.limits, ir, sources, table, strictEquality);
}

/** DEFAULT_CACHE_SIZE represents how many compiled programs each evaluate() cache keeps. */
const DEFAULT_CACHE_SIZE = 1000;

/** textCache represents evaluate()'s programs of template strings compiled with default options. */
const textCache = new LruCache<Program>(DEFAULT_CACHE_SIZE);
/** keyedCache represents evaluate()'s other programs, keyed by options and value. */
const keyedCache = new LruCache<Program>(DEFAULT_CACHE_SIZE);

/** programCaches represents evaluate()'s program caches (exposed through iml-vm/debug to resize or clear them). */
export const programCaches: readonly LruCache<Program>[] = [textCache, keyedCache];

/** cachedProgram returns the program of a template, from the cache when it was compiled with the same options. */
export function cachedProgram(template: unknown, options: CompileOptions | undefined): Program {
  if (typeof template === 'string' && isDefaultCompile(options)) {
    return textCache.get(template) ?? textCache.set(template, compileProgram(template, options));
  }
  const value = valueKey(template);
  if (value === undefined) return compileProgram(template, options);
  // JSON.stringify escapes control characters, so the first \u0001 always ends the options part.
  const key = `${options === undefined ? '' : optionsKey(options)}\u0001${value}`;
  return keyedCache.get(key) ?? keyedCache.set(key, compileProgram(template, options));
}
