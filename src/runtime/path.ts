import { arrayAt, ownValue } from './value.js';

const INTEGER_TEXT = /^-?[0-9]+$/;

function applySegment(value: unknown, segment: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return INTEGER_TEXT.test(segment) ? arrayAt(value, Number(segment)) : undefined;
  return ownValue(value, segment);
}

/**
 * applyPath returns the value at a **path** (FUNCTIONS.md §0.2): a number is a 1-based array index (negative from
 * the end) or a property name; text is first one whole own key, else split at `.` with each segment applied in
 * turn (integer segments index arrays 1-based). Anything else, and every inherited member, gives undefined.
 */
export function applyPath(value: unknown, path: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (typeof path === 'number') {
    return Array.isArray(value) ? arrayAt(value, path) : ownValue(value, String(path));
  }
  if (typeof path !== 'string') return undefined;
  if (!Array.isArray(value)) {
    const whole = ownValue(value, path);
    if (whole !== undefined || !path.includes('.')) return whole;
  }
  let cur: unknown = value;
  let from = 0;
  for (;;) {
    const dot = path.indexOf('.', from);
    cur = applySegment(cur, dot === -1 ? path.slice(from) : path.slice(from, dot));
    if (dot === -1 || cur === undefined) return cur;
    from = dot + 1;
  }
}
