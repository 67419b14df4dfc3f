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
// Exactness: results equal value.ts's getKey/getFirst. The one observable difference: the value is read before
// the prototype test, so a getter on an opaque object (a class instance's prototype getter, a Proxy trap) may run,
// its result discarded. A getter that throws there is caught and the exact path decides.

import { arrayAt } from '../runtime/value.js';

const hasOwn = Object.prototype.hasOwnProperty;
const getPrototypeOf = Object.getPrototypeOf;
const objectProto = Object.prototype as unknown as Record<string, unknown>;

type Rec = Record<string, unknown>;

/** SLOT_COUNT represents how many separate property-load sites the VM spreads property names over. */
export const SLOT_COUNT = 16;

/** EXACT represents the slot of names that Object.prototype defines (`constructor`, `__proto__`...): exact path. */
export const EXACT = -1;

/** exactOwn returns getKey's value for a non-array object: an own property of a plain object, else undefined. */
function exactOwn(v: object, key: string): unknown {
  const proto = getPrototypeOf(v);
  if ((proto !== objectProto && proto !== null) || !hasOwn.call(v, key)) return undefined;
  return (v as Rec)[key];
}

// One copy per slot, each with its own inline caches (see the file comment). The whole test is written out in
// each copy on purpose: V8 folds the prototype read only when it sits in the same function as the property load
// (measured: with a shared helper that V8 did not inline, a one-key path took 41 ns instead of 28 ns).
// `x !== objectProto[k]` proves x is own (an inherited value would be that very value); only an equal value needs
// hasOwnProperty. Class instances and other opaque objects read as undefined; a getter that throws there defers
// to the exact test.
function s0(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s1(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s2(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s3(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s4(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s5(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s6(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s7(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s8(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s9(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s10(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s11(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s12(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s13(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s14(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}
function s15(v: Rec, k: string): unknown {
  try {
    const x = v[k];
    if (x === undefined) return x;
    const proto = getPrototypeOf(v);
    if (proto === objectProto) return x !== objectProto[k] || hasOwn.call(v, k) ? x : undefined;
    return proto === null ? x : undefined;
  } catch {
    return exactOwn(v, k);
  }
}

/** ownKey returns getKey(v, key) for a non-array object through the load site of `slot`. */
export function ownKey(slot: number, v: object, key: string): unknown {
  const o = v as Rec;
  switch (slot) {
    case 0:
      return s0(o, key);
    case 1:
      return s1(o, key);
    case 2:
      return s2(o, key);
    case 3:
      return s3(o, key);
    case 4:
      return s4(o, key);
    case 5:
      return s5(o, key);
    case 6:
      return s6(o, key);
    case 7:
      return s7(o, key);
    case 8:
      return s8(o, key);
    case 9:
      return s9(o, key);
    case 10:
      return s10(o, key);
    case 11:
      return s11(o, key);
    case 12:
      return s12(o, key);
    case 13:
      return s13(o, key);
    case 14:
      return s14(o, key);
    case 15:
      return s15(o, key);
    default:
      return exactOwn(v, key);
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

/**
 * follow returns a value followed through a chain of member keys (getKey for a name, getFirst for null):
 * undefined as soon as a step finds nothing, and never a function.
 */
export function follow(
  start: unknown,
  keys: readonly (string | null)[],
  nums: readonly number[],
  keySlots: readonly number[],
): unknown {
  let v = start;
  for (let i = 0; i < keys.length; i++) {
    if (typeof v !== 'object' || v === null) return undefined;
    if (Array.isArray(v)) {
      v = arrayAt(v, nums[i] as number);
    } else {
      const key = keys[i] as string | null;
      if (key === null) return undefined;
      v = ownKey(keySlots[i] as number, v, key);
    }
  }
  return typeof v === 'function' ? undefined : v;
}
