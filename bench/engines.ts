// The engines under test, each behind one small adapter: ours (the VM with and without the optimizer, the
// reference interpreter) and the peers a user would pick instead. Every peer is configured the way its README
// recommends for untrusted expressions over JSON data; what each needed beyond its built-ins is in its notes.
import { Environment } from '@marcbachmann/cel-js';
import { compileExpression } from 'filtrex';
import jsonata from 'jsonata';
import { type CompileOptions, compile } from '../src/index.js';
import { compileReference } from '../src/reference/program.js';

/** Fn represents a prepared expression: a function of the context (a Promise for jsonata). */
export type Fn = (ctx: Record<string, unknown>) => unknown;

/** vm returns a template compiled to bytecode, as a function of the context. */
export function vm(src: unknown, options?: CompileOptions): Fn {
  const p = compile(src, options);
  return (ctx) => p.run(ctx);
}

/** vmPlain returns a template compiled without the optimizer (`optimize: false`). */
export function vmPlain(src: unknown): Fn {
  return vm(src, { optimize: false });
}

/** reference returns a template prepared for the tree-walking reference interpreter. */
export function reference(src: unknown): Fn {
  const p = compileReference(src);
  return (ctx) => p.run(ctx);
}

/** unixText returns Unix seconds as `YYYY-MM-DD HH:mm:ss` in UTC (IML: formatDate(parseDate(s, 'X'), ...)). */
export function unixText(seconds: unknown): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * CEL represents the cel-js environment of every CEL expression: undeclared variables are `dyn` (webhook payloads
 * have no schema), map literals may mix value types (a JSON object), and one host function, `unixText`, because
 * CEL has no date formatting.
 */
const CEL = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false }).registerFunction(
  'unixText(dyn): string',
  unixText,
);

/** cel returns a CEL expression parsed once, as a function of the context. */
export function cel(src: string): Fn {
  return CEL.parse(src) as Fn;
}

/** jsonataFn returns a JSONata expression compiled once; its evaluate() is async in v2, so it returns a Promise. */
export function jsonataFn(src: string): Fn {
  const expr = jsonata(src);
  return (ctx) => expr.evaluate(ctx);
}

/** FILTREX_FUNCTIONS represents the host functions filtrex expressions call (it has no string or date built-ins). */
const FILTREX_FUNCTIONS = {
  upper: (s: unknown) => String(s).toUpperCase(),
  lower: (s: unknown) => String(s).toLowerCase(),
  text: (v: unknown) => String(v),
  length: (a: unknown) => (Array.isArray(a) ? a.length : 0),
  unixText,
};

/** FILTREX_CONSTANTS represents the boolean literals filtrex lacks, supplied as constants. */
const FILTREX_CONSTANTS = { true: true, false: false };

/**
 * optionalProp returns an own property of a plain value or undefined: the property function a filtrex user writes
 * for optional fields (the default throws UnknownPropertyError, which the compiled function returns as its result).
 */
function optionalProp(name: string, _get: unknown, obj: unknown): unknown {
  return typeof obj === 'object' && obj !== null && Object.hasOwn(obj, name)
    ? (obj as Record<string, unknown>)[name]
    : undefined;
}

/**
 * filtrex returns a filtrex expression compiled once (filtrex generates JS source and runs it with `new Function`,
 * which iml-vm itself never does). `optional` installs optionalProp, for expressions that read optional fields.
 */
export function filtrex(src: string, optional = false): Fn {
  const options = optional
    ? { extraFunctions: FILTREX_FUNCTIONS, constants: FILTREX_CONSTANTS, customProp: optionalProp }
    : { extraFunctions: FILTREX_FUNCTIONS, constants: FILTREX_CONSTANTS };
  const f = compileExpression(src, options);
  return (ctx) => {
    const v = f(ctx);
    // filtrex returns (not throws) its run-time errors; a benchmark must not time an error path by mistake.
    if (v instanceof Error) throw v;
    return v;
  };
}

/** filtrexObject returns filtrex expressions assembled into an object (filtrex has no object literals). */
export function filtrexObject(fields: Record<string, string>, optional: readonly string[] = []): Fn {
  const compiled = Object.entries(fields).map(([key, src]) => [key, filtrex(src, optional.includes(key))] as const);
  return (ctx) => {
    const out: Record<string, unknown> = {};
    for (const [key, f] of compiled) {
      const v = f(ctx);
      if (v !== undefined) out[key] = v;
    }
    return out;
  };
}
