// FUNCTIONS.md §5 sort: stable, total on mixed types. Groups come in the order numbers, Dates, text, booleans,
// other values (kept in input order), and always last null/undefined; `desc` reverses every comparison but the
// position of null/undefined, and equal elements keep their input order.
import { array, describe } from '../convert.js';
import { typeError } from '../errors.js';
import { applyPath } from '../path.js';
import { type Builtin, strict } from './registry.js';

const ORDER = /^\s*(asc|desc)(?:\s+(ci))?\s*$/i;
const NULLISH = 5;

/** Entry represents one element with its sort key, its group and its input position. */
interface Entry {
  readonly element: unknown;
  readonly key: unknown;
  readonly group: number;
  readonly index: number;
}

/** groupOf returns the sort group of a key: 0 numbers, 1 Dates, 2 text, 3 booleans, 4 others, 5 null/undefined. */
function groupOf(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return 0;
    case 'string':
      return 2;
    case 'boolean':
      return 3;
    case 'undefined':
      return NULLISH;
    default:
      if (v === null) return NULLISH;
      return v instanceof Date ? 1 : 4;
  }
}

/** compareNumbers returns the order of two numbers, NaN after every other number. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** compareKeys returns the order of two keys of the same group. */
function compareKeys(a: unknown, b: unknown, group: number): number {
  switch (group) {
    case 0:
      return compareNumbers(a as number, b as number);
    case 1:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 2:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 3:
      return Number(a) - Number(b);
    default:
      return 0;
  }
}

/** SortOptions represents the parsed order word and key of a sort call. */
interface SortOptions {
  desc: boolean;
  caseless: boolean;
  byKey: boolean;
  key: unknown;
}

/** sortOptions returns the order and key of `sort(array, [order], [key])`; a key in second place forbids a third argument. */
function sortOptions(args: readonly unknown[]): SortOptions {
  const [order, key] = args;
  const opts: SortOptions = { desc: false, caseless: false, byKey: false, key: undefined };
  const m = typeof order === 'string' ? ORDER.exec(order) : null;
  if (m) {
    opts.desc = (m[1] as string).toLowerCase() === 'desc';
    opts.caseless = m[2] !== undefined;
  } else if (order !== undefined && order !== null) {
    if (args.length > 1) {
      throw typeError(`sort() got the key ${describe(order)} in place of the order, and then a third argument`);
    }
    return { ...opts, byKey: true, key: order };
  }
  if (key !== undefined && key !== null) return { ...opts, byKey: true, key };
  return opts;
}

/** sort returns a sorted copy of an array (see the file comment for the order). */
function sort(value: unknown, args: readonly unknown[]): unknown[] {
  const { desc, caseless, byKey, key } = sortOptions(args);
  const entries: Entry[] = array(value).map((element, index) => {
    let k = byKey ? applyPath(element, key) : element;
    if (caseless && typeof k === 'string') k = k.toLowerCase();
    return { element, key: k, group: groupOf(k), index };
  });
  entries.sort((a, b) => {
    if (a.group === NULLISH || b.group === NULLISH) {
      return a.group === b.group ? a.index - b.index : a.group === NULLISH ? 1 : -1;
    }
    const c = a.group !== b.group ? a.group - b.group : compareKeys(a.key, b.key, a.group);
    return (desc ? -c : c) || a.index - b.index;
  });
  return entries.map((e) => e.element);
}

/** sortBuiltins represents sort of FUNCTIONS.md §5. */
export const sortBuiltins: Builtin[] = [strict('sort', 1, 3, (_ctx, v, ...args) => sort(v, args))];
