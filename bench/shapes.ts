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
