import { text } from '../convert.js';
import { applyPath } from '../path.js';
import { render } from '../render.js';
import { isEmpty, isPlainObject, ownValue, setOwn } from '../value.js';
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

/** keyList returns the plain key names of pick/omit: each argument's text, or the text of each element of an array. */
function keyList(args: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const a of args) {
    if (Array.isArray(a)) for (const k of a) keys.push(text(k));
    else keys.push(text(a));
  }
  return keys;
}

/** pick returns a new object with the listed own properties, in the order the keys are listed. */
function pick(object: unknown, keys: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(object)) return out;
  for (const k of keyList(keys)) {
    const v = ownValue(object, k);
    if (v !== undefined) setOwn(out, k, v);
  }
  return out;
}

/** omit returns a copy of the own properties except the listed ones, in source order. */
function omit(object: unknown, keys: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(object)) return out;
  const drop = new Set(keyList(keys));
  for (const k of Object.keys(object)) {
    const v = ownValue(object, k);
    if (!drop.has(k) && v !== undefined) setOwn(out, k, v);
  }
  return out;
}

/** mergeCollections returns the shallow left-to-right merge of the object arguments (later keys win). */
function mergeCollections(objects: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of objects) {
    if (!isPlainObject(o)) continue;
    // As with JS object spread, an own key holding undefined overrides an earlier value.
    for (const k of Object.keys(o)) setOwn(out, k, ownValue(o, k));
  }
  return out;
}

/** generalBuiltins represents FUNCTIONS.md §1. */
export const generalBuiltins: Builtin[] = [
  lazy('if', 2, 3, ifImpl),
  lazy('ifempty', 2, Number.POSITIVE_INFINITY, ifemptyImpl),
  lazy('switch', 3, Number.POSITIVE_INFINITY, switchImpl),
  strict('get', 2, 2, (_ctx, value, path) => applyPath(value, path)),
  strict('pick', 2, Number.POSITIVE_INFINITY, (_ctx, object, ...keys) => pick(object, keys)),
  strict('omit', 2, Number.POSITIVE_INFINITY, (_ctx, object, ...keys) => omit(object, keys)),
  strict('mergeCollections', 2, Number.POSITIVE_INFINITY, (_ctx, ...objects) => mergeCollections(objects)),
];
