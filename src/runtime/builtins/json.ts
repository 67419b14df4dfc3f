// FUNCTIONS.md §6: parseJSON, createJSON and isArray.
import { isAbsent } from '../convert.js';
import { typeError } from '../errors.js';
import { binaryText, jsonText } from '../render.js';
import { type Builtin, strict } from './registry.js';

/**
 * parseJSON returns the value of JSON text (a buffer is decoded as UTF-8 first). Absent input gives undefined;
 * a value that is not text is already parsed and passes through. V8's JSON.parse is iterative, so any nesting
 * finishes, and it defines keys such as `__proto__` as plain own data.
 */
function parseJSON(value: unknown): unknown {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) return value;
  const s = value instanceof Uint8Array ? binaryText(value) : value;
  if (s.trim() === '') return undefined;
  try {
    return JSON.parse(s);
  } catch (e) {
    throw typeError(`parseJSON() got invalid JSON: ${(e as Error).message}`);
  }
}

/** jsonBuiltins represents FUNCTIONS.md §6. */
export const jsonBuiltins: Builtin[] = [
  strict('parseJSON', 1, 1, (_ctx, v) => parseJSON(v)),
  strict('createJSON', 1, 1, (_ctx, v) => jsonText(v)),
  strict('isArray', 1, 1, (_ctx, v) => Array.isArray(v)),
];
