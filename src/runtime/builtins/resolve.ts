import { ImlError } from '../../source/error.js';
import type { FunctionThis } from '../context.js';
import { BUILTINS } from './index.js';
import type { Builtin } from './registry.js';

/** CustomFunction represents a function an embedder adds through CompileOptions.functions. */
export type CustomFunction = (this: FunctionThis, ...args: unknown[]) => unknown;

/** FunctionTable represents the functions one compilation can call: the built-ins and the custom ones. */
export interface FunctionTable {
  readonly custom: Readonly<Record<string, CustomFunction>>;
  /** Whether custom functions may replace built-ins of the same name. */
  readonly overrideBuiltins: boolean;
}

/** Resolved represents what a call's name refers to. */
export type Resolved = { kind: 'builtin'; index: number; builtin: Builtin } | { kind: 'custom'; fn: CustomFunction };

const hasOwn = Object.prototype.hasOwnProperty;

/** functionTable returns a validated FunctionTable: a custom function named like a built-in needs overrideBuiltins. */
export function functionTable(
  custom: Record<string, CustomFunction> | undefined,
  overrideBuiltins = false,
): FunctionTable {
  const table: Record<string, CustomFunction> = {};
  for (const name of Object.keys(custom ?? {})) {
    const fn = (custom as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      throw new ImlError('compile/invalid-option', `Custom function "${name}" is not a function`);
    }
    if (!overrideBuiltins && BUILTINS.indexOf(name) !== -1) {
      throw new ImlError(
        'compile/invalid-option',
        `Custom function "${name}" has the name of a built-in; pass overrideBuiltins: true to replace the built-in`,
      );
    }
    table[name] = fn as CustomFunction;
  }
  return { custom: table, overrideBuiltins };
}

/** EMPTY_TABLE represents a FunctionTable without custom functions. */
export const EMPTY_TABLE: FunctionTable = Object.freeze({ custom: Object.freeze({}), overrideBuiltins: false });

/** resolveFunction returns what a name calls (a custom function wins only where it was allowed to), or undefined. */
export function resolveFunction(name: string, table: FunctionTable): Resolved | undefined {
  if (hasOwn.call(table.custom, name)) return { kind: 'custom', fn: table.custom[name] as CustomFunction };
  const index = BUILTINS.indexOf(name);
  return index === -1 ? undefined : { kind: 'builtin', index, builtin: BUILTINS.list[index] as Builtin };
}
