import type { CompileOptions } from '../options.js';
import { childPath } from '../parser/parse.js';
import { ImlError } from '../source/error.js';
import { resolveLimits } from '../source/limits.js';
import { Directive } from './directive.js';
import { isSpecObject, ownField, type SpecReport, validateSpec } from './spec.js';

/** DirectiveValue represents one directive value of a spec and its JSON path. */
interface DirectiveValue {
  value: unknown;
  path: string;
}

function respondParts(respond: unknown, path: string, out: DirectiveValue[]): void {
  if (!isSpecObject(respond)) return;
  for (const key of ['status', 'headers', 'body']) {
    const value = ownField(respond, key);
    if (value !== undefined) out.push({ value, path: `${path}.${key}` });
  }
}

/** directiveValues returns every template-bearing value of a spec with its path. */
function directiveValues(spec: Record<string, unknown>): DirectiveValue[] {
  const out: DirectiveValue[] = [];
  const add = (value: unknown, path: string) => {
    if (value !== undefined) out.push({ value, path });
  };
  const verification = ownField(spec, 'verification');
  if (isSpecObject(verification)) {
    add(ownField(verification, 'condition'), '$.verification.condition');
    respondParts(ownField(verification, 'respond'), '$.verification.respond', out);
  }
  add(ownField(spec, 'condition'), '$.condition');
  const iterate = ownField(spec, 'iterate');
  if (typeof iterate === 'string') add(iterate, '$.iterate');
  else if (isSpecObject(iterate)) {
    add(ownField(iterate, 'container'), '$.iterate.container');
    add(ownField(iterate, 'condition'), '$.iterate.condition');
  }
  add(ownField(spec, 'uid'), '$.uid');
  add(ownField(spec, 'output'), '$.output');
  respondParts(ownField(spec, 'respond'), '$.respond', out);
  return out;
}

/** templateLeaves returns every string inside a value with its path, walking no deeper than maxDepth. */
function templateLeaves(value: unknown, path: string, maxDepth: number): DirectiveValue[] {
  const out: DirectiveValue[] = [];
  const walk = (v: unknown, at: string, depth: number) => {
    if (typeof v === 'string') out.push({ value: v, path: at });
    else if (depth < maxDepth && typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], childPath(at, i), depth + 1);
      else for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key], childPath(at, key), depth + 1);
    }
  };
  walk(value, path, 0);
  return out;
}

function compileError(value: unknown, path: string, options: CompileOptions): ImlError | undefined {
  try {
    Directive.compile(value, path, options);
    return undefined;
  } catch (e) {
    if (e instanceof ImlError) return e;
    throw e;
  }
}

/**
 * checkWebhook returns every problem of a spec in one pass, for `iml check` and editors: the structural errors of
 * validateSpec, then the first compile error of every template string (each with its JSON path, position and caret),
 * then errors that only the whole directive value shows (e.g. nesting beyond limits.maxDepth). Warnings list the
 * keys compileWebhook ignores. compileWebhook would throw the first error.
 */
export function checkWebhook(spec: unknown, options: CompileOptions = {}): SpecReport {
  const report = validateSpec(spec);
  if (!isSpecObject(spec)) return report;
  const errors = [...report.errors];
  const seen = new Set<string>();
  const record = (e: ImlError | undefined) => {
    if (!e) return;
    const key = `${e.code}|${e.path}|${e.offset}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(e);
  };
  // A value already reported as being of the wrong JSON type is not compiled: one problem, one report.
  const invalid = new Set(report.errors.map((e) => e.path));
  const maxDepth = resolveLimits(options.limits).maxDepth;
  for (const { value, path } of directiveValues(spec)) {
    if (invalid.has(path)) continue;
    for (const leaf of templateLeaves(value, path, maxDepth)) {
      if (!invalid.has(leaf.path)) record(compileError(leaf.value, leaf.path, options));
    }
    if (typeof value === 'object' && value !== null) record(compileError(value, path, options));
  }
  return { errors, warnings: report.warnings };
}
