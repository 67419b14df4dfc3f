// FUNCTIONS.md §5: the array functions that compare elements by *same value* (§0.3): remove, distinct,
// deduplicate, arrayDiff and arrayIntersect. Composite elements are keyed by canonical text, so each is O(n).
import { array } from '../convert.js';
import { applyPath } from '../path.js';
import { ValueSet, valueSet } from '../same-value.js';
import { type Builtin, strict } from './registry.js';

/** distinct returns the first of the elements that are the same value (compared at a path when one is given). */
function distinct(value: unknown, key: unknown): unknown[] {
  const seen = new ValueSet();
  const byKey = key !== undefined && key !== null;
  return array(value).filter((e) => seen.add(byKey ? applyPath(e, key) : e));
}

/** arraySetBuiltins represents remove, distinct, deduplicate, arrayDiff and arrayIntersect. */
export const arraySetBuiltins: Builtin[] = [
  strict('remove', 2, Number.POSITIVE_INFINITY, (_ctx, v, ...values) => {
    const drop = valueSet(values);
    return array(v).filter((e) => !drop.has(e));
  }),
  strict('distinct', 1, 2, (_ctx, v, key) => distinct(v, key)),
  strict('deduplicate', 1, 1, (_ctx, v) => distinct(v, undefined)),
  strict('arrayDiff', 2, 2, (_ctx, a, b) => {
    const other = valueSet(array(b));
    return array(a).filter((e) => !other.has(e));
  }),
  strict('arrayIntersect', 2, 2, (_ctx, a, b) => {
    const other = valueSet(array(b));
    return array(a).filter((e) => other.has(e));
  }),
];
