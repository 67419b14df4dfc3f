// Test data with a chosen number of object shapes (V8 hidden classes). With one shape every property access is
// monomorphic; with 16 shapes, inline caches in both the VM and the hand-written baseline go megamorphic.

/** SHAPE_COUNTS represents the shape counts every workload runs with. */
export const SHAPE_COUNTS = [1, 16] as const;

/** PADDING represents the extra keys that give otherwise equal objects different shapes. */
const PADDING = ['p0', 'p1', 'p2', 'p3'];

/**
 * shaped returns a copy of `fields` built with shape number `s` of `shapes`: shape s adds, before the real fields,
 * the padding keys of the bits of s (so 16 shapes use every subset of 4 padding keys).
 */
export function shaped(fields: Record<string, unknown>, s: number, shapes: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const k = s % shapes;
  PADDING.forEach((p, bit) => {
    if (k & (1 << bit)) out[p] = bit;
  });
  for (const key of Object.keys(fields)) out[key] = fields[key];
  return out;
}

/** ROTATION represents how many prepared contexts a workload cycles through (a multiple of every shape count). */
export const ROTATION = 64;

/**
 * deepShaped returns a copy of a JSON value in which every object is built with shape `s` of `shapes` (arrays keep
 * their elements in order): a recorded webhook payload turned into one of `shapes` hidden-class variants.
 */
export function deepShaped(value: unknown, s: number, shapes: number): unknown {
  if (Array.isArray(value)) return value.map((v) => deepShaped(v, s, shapes));
  if (typeof value !== 'object' || value === null) return value;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) fields[k] = deepShaped(v, s, shapes);
  return shaped(fields, s, shapes);
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * settled returns a copy of JSON data whose objects all sit on V8's final hidden classes. JSON.parse (and any
 * builder) leaves early objects on maps that later objects deprecate (a field first seen as an integer, later as a
 * double or null); the first engine to touch such an object migrates it, so engines timed later would see different
 * objects than the first. The first copy generalizes every field, the second is built on the final maps only.
 */
export function settled<T>(value: T): T {
  copy(value);
  return copy(value) as T;
}
