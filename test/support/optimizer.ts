// Shared helper of the optimizer shape tests: optimize a template with some passes and print the result.
import { print } from '../../src/ir/print.js';
import { type OptimizeEnv, optimize, type Pass } from '../../src/optimizer/index.js';
import { parseTemplate } from '../../src/parser/parse.js';
import { EMPTY_TABLE, type FunctionTable, functionTable } from '../../src/runtime/builtins/resolve.js';
import { type Limits, resolveLimits } from '../../src/source/limits.js';

/** envOf returns an optimizer environment (default table, loose equality, default limits). */
export function envOf(
  options: { table?: FunctionTable; strictEquality?: boolean; limits?: Partial<Limits> } = {},
): OptimizeEnv {
  return {
    table: options.table ?? EMPTY_TABLE,
    strictEquality: options.strictEquality ?? false,
    limits: resolveLimits(options.limits),
  };
}

/** shape returns the canonical text of `{{src}}` after the given passes ran to a fixpoint. */
export function shape(src: string, passes: readonly Pass[], env: OptimizeEnv = envOf()): string {
  return print(optimize(parseTemplate(`{{${src}}}`), env, passes));
}

/** customTable returns a function table with custom functions that may override built-ins. */
export function customTable(names: string[]): FunctionTable {
  return functionTable(Object.fromEntries(names.map((n) => [n, () => n])), true);
}
