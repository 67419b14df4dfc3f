/** ImlValue represents the JSON-shaped values of IML templates (API.md). */
export type ImlValue = string | number | boolean | null | ImlValue[] | { [k: string]: ImlValue };

/** ValueKind represents the runtime type of any value an evaluation can see. */
export type ValueKind =
  | 'undefined'
  | 'null'
  | 'boolean'
  | 'number'
  | 'string'
  | 'array'
  | 'object'
  | 'date'
  | 'binary'
  | 'other';

const objectProto = Object.prototype;
const hasOwn = Object.prototype.hasOwnProperty;

/** isBinary returns whether a value is a binary buffer (a Node Buffer or any Uint8Array). */
export function isBinary(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

/** isDate returns whether a value is a JS Date. */
export function isDate(v: unknown): v is Date {
  return v instanceof Date;
}

/** isPlainObject returns whether a value is an object whose prototype is Object.prototype or null. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === objectProto || p === null;
}

/** kindOf returns the runtime kind of a value. */
export function kindOf(v: unknown): ValueKind {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) return 'array';
      if (v instanceof Date) return 'date';
      if (v instanceof Uint8Array) return 'binary';
      return isPlainObject(v) ? 'object' : 'other';
    default:
      return 'other';
  }
}

/** isAbsent returns whether a value is undefined or null. */
export function isAbsent(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}

/** isEmpty returns whether a value is empty in the sense of `ifempty`: undefined, null or "". */
export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** truthy returns the JS truthiness of a value (SEMANTICS §3). */
export function truthy(v: unknown): boolean {
  return !!v;
}

/** ownValue returns an own, non-function property of a plain object, or undefined (SEMANTICS §5). */
export function ownValue(obj: object, key: string): unknown {
  if (!hasOwn.call(obj, key)) return undefined;
  const p = Object.getPrototypeOf(obj);
  if (p !== objectProto && p !== null) return undefined;
  const v = (obj as Record<string, unknown>)[key];
  return typeof v === 'function' ? undefined : v;
}

/** arrayAt returns the element at a 1-based index (negative counts from the end); 0, fractions and out of range give undefined. */
export function arrayAt(arr: readonly unknown[], n: number): unknown {
  if (!Number.isInteger(n) || n === 0) return undefined;
  const i = n > 0 ? n - 1 : arr.length + n;
  if (i < 0 || i >= arr.length) return undefined;
  const v = arr[i];
  return typeof v === 'function' ? undefined : v;
}

const INTEGER_TEXT = /^-?[1-9][0-9]*$/;

/**
 * getKey returns `obj.key` by SEMANTICS §5: own properties of plain objects; on arrays, a key that is integer
 * text is a 1-based index; everything else (primitives, null, Dates, buffers, class instances) gives undefined.
 */
export function getKey(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  if (Array.isArray(obj)) return INTEGER_TEXT.test(key) ? arrayAt(obj, Number(key)) : undefined;
  return ownValue(obj, key);
}

/**
 * getIndex returns `obj[index]` by SEMANTICS §5: on arrays a 1-based (negative from the end) integer or integer
 * text; on objects the property named by a string or number index. Any other combination gives undefined.
 */
export function getIndex(obj: unknown, index: unknown): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  if (typeof index === 'number') {
    if (Array.isArray(obj)) return arrayAt(obj, index);
    return ownValue(obj, String(index));
  }
  if (typeof index === 'string') return getKey(obj, index);
  return undefined;
}

/** getFirst returns `obj[]`: the first element of an array, otherwise undefined. */
export function getFirst(obj: unknown): unknown {
  return Array.isArray(obj) ? arrayAt(obj, 1) : undefined;
}

/** setOwn returns obj after defining key as a plain own data property (`__proto__` included). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
  return obj;
}

/**
 * internalize returns the engine's canonical (internalized) copy of a string used as a property name. Names cut out
 * of template text, or made by toLowerCase(), are fresh strings: a keyed load or store with one fails the inline
 * cache's identity test and takes a slower path on every access. A property key of an object literal is
 * internalized, and Object.keys hands that copy back.
 */
export function internalize(name: string): string {
  return Object.keys({ [name]: 0 })[0] ?? name;
}
