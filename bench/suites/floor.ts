// One more hand-written baseline for W1 and W2, to show where the 16-shape targets of issue 3 (0.3x of `js`) sit.
// `js-keyed` follows IML's access rules exactly, as the VM does: a value is read from an object only when the
// object is plain (prototype Object.prototype or null; proved per object) and the value is its own (not inherited,
// also when Object.prototype is polluted). It has the property names as data, as any interpreter has them (they
// come from the template): keyed loads, through one reader per name so each keeps its own inline cache (the VM's
// slot functions do the same), and nothing else: no dispatch, no stack, no operand decoding, no error handling.
// It is the VM's own reads with the interpreter taken away: about the most an interpreter with these rules can
// reach, since it must do these reads and proofs and can only add to them.
//
// With 16 shapes every load is megamorphic, the per-object proof is a call of the Object.getPrototypeOf builtin,
// and keyed loads measured slower than the named loads of hand-written code, so even this floor sits near 0.3x on
// W1 there (docs/vm.md has the numbers).
import type { Fn } from '../engines.js';

type Rec = Record<string, unknown>;
const OP = Object.prototype as unknown as Rec;
const hasOwn = Object.hasOwn;

// js-keyed: readers r0..r2 are the same function three times over, so each call site below keeps its own cache.

function r0(v: Rec, k: string, known: boolean): unknown {
  const x = v[k];
  if (x === undefined) return x;
  if (!known) {
    const p = Object.getPrototypeOf(v);
    if (p !== OP) return p === null ? x : undefined;
  }
  return x !== OP[k] || hasOwn(v, k) ? x : undefined;
}
function r1(v: Rec, k: string, known: boolean): unknown {
  const x = v[k];
  if (x === undefined) return x;
  if (!known) {
    const p = Object.getPrototypeOf(v);
    if (p !== OP) return p === null ? x : undefined;
  }
  return x !== OP[k] || hasOwn(v, k) ? x : undefined;
}
function r2(v: Rec, k: string, known: boolean): unknown {
  const x = v[k];
  if (x === undefined) return x;
  if (!known) {
    const p = Object.getPrototypeOf(v);
    if (p !== OP) return p === null ? x : undefined;
  }
  return x !== OP[k] || hasOwn(v, k) ? x : undefined;
}

/** keyedW1 returns W1 from names given as data (`keys`: the root, then the path). */
function keyedW1(keys: readonly string[]): Fn {
  const [k0, k1, k2] = keys as [string, string, string];
  return (ctx) => {
    let v = r0(ctx, k0, false);
    if (v === undefined) v = hasOwn(ctx, k0) ? ctx[k0] : undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = r1(v as Rec, k1, false);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    return r2(v as Rec, k2, false);
  };
}

/** keyedW2 returns W2 from names given as data (`keys`: the root, then the two keys). */
function keyedW2(keys: readonly string[]): Fn {
  const [k0, k1, k2] = keys as [string, string, string];
  return (ctx) => {
    let body = r0(ctx, k0, false);
    if (body === undefined) body = hasOwn(ctx, k0) ? ctx[k0] : undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
    const id = r1(body as Rec, k1, false);
    if (!(typeof id === 'number' && id > 100)) return false;
    // The object is plain once a read from it found a value (as the VM's AndPaths knows).
    return r2(body as Rec, k2, id !== undefined) === 'active';
  };
}

/**
 * internal returns the engine's canonical copies of names, as a template's names are once compiled (a name cut
 * out of text would fail the caches' identity test).
 */
const internal = (names: string[]) => names.map((n) => Object.keys({ [n]: 0 })[0] as string);

/** FLOOR represents the js-keyed baseline of each workload that has one. */
export const FLOOR: Readonly<Record<string, () => Fn>> = {
  W1: () => keyedW1(internal(['body', 'user', 'name'])),
  W2: () => keyedW2(internal(['body', 'id', 'status'])),
};
