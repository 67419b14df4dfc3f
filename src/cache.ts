import type { CompileOptions } from './options.js';
import { DEFAULT_LIMITS } from './source/limits.js';

/** Entry represents one cached value and its recently-used bit. */
interface Entry<V> {
  value: V;
  used: boolean;
}

/**
 * LruCache represents a bounded cache with CLOCK ("second chance") eviction, an approximation of LRU whose hit
 * costs one Map lookup and one store: a hit only sets the entry's used bit; when the cache is full, the oldest
 * entry without the bit is evicted and entries with it are moved to the back with the bit cleared.
 */
export class LruCache<V> {
  private readonly map = new Map<string, Entry<V>>();

  constructor(private max: number) {}

  /** get returns the cached value for a key, or undefined. */
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    e.used = true;
    return e.value;
  }

  /** set returns the value after caching it, evicting an entry when the cache is full. */
  set(key: string, value: V): V {
    if (this.max <= 0) return value;
    if (!this.map.has(key)) this.evict(this.max - 1);
    this.map.set(key, { value, used: false });
    return value;
  }

  /** size returns the number of cached entries. */
  get size(): number {
    return this.map.size;
  }

  /** capacity returns the most entries kept. */
  get capacity(): number {
    return this.max;
  }

  /** resize changes the most entries kept (0 disables caching), evicting what no longer fits. */
  resize(max: number): void {
    this.max = Math.max(0, Math.floor(max));
    this.evict(this.max);
  }

  /** clear drops every entry. */
  clear(): void {
    this.map.clear();
  }

  /** evict drops entries until at most `keep` remain. */
  private evict(keep: number): void {
    while (this.map.size > keep) {
      for (const [key, e] of this.map) {
        this.map.delete(key);
        if (!e.used) break;
        e.used = false;
        this.map.set(key, e);
      }
    }
  }
}

const functionIds = new WeakMap<object, number>();
let nextFunctionId = 1;

/** functionId returns a stable number for a function object (the cache keys custom functions by identity). */
function functionId(fn: unknown): number {
  if (typeof fn !== 'function') return 0;
  let id = functionIds.get(fn);
  if (id === undefined) {
    id = nextFunctionId++;
    functionIds.set(fn, id);
  }
  return id;
}

/** isDefaultCompile returns whether options leave every program-changing compile option at its default. */
export function isDefaultCompile(options: CompileOptions | undefined): boolean {
  return (
    options === undefined ||
    (options.functions === undefined &&
      options.limits === undefined &&
      !options.strictEquality &&
      options.optimize !== false &&
      !options.overrideBuiltins)
  );
}

/**
 * optionsKey returns the part of a cache key that stands for the compile options which change a program:
 * strictEquality, optimize, overrideBuiltins, the limits, and the custom functions (names and identities).
 */
export function optionsKey(options: CompileOptions): string {
  let key = `${options.strictEquality ? 1 : 0}${options.optimize === false ? 0 : 1}${options.overrideBuiltins ? 1 : 0}`;
  const limits = options.limits;
  if (limits) for (const k of Object.keys(DEFAULT_LIMITS)) key += `,${String(limits[k as keyof typeof limits])}`;
  const fns = options.functions;
  if (fns) for (const name of Object.keys(fns)) key += `;${JSON.stringify(name)}=${functionId(fns[name])}`;
  return key;
}

const MAX_KEY_DEPTH = 64;

/**
 * valueKey returns an exact text for a JSON-shaped IML value (undefined, NaN, -0 and key order kept apart), or
 * undefined when the value holds anything else (or nests too deep): such values are compiled without caching.
 */
export function valueKey(v: unknown, depth = 0): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object': {
      if (v === null) return 'n';
      if (depth >= MAX_KEY_DEPTH) return undefined;
      const parts: string[] = [];
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return undefined;
          const k = valueKey(v[i], depth + 1);
          if (k === undefined) return undefined;
          parts.push(k);
        }
        return `[${parts.join(',')}]`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return undefined;
      for (const key of Object.keys(v)) {
        const k = valueKey((v as Record<string, unknown>)[key], depth + 1);
        if (k === undefined) return undefined;
        parts.push(`${JSON.stringify(key)}:${k}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}
