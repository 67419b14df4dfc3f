// Property stores of the VM's SetProp, with one store site per slot (see access.ts for why slots exist): building
// `{id, name, total}` then walks the same map transitions at the same three sites every run instead of one
// megamorphic site.

import { setOwn } from '../runtime/value.js';
import type { PropKey } from './program.js';

type Rec = Record<string, unknown>;

function w0(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w1(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w2(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w3(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w4(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w5(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w6(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w7(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w8(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w9(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w10(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w11(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w12(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w13(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w14(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}
function w15(o: Rec, k: string, v: unknown): void {
  o[k] = v;
}

/**
 * setKey sets a new own data property on a fresh plain object through the store site of the key's slot. Names
 * Object.prototype defines (EXACT) go through setOwn, which defines `__proto__` as plain data.
 */
export function setKey(o: Rec, p: PropKey, v: unknown): void {
  const k = p.key;
  switch (p.slot) {
    case 0:
      w0(o, k, v);
      return;
    case 1:
      w1(o, k, v);
      return;
    case 2:
      w2(o, k, v);
      return;
    case 3:
      w3(o, k, v);
      return;
    case 4:
      w4(o, k, v);
      return;
    case 5:
      w5(o, k, v);
      return;
    case 6:
      w6(o, k, v);
      return;
    case 7:
      w7(o, k, v);
      return;
    case 8:
      w8(o, k, v);
      return;
    case 9:
      w9(o, k, v);
      return;
    case 10:
      w10(o, k, v);
      return;
    case 11:
      w11(o, k, v);
      return;
    case 12:
      w12(o, k, v);
      return;
    case 13:
      w13(o, k, v);
      return;
    case 14:
      w14(o, k, v);
      return;
    case 15:
      w15(o, k, v);
      return;
    default:
      setOwn(o, k, v);
  }
}
