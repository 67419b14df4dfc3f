import { applyPath } from '../path.js';
import { render } from '../render.js';
import { isEmpty } from '../value.js';
import { type Builtin, lazy, strict, type Thunk } from './registry.js';

/** ifBuiltin returns `then` or `else` by the truthiness of `condition`; only the chosen branch is evaluated. */
function ifImpl(_ctx: unknown, args: readonly Thunk[]): unknown {
  const chosen = (args[0] as Thunk)() ? args[1] : args[2];
  return chosen ? chosen() : undefined;
}

/** ifemptyImpl returns the first argument that is not empty (undefined, null, ""), else the last one. */
function ifemptyImpl(_ctx: unknown, args: readonly Thunk[]): unknown {
  let v: unknown;
  for (const arg of args) {
    v = arg();
    if (!isEmpty(v)) return v;
  }
  return v;
}

/** switchImpl returns the result paired with the first case whose text equals the value's text, else the default. */
function switchImpl(_ctx: unknown, args: readonly Thunk[]): unknown {
  const value = render((args[0] as Thunk)());
  let i = 1;
  for (; i + 1 < args.length; i += 2) {
    if (render((args[i] as Thunk)()) === value) return (args[i + 1] as Thunk)();
  }
  return i < args.length ? (args[i] as Thunk)() : undefined;
}

/** generalBuiltins represents FUNCTIONS.md §1. */
export const generalBuiltins: Builtin[] = [
  lazy('if', 2, 3, ifImpl),
  lazy('ifempty', 2, Number.POSITIVE_INFINITY, ifemptyImpl),
  lazy('switch', 3, Number.POSITIVE_INFINITY, switchImpl),
  strict('get', 2, 2, (_ctx, value, path) => applyPath(value, path)),
];
