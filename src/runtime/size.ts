// Pre-checks for functions that could build a huge intermediate result: they fail with the same `runtime/limit`
// message as the evaluator's guardSize, before the work (and the memory) is spent.
import type { Limits } from '../source/limits.js';
import { limitError } from './errors.js';

/** ensureTextLength returns n after checking that a text of n UTF-16 units is within limits.maxStringLength. */
export function ensureTextLength(n: number, limits: Limits): number {
  if (n > limits.maxStringLength) {
    throw limitError(`Text of ${n} characters is over the limit of ${limits.maxStringLength} (limits.maxStringLength)`);
  }
  return n;
}

/** ensureArrayLength returns n after checking that an array of n elements is within limits.maxArrayLength. */
export function ensureArrayLength(n: number, limits: Limits): number {
  if (n > limits.maxArrayLength) {
    throw limitError(`Array of ${n} elements is over the limit of ${limits.maxArrayLength} (limits.maxArrayLength)`);
  }
  return n;
}
