// The correctness gate of the benchmark: before a row is timed, every case must produce the baseline's results on
// every input of the row (and on the suite's extra check inputs), and the baseline must produce the examples'
// expected results. A peer that computes something else would otherwise "win" by doing less.
import { isDeepStrictEqual } from 'node:util';
import type { Case, Suite } from './suites/types.js';

/** normalized returns a result as JSON data (what a webhook delivers): undefined keys dropped, Dates as text. */
export function normalized(v: unknown): unknown {
  // A BigInt (cel-js integers) makes JSON.stringify throw: a peer must return plain JS numbers, as the others do.
  const text = JSON.stringify(v);
  return text === undefined ? undefined : JSON.parse(text);
}

/** resultsOf returns a case's check results on inputs, each awaited. */
export async function resultsOf(c: Case, inputs: readonly unknown[]): Promise<unknown[]> {
  const timed = c.prepare();
  const out: unknown[] = [];
  for (const input of inputs) out.push(normalized(await (c.check ? c.check(timed, input) : timed(input))));
  return out;
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** closeNumbers returns whether two numbers agree to 12 significant digits (decimal vs binary arithmetic). */
function closeNumbers(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * firstDifference returns where two JSON values differ first ("$.bundles[0].output.amount: 25.99 vs 26"), or
 * undefined; with `approx`, numbers only have to agree to 12 significant digits.
 */
export function firstDifference(a: unknown, b: unknown, approx = false, path = '$'): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (approx && typeof a === 'number' && typeof b === 'number' && closeNumbers(a, b)) return undefined;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Array.isArray(a) !== Array.isArray(b)) return `${path}: ${describe(a)} vs ${describe(b)}`;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const sub = Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`;
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], approx, sub);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: ${describe(a)} vs ${describe(b)}`;
}

/** checkInputs returns every input a row's check runs: the timed inputs, then the suite's extra ones. */
export function checkInputs(suite: Suite, shapes: number): unknown[] {
  return [...new Set([...suite.inputs(shapes), ...(suite.checkInputs?.() ?? [])])];
}

/**
 * verify resolves when every case of a suite's row equals the baseline on every check input (and the baseline
 * equals the expected results); it rejects with the first difference of each failing case otherwise.
 */
export async function verify(suite: Suite, shapes: number): Promise<void> {
  const problems: string[] = [];
  for (const { input, want } of suite.expected?.() ?? []) {
    const [got] = await resultsOf(suite.baseline, [input]);
    const d = firstDifference(got, normalized(want));
    if (d) problems.push(`baseline vs expected result: ${d}`);
  }
  const inputs = checkInputs(suite, shapes);
  const base = await resultsOf(suite.baseline, inputs);
  for (const c of suite.cases) {
    let got: unknown[];
    try {
      got = await resultsOf(c, inputs);
    } catch (e) {
      problems.push(`${c.engine}: threw ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    for (let i = 0; i < inputs.length; i++) {
      const d = firstDifference(got[i], base[i], suite.approxNumbers !== undefined);
      if (d) {
        problems.push(`${c.engine} vs js on check input ${i}: ${d}`);
        break;
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${suite.name} (${shapes} shape${shapes > 1 ? 's' : ''}): results differ\n  ${problems.join('\n  ')}`,
    );
  }
}
