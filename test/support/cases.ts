// Table-driven conformance cases (STYLE.md rule 9). Every case runs three ways — the reference interpreter,
// compile() with optimize: false and compile() with optimize: true — and all three must give the expected result.
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile, ImlError, type RunOptions } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';

/** ValueCase represents a template, its context and the exact expected value. */
export interface ValueCase {
  src: unknown;
  env?: Record<string, unknown>;
  want: unknown;
  options?: CompileOptions & RunOptions;
  /** Test name; defaults to the source text. */
  name?: string;
}

/** ErrorCase represents a template that must fail with exactly this error. */
export interface ErrorCase {
  src: unknown;
  env?: Record<string, unknown>;
  error: { code: string; line?: number; column?: number; message?: string; path?: string };
  options?: CompileOptions & RunOptions;
  name?: string;
}

/** Case represents one conformance row. */
export type Case = ValueCase | ErrorCase;

/** Engine represents one of the three ways a case is run. */
export type Way = 'reference' | 'vm -O0' | 'vm -O1';

/** WAYS represents the three ways every case runs. */
export const WAYS: readonly Way[] = ['reference', 'vm -O0', 'vm -O1'];

/** runWay returns the result of a template run one way. */
export function runWay(
  way: Way,
  src: unknown,
  env: Record<string, unknown> = {},
  options: CompileOptions & RunOptions = {},
) {
  const program =
    way === 'reference' ? compileReference(src, options) : compile(src, { ...options, optimize: way === 'vm -O1' });
  return program.run(env, options);
}

/** caseName returns a readable test name for a case. */
export function caseName(c: Case): string {
  if (c.name) return c.name;
  const text = typeof c.src === 'string' ? c.src : JSON.stringify(c.src);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** catchError returns the ImlError a thunk throws (and fails the test when it returns or throws anything else). */
export function catchError(thunk: () => unknown): ImlError {
  let result: unknown;
  try {
    result = thunk();
  } catch (e) {
    if (e instanceof ImlError) return e;
    throw e;
  }
  throw new Error(`expected an ImlError, got the value ${String(result)}`);
}

/** expectCase asserts one case, one way. */
export function expectCase(c: Case, way: Way): void {
  if ('error' in c) {
    const err = catchError(() => runWay(way, c.src, c.env, c.options));
    const { code, line, column, message, path } = c.error;
    expect(err.code).toBe(code);
    if (line !== undefined) expect(err.line).toBe(line);
    if (column !== undefined) expect(err.column).toBe(column);
    if (message !== undefined) expect(err.message).toBe(message);
    if (path !== undefined) expect(err.path).toBe(path);
  } else {
    expect(runWay(way, c.src, c.env, c.options)).toStrictEqual(c.want);
  }
}

/** runCases registers a describe block whose every case is checked the three ways. */
export function runCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const way of WAYS) {
      describe(way, () => {
        for (const c of cases) it(caseName(c), () => expectCase(c, way));
      });
    }
  });
}
