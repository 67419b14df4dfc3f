import { render } from '../render.js';
import { type Builtin, strict } from './registry.js';

/** lengthOf returns `length(value)`: text length, element count, byte count, own key count, or 0 for absent. */
function lengthOf(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length;
  return render(value).length;
}

/** stringBuiltins represents FUNCTIONS.md §2. */
export const stringBuiltins: Builtin[] = [
  strict('length', 1, 1, (_ctx, v) => lengthOf(v)),
  strict('lower', 1, 1, (_ctx, v) => render(v).toLowerCase()),
  strict('upper', 1, 1, (_ctx, v) => render(v).toUpperCase()),
];
