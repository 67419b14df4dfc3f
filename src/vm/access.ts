// Member access for the VM (SEMANTICS §5): own properties of plain objects, 1-based indexes on arrays.
//
// Why this file looks the way it does: V8 keeps one inline cache per property-load site in the source. Had the VM
// one `v[key]` for every key of every template, that site would see every name and every object shape and go
// megamorphic (measured: ~20 ns per key, three builtin calls). So each property name is given one of SLOT_COUNT
// slots at compile time, and each slot has its own copy of the load (s0..s15). A slot that sees one name and a
// few shapes gets a fast, specialised cache, and once V8 knows the object's shape from that load it folds the
// prototype test too. The exact own-property test is then needed only when the value could be inherited, which
// `objectProto[key]` (a load V8 folds to a constant while Object.prototype is unchanged) tells.
//
// Two rules keep that folding alive (measured with V8's own code listings): the names must be internalized strings
// (runtime/value.ts, internalize), and no caller may wrap these loads in a try block. V8 inlines them into the VM loop; inlined
// inside a caller's try region, the prototype read stayed a call to the Object.getPrototypeOf builtin (~140
// machine instructions) even for one shape. So follow and rootOf have no try block, the VM loop has none around
// path loads, and each load catches its own exceptions.
//
// Exactness: results equal value.ts's getKey/getFirst. The one observable difference: the value is read before
// the prototype test, so a getter on an opaque object (a class instance's prototype getter, a Proxy trap) may run,
// its result discarded. A getter that throws there is caught and the exact path decides.

import { arrayAt } from '../runtime/value.js';
import type { Limits } from '../source/limits.js';
import { binary } from './binary.js';
import { positioned } from './located.js';
import type { Bytecode, PathSite, PathSpec } from './program.js';

const hasOwn = Object.prototype.hasOwnProperty;
const getPrototypeOf = Object.getPrototypeOf;
const objectProto = Object.prototype as unknown as Record<string, unknown>;

type Rec = Record<string, unknown>;

/** SLOT_COUNT represents how many separate property-load sites the VM spreads property names over. */
export const SLOT_COUNT = 16;

/** EXACT represents the slot of names that Object.prototype defines (`constructor`, `__proto__`...): exact path. */
export const EXACT = -1;

/**
 * failure holds what a read threw: a getter or Proxy trap of the embedder's data (webhook data, parsed JSON, has
 * none). The read gives undefined and evalPaths, which knows the path's span, checks `failed` once per path and
 * throws it positioned. Leaving a mark, not throwing, keeps the loads out of any try block, and one check per path
 * measured free where a check per key cost ~3 ns a run.
 */
let failure: unknown;
/** failed tells that `failure` holds an exception (a getter may throw undefined). */
let failed = false;

/**
 * proven holds the last root object (the value of a path's root variable) that a read of this run proved plain,
 * so that a later instruction reading from it again (`item.first + upper(item.last)`) skips the prototype test:
 * with many shapes that test is a call of the Object.getPrototypeOf builtin (~7 ns). Only runs on the loop set it
 * (evalPaths' `remember`): a one-instruction program has nothing to share, and the store is not free. The VM
 * clears it when such a run starts and ends (no proof outlives its run, no data is kept) and after a custom
 * function, which could change a prototype. A getter in the embedder's data could too, in the middle of a read;
 * then a later read of that root may trust the earlier proof where the reference would test again. Webhook data
 * (parsed JSON) has no getters, and the embedder's own getter could as well return the value itself.
 */
let proven: object | null = null;

/** forgetProven clears `proven` (see there). */
export function forgetProven(): void {
  proven = null;
}

/** exactOwn returns getKey's value for a non-array object: an own property of a plain object, else undefined. */
function exactOwn(v: object, key: string): unknown {
  try {
    const proto = getPrototypeOf(v);
    if ((proto !== objectProto && proto !== null) || !hasOwn.call(v, key)) return undefined;
    return (v as Rec)[key];
  } catch (e) {
    failure = e;
    failed = true;
    return undefined;
  }
}

/** contextOwn returns the context's own property `name` (a context need not be plain); see failure. */
function contextOwn(context: object, name: string): unknown {
  try {
    return hasOwn.call(context, name) ? (context as Rec)[name] : undefined;
  } catch (e) {
    failure = e;
    failed = true;
    return undefined;
  }
}

/** elementAt returns arrayAt's element; see failure (an accessor or a Proxy of an array may throw). */
function elementAt(a: unknown[], n: number): unknown {
  try {
    return arrayAt(a, n);
  } catch (e) {
    failure = e;
    failed = true;
    return undefined;
  }
}

/** readError returns the exception a read left in `failure`, positioned at path n of the site. */
function readError(site: PathSite, bc: Bytecode, n: number): unknown {
  const e = failure;
  failure = undefined;
  failed = false;
  return positioned(e, bc, site.spans[2 * n] as number, site.spans[2 * n + 1] as number);
}

// One copy per slot, each with its own inline caches (see the file comment). The whole test is written out in
// each copy on purpose: V8 folds the prototype read only when it sits in the same function as the property load
// (measured: with a shared helper that V8 did not inline, a one-key path took 41 ns instead of 28 ns).
// `x !== objectProto[k]` proves x is own (an inherited value would be that very value); only an equal value needs
// hasOwnProperty. `known` skips the prototype test for an object already known to be plain (the VM's cached
// root). Class instances and other opaque objects read as undefined; a getter that throws there defers to the
// exact test.
function s0(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s1(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s2(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s3(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s4(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s5(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s6(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s7(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s8(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s9(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s10(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s11(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s12(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s13(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s14(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s15(v: Rec, k: string, known: boolean): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    if (!known) {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype) return proto === null ? x : undefined;
    }
    return x !== (Object.prototype as Rec)[k] || Object.hasOwn(v, k) ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}

/** MAX_REMEMBERED represents how many names get slots in order of first use; later names are hashed. */
const MAX_REMEMBERED = 4096;
const slots = new Map<string, number>();

/**
 * slotFor returns the load slot of a property name: EXACT for names Object.prototype defines, else the next slot
 * in order of first use (so the names of a small set of hot templates get separate sites), else a hash.
 */
export function slotFor(name: string): number {
  if (name in objectProto) return EXACT;
  const known = slots.get(name);
  if (known !== undefined) return known;
  if (slots.size >= MAX_REMEMBERED) {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
    return (h >>> 0) % SLOT_COUNT;
  }
  const slot = slots.size % SLOT_COUNT;
  slots.set(name, slot);
  return slot;
}

/** FROM_CONTEXT represents the start of a path read from the context (its root variable), not from a value. */
export const FROM_CONTEXT: unknown = Object.freeze({});

/**
 * evalPaths returns the value of a path instruction: its one path, or its paths joined by `&&` / `||` (the
 * first that decides, else the last), each a path load (getKey for a name, getFirst for null, never a function)
 * with PathK's operator applied to it. A path starts from `start`, or from the context's own property of its root
 * name when start is FROM_CONTEXT (SEMANTICS §4; the caller has dealt with built-in variables). A root shared by
 * consecutive paths is looked up once, and once a read from it found a value (so it is plain), the next reads
 * from it skip the prototype test. An operator's error is positioned at its path's span.
 *
 * Every read goes through a switch whose direct calls V8 inlines here: a call through a function value would see
 * every slot's function, and V8 inlines none. The switches (here and in evalPath) are written out, not one shared
 * `readSlot(slot, ...)` helper: that helper measured W1 0.55x -> 0.42x of JS at one shape, 0.44x -> 0.39x at 16
 * (V8's inlining budget no longer reached the loads). The function is too big for V8 to inline into its
 * callers, so it is optimized once, with its own inlining budget, and called: inlined into the VM loop, the loop's
 * budget ran out before the loads, and a load inlined in a caller's try block loses its prototype folding.
 */
export function evalPaths(
  site: PathSite,
  bc: Bytecode,
  context: object,
  start: unknown,
  limits: Limits,
  remember: boolean,
): unknown {
  const paths = site.paths;
  const last = paths.length - 1;
  // The root of the previous path, its value, and whether a read from it found a value (so it is plain).
  let rootName = '';
  let root: unknown;
  let rootPlain = false;
  let v: unknown;
  for (let n = 0; n <= last; n++) {
    const p = paths[n] as PathSpec;
    // Whether v starts as the root's value (its first read may then skip the prototype test, or prove it plain).
    let atRoot = true;
    if (start !== FROM_CONTEXT) {
      v = start;
      atRoot = false;
    } else if (p.root === rootName) v = root;
    else {
      const name = p.root;
      switch (p.rootSlot) {
        case 0:
          v = s0(context as Rec, name, false);
          break;
        case 1:
          v = s1(context as Rec, name, false);
          break;
        case 2:
          v = s2(context as Rec, name, false);
          break;
        case 3:
          v = s3(context as Rec, name, false);
          break;
        case 4:
          v = s4(context as Rec, name, false);
          break;
        case 5:
          v = s5(context as Rec, name, false);
          break;
        case 6:
          v = s6(context as Rec, name, false);
          break;
        case 7:
          v = s7(context as Rec, name, false);
          break;
        case 8:
          v = s8(context as Rec, name, false);
          break;
        case 9:
          v = s9(context as Rec, name, false);
          break;
        case 10:
          v = s10(context as Rec, name, false);
          break;
        case 11:
          v = s11(context as Rec, name, false);
          break;
        case 12:
          v = s12(context as Rec, name, false);
          break;
        case 13:
          v = s13(context as Rec, name, false);
          break;
        case 14:
          v = s14(context as Rec, name, false);
          break;
        case 15:
          v = s15(context as Rec, name, false);
          break;
        default:
          v = exactOwn(context, name);
      }
      // A root the fast read did not find may still be an own property of a context that is not plain.
      if (v === undefined) v = contextOwn(context, name);
      rootName = name;
      root = v;
      rootPlain = false;
    }
    const keys = p.keys;
    const count = keys.length;
    // The first key is read apart: only its object can be the root, proven already (rootPlain, proven). Its switch
    // repeats the loop's on purpose (see evalPath). Measured: W2 +6% (16 shapes) to +9% (1 shape).
    if (count > 0) {
      if (typeof v !== 'object' || v === null) v = undefined;
      else if (Array.isArray(v)) v = elementAt(v, p.nums[0] as number);
      else {
        const key = keys[0] as string | null;
        if (key === null) v = undefined;
        else {
          const o = v as Rec;
          const known = atRoot && (rootPlain || o === proven);
          switch (p.slots[0]) {
            case 0:
              v = s0(o, key, known);
              break;
            case 1:
              v = s1(o, key, known);
              break;
            case 2:
              v = s2(o, key, known);
              break;
            case 3:
              v = s3(o, key, known);
              break;
            case 4:
              v = s4(o, key, known);
              break;
            case 5:
              v = s5(o, key, known);
              break;
            case 6:
              v = s6(o, key, known);
              break;
            case 7:
              v = s7(o, key, known);
              break;
            case 8:
              v = s8(o, key, known);
              break;
            case 9:
              v = s9(o, key, known);
              break;
            case 10:
              v = s10(o, key, known);
              break;
            case 11:
              v = s11(o, key, known);
              break;
            case 12:
              v = s12(o, key, known);
              break;
            case 13:
              v = s13(o, key, known);
              break;
            case 14:
              v = s14(o, key, known);
              break;
            case 15:
              v = s15(o, key, known);
              break;
            default:
              v = exactOwn(o, key);
          }
          if (atRoot && v !== undefined) {
            rootPlain = true;
            if (remember && !known) proven = o;
          }
        }
      }
    }
    for (let i = 1; i < count; i++) {
      if (typeof v !== 'object' || v === null) {
        v = undefined;
        break;
      }
      if (Array.isArray(v)) {
        v = elementAt(v, p.nums[i] as number);
        continue;
      }
      const key = keys[i] as string | null;
      if (key === null) {
        v = undefined;
        break;
      }
      const o = v as Rec;
      switch (p.slots[i]) {
        case 0:
          v = s0(o, key, false);
          break;
        case 1:
          v = s1(o, key, false);
          break;
        case 2:
          v = s2(o, key, false);
          break;
        case 3:
          v = s3(o, key, false);
          break;
        case 4:
          v = s4(o, key, false);
          break;
        case 5:
          v = s5(o, key, false);
          break;
        case 6:
          v = s6(o, key, false);
          break;
        case 7:
          v = s7(o, key, false);
          break;
        case 8:
          v = s8(o, key, false);
          break;
        case 9:
          v = s9(o, key, false);
          break;
        case 10:
          v = s10(o, key, false);
          break;
        case 11:
          v = s11(o, key, false);
          break;
        case 12:
          v = s12(o, key, false);
          break;
        case 13:
          v = s13(o, key, false);
          break;
        case 14:
          v = s14(o, key, false);
          break;
        case 15:
          v = s15(o, key, false);
          break;
        default:
          v = exactOwn(o, key);
      }
    }
    if (failed) throw readError(site, bc, n);
    if (typeof v === 'function') v = undefined;
    if (p.op >= 0) {
      try {
        v = binary(p.op, v, p.k, limits);
      } catch (e) {
        throw positioned(e, bc, site.spans[2 * n] as number, site.spans[2 * n + 1] as number);
      }
    }
    if (n < last && (site.and ? !v : v)) return v;
  }
  return v;
}

/**
 * evalPath returns the value of a one-path program without an operator (Form.Path: `{{body.user.name}}`), as
 * evalPaths would: the same reads, without the bookkeeping of several paths, shared roots and operators, which
 * measured ~10% of such a run. Like evalPaths it is kept out of its caller's try block. Its two switches repeat
 * evalPaths' on purpose: the slot calls must be written out where V8 is to inline them (see evalPaths).
 */
export function evalPath(site: PathSite, bc: Bytecode, context: object): unknown {
  const p = site.paths[0] as PathSpec;
  const name = p.root;
  let v: unknown;
  switch (p.rootSlot) {
    case 0:
      v = s0(context as Rec, name, false);
      break;
    case 1:
      v = s1(context as Rec, name, false);
      break;
    case 2:
      v = s2(context as Rec, name, false);
      break;
    case 3:
      v = s3(context as Rec, name, false);
      break;
    case 4:
      v = s4(context as Rec, name, false);
      break;
    case 5:
      v = s5(context as Rec, name, false);
      break;
    case 6:
      v = s6(context as Rec, name, false);
      break;
    case 7:
      v = s7(context as Rec, name, false);
      break;
    case 8:
      v = s8(context as Rec, name, false);
      break;
    case 9:
      v = s9(context as Rec, name, false);
      break;
    case 10:
      v = s10(context as Rec, name, false);
      break;
    case 11:
      v = s11(context as Rec, name, false);
      break;
    case 12:
      v = s12(context as Rec, name, false);
      break;
    case 13:
      v = s13(context as Rec, name, false);
      break;
    case 14:
      v = s14(context as Rec, name, false);
      break;
    case 15:
      v = s15(context as Rec, name, false);
      break;
    default:
      v = exactOwn(context, name);
  }
  if (v === undefined) v = contextOwn(context, name);
  const keys = p.keys;
  for (let i = 0; i < keys.length; i++) {
    if (typeof v !== 'object' || v === null) {
      v = undefined;
      break;
    }
    if (Array.isArray(v)) {
      v = elementAt(v, p.nums[i] as number);
      continue;
    }
    const key = keys[i] as string | null;
    if (key === null) {
      v = undefined;
      break;
    }
    const o = v as Rec;
    switch (p.slots[i]) {
      case 0:
        v = s0(o, key, false);
        break;
      case 1:
        v = s1(o, key, false);
        break;
      case 2:
        v = s2(o, key, false);
        break;
      case 3:
        v = s3(o, key, false);
        break;
      case 4:
        v = s4(o, key, false);
        break;
      case 5:
        v = s5(o, key, false);
        break;
      case 6:
        v = s6(o, key, false);
        break;
      case 7:
        v = s7(o, key, false);
        break;
      case 8:
        v = s8(o, key, false);
        break;
      case 9:
        v = s9(o, key, false);
        break;
      case 10:
        v = s10(o, key, false);
        break;
      case 11:
        v = s11(o, key, false);
        break;
      case 12:
        v = s12(o, key, false);
        break;
      case 13:
        v = s13(o, key, false);
        break;
      case 14:
        v = s14(o, key, false);
        break;
      case 15:
        v = s15(o, key, false);
        break;
      default:
        v = exactOwn(o, key);
    }
  }
  if (failed) throw readError(site, bc, 0);
  return typeof v === 'function' ? undefined : v;
}
