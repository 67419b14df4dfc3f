import fc from 'fast-check';
import type { RunOptions } from '../options.js';
import type { ImlValue } from '../runtime/value.js';
import { imlContext, imlTemplate } from './arbitraries.js';

/** Engine represents an IML implementation under test: compile and run one template in one context. */
export type Engine = (template: ImlValue, context: Record<string, unknown>, options?: RunOptions) => unknown;

/** DifferentialOptions represents what the differential property generates and how it runs both engines. */
export interface DifferentialOptions {
  /** IML values to evaluate (default imlTemplate()). */
  templates?: fc.Arbitrary<unknown>;
  /** Contexts to evaluate them in (default imlContext()). */
  contexts?: fc.Arbitrary<Record<string, unknown>>;
  /** Run options given to both engines (default: a fixed `now`, so clock variables agree). */
  runOptions?: RunOptions;
}

/** Outcome represents what one engine did: returned a value, or threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** outcome returns the Outcome of running an engine. */
export function outcome(engine: Engine, template: unknown, context: Record<string, unknown>, options?: RunOptions) {
  try {
    return { ok: true, value: engine(template as ImlValue, context, options) } as Outcome;
  } catch (error) {
    return { ok: false, error } as Outcome;
  }
}

/** isImlErrorLike returns whether a thrown value is an ImlError (also one from another copy of the library). */
function isImlErrorLike(e: unknown): e is { code: string; offset?: number; message: string } {
  return e instanceof Error && e.name === 'ImlError' && typeof (e as { code?: unknown }).code === 'string';
}

const MAX_COMPARE_DEPTH = 10_000;

/**
 * sameValue returns whether two results are equal: primitives by Object.is (NaN equals NaN, 0 and -0 differ),
 * Dates by time, buffers by bytes, arrays element by element, plain objects by own keys in order and values;
 * any other object only to itself. Cycles and very deep values compare as equal once seen.
 */
export function sameValue(a: unknown, b: unknown, depth = 0, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > MAX_COMPARE_DEPTH || seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i], depth + 1, seen));
  }
  const pa = Object.getPrototypeOf(a);
  const pb = Object.getPrototypeOf(b);
  const plain = (p: unknown) => p === Object.prototype || p === null;
  if (!plain(pa) || !plain(pb)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1, seen),
  );
}

/**
 * sameOutcome returns undefined when two outcomes agree (equal values, or ImlErrors with the same code and
 * offset), else a description of the difference. Any other exception is a failure of the engine that threw it.
 */
export function sameOutcome(a: Outcome, b: Outcome): string | undefined {
  for (const [name, o] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!o.ok && !isImlErrorLike(o.error)) return `engine ${name} threw a non-ImlError: ${String(o.error)}`;
  }
  if (a.ok && b.ok) return sameValue(a.value, b.value) ? undefined : 'the engines returned different values';
  if (!a.ok && !b.ok) {
    const ea = a.error as { code: string; offset?: number };
    const eb = b.error as { code: string; offset?: number };
    if (ea.code === eb.code && ea.offset === eb.offset) return undefined;
    return `different errors: ${ea.code} at ${ea.offset} vs ${eb.code} at ${eb.offset}`;
  }
  return a.ok ? 'engine b threw, engine a returned a value' : 'engine a threw, engine b returned a value';
}

/**
 * differential returns a fast-check property that runs two engines on generated (template, context) pairs and
 * requires the same outcome: equal values, or ImlErrors with the same code and offset.
 * @example
 * fc.assert(differential((t, c, o) => compile(t).run(c, o), (t, c, o) => other(t, c, o)), { numRuns: 1000 });
 */
export function differential(
  a: Engine,
  b: Engine,
  options: DifferentialOptions = {},
): fc.IProperty<[unknown, Record<string, unknown>]> {
  const runOptions = options.runOptions ?? { now: new Date('2024-05-06T07:08:09.123Z') };
  return fc.property(options.templates ?? imlTemplate(), options.contexts ?? imlContext(), (template, context) => {
    const diff = sameOutcome(outcome(a, template, context, runOptions), outcome(b, template, context, runOptions));
    if (diff !== undefined) throw new Error(diff);
  });
}
