import type { CompileOptions, Program, RunOptions } from './options.js';
import { cachedProgram, compileProgram } from './pipeline.js';

export type { CompileOptions, FunctionThis, ImlValue, Limits, Program, RunOptions } from './options.js';
export { ImlError } from './source/error.js';
export type {
  RouteResult,
  WebhookBundle,
  WebhookConnection,
  WebhookItemError,
  WebhookRequest,
  WebhookResponse,
  WebhookResult,
  WebhookSpec,
} from './webhook/index.js';
export { type CompiledWebhook, compileWebhook, route } from './webhook/index.js';

/**
 * compile returns a Program for any IML value: a template string, or an object/array whose string leaves are
 * templates. Syntax and function errors are thrown here as ImlError; the program runs on the bytecode VM.
 * @example
 * const p = compile('Hello {{upper(body.name)}}');
 * p.run({ body: { name: 'Ann' } }); // "Hello ANN"
 */
export function compile(template: unknown, options: CompileOptions = {}): Program {
  return compileProgram(template, options);
}

/**
 * evaluate returns the value of an IML value in a context (compile + run). Compiled programs are cached by
 * template text together with the compile options that change the program (bounded, least recently used out).
 * @example
 * evaluate('{{body.items[-1]}}', { body: { items: [1, 2, 3] } }); // 3
 */
export function evaluate(
  template: unknown,
  context: Record<string, unknown> = {},
  options?: CompileOptions & RunOptions,
): unknown {
  return cachedProgram(template, options).run(context, options);
}
