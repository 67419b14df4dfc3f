// The *same value* relation of FUNCTIONS.md §0.3, used by contains, remove, distinct, deduplicate, arrayDiff and
// arrayIntersect: primitives by `===` (NaN equals NaN), Dates by time, buffers by bytes, arrays element by element,
// plain objects by equal own key sets with same values. No coercion. Walks are depth-limited and cycle-checked.
import { MAX_VALUE_DEPTH } from '../source/limits.js';
import { depthError, stackError, typeError } from './errors.js';
import { isPlainObject } from './value.js';

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function cyclic(): Error {
  return typeError('Cannot compare a cyclic value');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameComposite(a: object, b: object, depth: number, path: Set<object>): boolean {
  if (a instanceof Date || b instanceof Date) {
    if (!(a instanceof Date && b instanceof Date)) return false;
    const ta = a.getTime();
    const tb = b.getTime();
    return ta === tb || (Number.isNaN(ta) && Number.isNaN(tb));
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && sameBytes(a, b);
  }
  const arrays = Array.isArray(a);
  if (arrays !== Array.isArray(b)) return false;
  if (!arrays && !(isPlainObject(a) && isPlainObject(b))) return false;
  if (depth >= MAX_VALUE_DEPTH) throw depthError();
  if (path.has(a)) throw cyclic();
  path.add(a);
  let same: boolean;
  if (arrays) {
    const x = a as unknown[];
    const y = b as unknown[];
    same = x.length === y.length;
    for (let i = 0; same && i < x.length; i++) same = walk(x[i], y[i], depth + 1, path);
  } else {
    const ka = Object.keys(a);
    same = ka.length === Object.keys(b).length;
    for (let i = 0; same && i < ka.length; i++) {
      const k = ka[i] as string;
      same = Object.hasOwn(b, k) && walk((a as never)[k], (b as never)[k], depth + 1, path);
    }
  }
  path.delete(a);
  return same;
}

function walk(a: unknown, b: unknown, depth: number, path: Set<object>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  return sameComposite(a, b, depth, path);
}

/** sameValue returns whether two values are the *same value* (FUNCTIONS.md §0.3). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return walk(a, b, 0, new Set());
  } catch (e) {
    throw stackError(e);
  }
}

function identityOf(v: object): number {
  let id = identities.get(v);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(v, id);
  }
  return id;
}

/** CYCLE_CHECK_DEPTH represents the depth from which keys track their path: a cycle always gets that deep. */
const CYCLE_CHECK_DEPTH = 32;

function keyOf(v: unknown, depth: number, path: Set<object> | undefined): string {
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'n0' : `n${v}`;
    case 'string':
      return `s${JSON.stringify(v)}`;
    case 'boolean':
      return v ? 'T' : 'F';
    case 'undefined':
      return 'U';
    case 'object':
      return v === null ? 'N' : compositeKey(v, depth, path);
    default:
      return typeof v === 'bigint' ? `i${v}` : `x${typeof v}`;
  }
}

function compositeKey(v: object, depth: number, path: Set<object> | undefined): string {
  if (v instanceof Date) return `d${v.getTime()}`;
  if (v instanceof Uint8Array) return `b${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  const arr = Array.isArray(v);
  // Class instances and other exotic objects from an embedder are compared by identity only.
  if (!arr && !isPlainObject(v)) return `o${identityOf(v)}`;
  if (depth >= MAX_VALUE_DEPTH) throw depthError();
  // Shallow values (nearly all data) skip the bookkeeping; a cyclic value always passes the threshold.
  if (depth >= CYCLE_CHECK_DEPTH) {
    path ??= new Set();
    if (path.has(v)) throw cyclic();
    path.add(v);
  }
  let out: string;
  if (arr) {
    out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + keyOf(v[i], depth + 1, path);
    out += ']';
  } else {
    out = '{';
    const keys = Object.keys(v);
    if (keys.length > 1) keys.sort();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      out += `${i > 0 ? ',' : ''}${JSON.stringify(k)}:${keyOf((v as Record<string, unknown>)[k], depth + 1, path)}`;
    }
    out += '}';
  }
  path?.delete(v);
  return out;
}

/** ValueSet represents a set of values under *same value*: primitives keyed by themselves, composites by a canonical text. */
export class ValueSet {
  private readonly primitives = new Set<unknown>();
  private readonly composites = new Set<string>();

  /** key returns the set key of a value: a primitive itself (Set's SameValueZero is `===` plus NaN), else canonical text. */
  private static key(v: unknown): { composite: boolean; key: unknown } {
    if (typeof v !== 'object' || v === null) return { composite: false, key: v };
    try {
      return { composite: true, key: compositeKey(v, 0, undefined) };
    } catch (e) {
      // The JS stack can run out before MAX_VALUE_DEPTH when the caller's stack is already deep.
      throw stackError(e);
    }
  }

  /** add returns whether the value was new, after adding it. */
  add(v: unknown): boolean {
    const { composite, key } = ValueSet.key(v);
    const set = composite ? this.composites : this.primitives;
    if (set.has(key as never)) return false;
    set.add(key as never);
    return true;
  }

  /** has returns whether a value is in the set. */
  has(v: unknown): boolean {
    const { composite, key } = ValueSet.key(v);
    return composite ? this.composites.has(key as string) : this.primitives.has(key);
  }
}

/** valueSet returns a ValueSet holding every given value. */
export function valueSet(values: readonly unknown[]): ValueSet {
  const set = new ValueSet();
  for (const v of values) set.add(v);
  return set;
}
