import type { CompileOptions, Program, RunOptions } from './options.js';
import { compileReference } from './reference/program.js';

export type { CompileOptions, FunctionThis, ImlValue, Limits, Program, RunOptions } from './options.js';
export { ImlError } from './source/error.js';

/**
 * compile returns a Program for any IML value: a template string, or an object/array whose string leaves are
 * templates. Syntax and function errors are thrown here as ImlError.
 * @example
 * const p = compile('Hello {{upper(body.name)}}');
 * p.run({ body: { name: 'Ann' } }); // "Hello ANN"
 */
export function compile(template: unknown, options: CompileOptions = {}): Program {
  return compileReference(template, options);
}

/**
 * evaluate returns the value of an IML value in a context (compile + run).
 * @example
 * evaluate('{{body.items[-1]}}', { body: { items: [1, 2, 3] } }); // 3
 */
export function evaluate(
  template: unknown,
  context: Record<string, unknown> = {},
  options: CompileOptions & RunOptions = {},
): unknown {
  return compile(template, options).run(context, options);
}
