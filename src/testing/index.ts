/**
 * The `iml-vm/testing` entry: fast-check arbitraries of IML expression text, templates and hostile webhook
 * contexts, and a differential harness that runs two engines on them, for fuzzing IML engines (ours or yours).
 * @example
 * import fc from 'fast-check';
 * import { imlContext, imlTemplate } from 'iml-vm/testing';
 * fc.assert(fc.property(imlTemplate(), imlContext(), (t, ctx) => { myEngine(t, ctx) }));
 */
export {
  type Arity,
  BINARY_OPERATORS,
  CONTEXT_ROOTS,
  type ContextOptions,
  DEFAULT_ROOTS,
  type ExpressionOptions,
  HOSTILE_KEYS,
  imlContext,
  imlExpression,
  imlTemplate,
  KEYWORD_TEXTS,
  ownObject,
  type TemplateOptions,
} from './arbitraries.js';
export { type DifferentialOptions, differential, type Engine } from './differential.js';
