// FUNCTIONS.md §5: array functions. The first argument goes through the **array** conversion; results are fresh
// arrays, and functions that can grow an array check limits.maxArrayLength before they build it.
import type { CallContext } from '../context.js';
import { array, int, isAbsent, position, text } from '../convert.js';
import { typeError } from '../errors.js';
import { applyPath } from '../path.js';
import { ensureArrayLength } from '../size.js';
import { arrayAt, isPlainObject, ownValue, setOwn } from '../value.js';
import { type Builtin, strict } from './registry.js';

/** add returns a new array with the values appended (an array value becomes one nested element). */
function add(ctx: CallContext, value: unknown, values: readonly unknown[]): unknown[] {
  const items = array(value);
  ensureArrayLength(items.length + values.length, ctx.limits);
  return [...items, ...values];
}

/** merge returns the concatenation of the **array** conversions of every argument. */
function merge(ctx: CallContext, values: readonly unknown[]): unknown[] {
  const lists = values.map(array);
  ensureArrayLength(
    lists.reduce((n, l) => n + l.length, 0),
    ctx.limits,
  );
  const out: unknown[] = [];
  for (const l of lists) for (const e of l) out.push(e);
  return out;
}

/** filterSet returns the texts a map() filter accepts, or undefined when there is no filter. */
function filterSet(filterKey: unknown, filterValues: unknown): Set<string> | undefined {
  if (filterKey === undefined || filterKey === null || filterValues === undefined || filterValues === null) {
    return undefined;
  }
  if (Array.isArray(filterValues)) return new Set(filterValues.map(text));
  return new Set(
    text(filterValues)
      .split(',')
      .map((s) => s.trim()),
  );
}

/** map returns the value at a path of each element (undefined left out), optionally filtered by another path. */
function map(value: unknown, key: unknown, filterKey: unknown, filterValues: unknown): unknown[] {
  const filter = filterSet(filterKey, filterValues);
  const out: unknown[] = [];
  for (const e of array(value)) {
    if (filter && !filter.has(text(applyPath(e, filterKey)))) continue;
    const v = applyPath(e, key);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/**
 * flatten returns JS `flat(depth)` without recursion: an explicit stack walks any nesting, so a 100 000-level
 * array flattens instead of overflowing the JS stack; an array that contains itself is `runtime/type`.
 */
function flatten(ctx: CallContext, value: unknown, depthArg: unknown): unknown[] {
  const depth = isAbsent(depthArg) ? 1 : int(depthArg, 'flatten', 'an integer depth');
  const root = array(value);
  const out: unknown[] = [];
  const stack: Array<{ items: readonly unknown[]; i: number }> = [{ items: root, i: 0 }];
  const onPath = new Set<unknown>([root]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { items: readonly unknown[]; i: number };
    if (top.i >= top.items.length) {
      onPath.delete(top.items);
      stack.pop();
      continue;
    }
    const e = top.items[top.i++];
    if (Array.isArray(e) && stack.length <= depth) {
      if (onPath.has(e)) throw typeError('flatten() cannot flatten an array that contains itself');
      onPath.add(e);
      stack.push({ items: e, i: 0 });
    } else {
      out.push(e);
      if (out.length > ctx.limits.maxArrayLength) ensureArrayLength(out.length, ctx.limits);
    }
  }
  return out;
}

/** keys returns an object's own keys in JS order, an array's 1-based indexes, or [] for anything else. */
function keys(value: unknown): unknown[] {
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => i + 1);
  return isPlainObject(value) ? Object.keys(value) : [];
}

/** toCollection returns an object built from the key path and value path of each element (later keys win). */
function toCollection(value: unknown, keyPath: unknown, valuePath: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of array(value)) {
    const k = applyPath(e, keyPath);
    const v = applyPath(e, valuePath);
    if (k !== undefined && k !== null && v !== undefined) setOwn(out, text(k), v);
  }
  return out;
}

/** toArray returns an object's `{key, value}` pairs, a copy of an array, [] for absent, else [value]. */
function toArray(value: unknown): unknown[] {
  if (isPlainObject(value)) return Object.keys(value).map((key) => ({ key, value: ownValue(value, key) }));
  return [...array(value)];
}

/** shuffle returns a uniformly shuffled copy (Fisher–Yates over the run's random source). */
function shuffle(ctx: CallContext, value: unknown): unknown[] {
  const out = [...array(value)];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const VARIADIC = Number.POSITIVE_INFINITY;

/** arrayBuiltins represents the array functions of FUNCTIONS.md §5 other than sort and the same-value ones. */
export const arrayBuiltins: Builtin[] = [
  strict('first', 1, 1, (_ctx, v) => arrayAt(array(v), 1)),
  strict('last', 1, 1, (_ctx, v) => arrayAt(array(v), -1)),
  strict('add', 2, VARIADIC, (ctx, v, ...values) => add(ctx, v, values)),
  strict('map', 2, 4, (_ctx, v, key, filterKey, filterValues) => map(v, key, filterKey, filterValues)),
  strict('reverse', 1, 1, (_ctx, v) => [...array(v)].reverse()),
  strict('shuffle', 1, 1, shuffle, { pure: false }),
  strict('slice', 2, 3, (_ctx, v, start, end) => {
    const items = array(v);
    return items.slice(position(start, 'slice', 0), position(end, 'slice', items.length));
  }),
  strict('merge', 1, VARIADIC, (ctx, ...values) => merge(ctx, values)),
  strict('flatten', 1, 2, flatten),
  strict('keys', 1, 1, (_ctx, v) => keys(v)),
  strict('toCollection', 3, 3, (_ctx, v, keyPath, valuePath) => toCollection(v, keyPath, valuePath)),
  strict('toArray', 1, 1, (_ctx, v) => toArray(v)),
];
