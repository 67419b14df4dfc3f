import type { CallContext } from '../context.js';

/** Thunk represents a lazily evaluated argument. */
export type Thunk = () => unknown;

/** StrictImpl represents a built-in that receives its evaluated arguments. */
export type StrictImpl = (ctx: CallContext, ...args: unknown[]) => unknown;

/** LazyImpl represents a built-in that evaluates its arguments on demand (`if`, `ifempty`, `switch`). */
export type LazyImpl = (ctx: CallContext, args: readonly Thunk[]) => unknown;

interface BuiltinBase {
  /** Case-sensitive IML name. */
  readonly name: string;
  /** Fewest arguments. */
  readonly min: number;
  /** Most arguments; Infinity for variadic functions. */
  readonly max: number;
  /** Whether the result depends only on the arguments, so the optimizer may fold a call with constant arguments. */
  readonly pure: boolean;
}

/** StrictBuiltin represents a built-in whose arguments are all evaluated, left to right, before the call. */
export interface StrictBuiltin extends BuiltinBase {
  readonly lazy: false;
  readonly impl: StrictImpl;
}

/** LazyBuiltin represents a built-in whose arguments after the first are evaluated only when it needs them. */
export interface LazyBuiltin extends BuiltinBase {
  readonly lazy: true;
  readonly impl: LazyImpl;
}

/** Builtin represents one entry of the function registry. */
export type Builtin = StrictBuiltin | LazyBuiltin;

/** strict returns a StrictBuiltin; `max` defaults to `min`, `pure` to true. */
export function strict(
  name: string,
  min: number,
  max: number,
  impl: StrictImpl,
  options: { pure?: boolean } = {},
): StrictBuiltin {
  return { name, min, max, lazy: false, pure: options.pure ?? true, impl };
}

/** lazy returns a LazyBuiltin (always pure: laziness is control flow, not state). */
export function lazy(name: string, min: number, max: number, impl: LazyImpl): LazyBuiltin {
  return { name, min, max, lazy: true, pure: true, impl };
}

/** Registry represents an immutable table of built-ins with stable indexes (the VM calls built-ins by index). */
export class Registry {
  readonly list: readonly Builtin[];
  private readonly byName: ReadonlyMap<string, number>;

  constructor(builtins: readonly Builtin[]) {
    const byName = new Map<string, number>();
    builtins.forEach((b, i) => {
      if (byName.has(b.name)) throw new Error(`Duplicate built-in ${b.name}`);
      byName.set(b.name, i);
    });
    this.list = builtins;
    this.byName = byName;
  }

  /** indexOf returns the index of a built-in, or -1. */
  indexOf(name: string): number {
    return this.byName.get(name) ?? -1;
  }

  /** get returns a built-in by name. */
  get(name: string): Builtin | undefined {
    const i = this.byName.get(name);
    return i === undefined ? undefined : this.list[i];
  }

  /** names returns every built-in name. */
  names(): string[] {
    return [...this.byName.keys()];
  }
}
