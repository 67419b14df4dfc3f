// The suites that time compiling: W5 (one ~120-character template), a whole webhook spec, and evaluate() on a
// cache hit against compile + run. Each compiled artefact is checked by running it, so an engine cannot win by
// compiling something else.
import { Environment } from '@marcbachmann/cel-js';
import { compileExpression } from 'filtrex';
import jsonata from 'jsonata';
import { compile, compileWebhook, evaluate } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';
import { cel, type Fn, filtrex, jsonataFn, reference } from '../engines.js';
import { example } from '../examples.js';
import { ROTATION } from '../shapes.js';
import { handle, handleAsync, type Request } from '../webhook-glue.js';
import type { Case, Suite, Timed } from './types.js';
import { directives, imlDirectives, type WebhookDef } from './webhook-suite.js';
import { webhookDefs } from './webhooks.js';
import { W3 } from './workloads.js';

type Ctx = Record<string, unknown>;

/** COMPILE_TEMPLATE represents W5's template: about 120 characters of typical webhook IML. */
export const COMPILE_TEMPLATE =
  "{{if(body.event = 'order.created' && length(body.items) > 0, upper(body.customer.name) + ' #' + body.id, 'skip')}}";

const NO_COMPILE_STEP = 'plain JS has no compile step';

/** COMPILE_WARMUP_MS represents the warm-up of suites that compile: every parser and compiler must be optimized first. */
const COMPILE_WARMUP_MS = 1000;

/** compiled returns a compile Case: time `make` (input ignored), check by running its result on the input. */
function compiled(engine: string, kind: Case['kind'], make: () => Fn): Case {
  return { engine, kind, prepare: () => make, check: (timed, input) => (timed(input) as Fn)(input as Ctx) };
}

const ORDER = { event: 'order.created', items: [{ sku: 'A-1' }], customer: { name: 'Ann Lee' }, id: 1042 };

const w5: Suite = {
  name: 'W5',
  title: `parse + compile of a ${COMPILE_TEMPLATE.length}-character template`,
  unit: 'compiles',
  shapes: [1],
  warmupMs: COMPILE_WARMUP_MS,
  inputs: () => [{ body: ORDER }],
  checkInputs: () => [
    { body: { ...ORDER, id: 7 } },
    { body: { ...ORDER, event: 'order.paid' } },
    { body: { ...ORDER, items: [] } },
  ],
  baseline: {
    engine: 'js',
    kind: 'baseline',
    prepare: () => () => (ctx: Ctx) => {
      const b = ctx.body as typeof ORDER;
      return b.event === 'order.created' && b.items.length > 0 ? `${b.customer.name.toUpperCase()} #${b.id}` : 'skip';
    },
    check: (timed, input) => (timed(input) as Fn)(input as Ctx),
  },
  untimedBaseline: NO_COMPILE_STEP,
  cases: [
    compiled('vm', 'iml', () => {
      const p = compile(COMPILE_TEMPLATE);
      return (ctx) => p.run(ctx);
    }),
    compiled('vm -O0', 'iml', () => {
      const p = compile(COMPILE_TEMPLATE, { optimize: false });
      return (ctx) => p.run(ctx);
    }),
    compiled('reference', 'iml', () => reference(COMPILE_TEMPLATE)),
    compiled('cel-js', 'peer', () =>
      cel(
        "body.event == 'order.created' && size(body.items) > 0 ? " +
          "body.customer.name.upperAscii() + ' #' + string(body.id) : 'skip'",
      ),
    ),
    compiled('jsonata', 'peer', () =>
      jsonataFn(
        'body.event = "order.created" and $count(body.items) > 0 ? ' +
          '$uppercase(body.customer.name) & " #" & body.id : "skip"',
      ),
    ),
    compiled('filtrex', 'peer', () =>
      filtrex(
        'if event of body == "order.created" and length(items of body) > 0 ' +
          'then upper(name of customer of body) + " #" + text(id of body) else "skip"',
      ),
    ),
  ],
  notes: [
    'W5 and spec: plain JS has no compile step, so js is not timed (its results still check every engine); ' +
      'reference is parse + check (it has no code generation).',
  ],
};

/** defOf returns the WebhookDef of a suite name (the spec suite's inputs are names: plain data, like every input). */
function defOf(name: unknown): WebhookDef {
  return webhookDefs.find((d) => d.name === name) as WebhookDef;
}

/** specCase returns a Case timing the compilation of a whole spec (input: its suite name), checked on its request. */
function specCase(engine: string, kind: Case['kind'], make: (def: WebhookDef) => (r: Request) => unknown): Case {
  return {
    engine,
    kind,
    prepare: () => (name) => make(defOf(name)),
    check: (timed: Timed, name) => {
      const def = defOf(name);
      return (timed(name) as (r: Request) => unknown)(example(def.example).requests[def.main] as Request);
    },
  };
}

const spec: Suite = {
  name: 'spec',
  title: `compile a whole webhook spec (${webhookDefs.map((d) => d.example).join(', ')}, in turn)`,
  unit: 'specs',
  shapes: [1],
  warmupMs: COMPILE_WARMUP_MS,
  inputs: () => webhookDefs.map((d) => d.name),
  baseline: specCase('js', 'baseline', (def) => def.js),
  untimedBaseline: NO_COMPILE_STEP,
  cases: [
    specCase('vm', 'iml', (def) => {
      const hook = compileWebhook(example(def.example).spec);
      return (r) => hook.handle(r);
    }),
    specCase('vm -O0', 'iml', (def) => {
      const hook = compileWebhook(example(def.example).spec, { optimize: false });
      return (r) => hook.handle(r);
    }),
    specCase('reference', 'iml', (def) => {
      const d = imlDirectives(example(def.example).spec, reference);
      return (r) => handle(d, r);
    }),
    specCase('cel-js', 'peer', (def) => {
      const d = directives(def.cel, cel);
      return (r) => handle(d, r);
    }),
    specCase('jsonata', 'peer', (def) => {
      const d = directives(def.jsonata, jsonataFn);
      return (r) => handleAsync(d, r);
    }),
    specCase('filtrex', 'peer', (def) => {
      const d = directives(def.filtrex(), (src) => filtrex(src));
      return (r) => handle(d, r);
    }),
  ],
};

const NO_OPTIMIZE = { optimize: false };
const CEL_ENV = new Environment({ unlistedVariablesAreDyn: true });
const FILTREX_OPTIONS = { extraFunctions: { upper: (s: unknown) => String(s).toUpperCase() } };

/** oneShot returns a Case whose timed function is a library's one-call API (compile + run, or a cache hit). */
function oneShot(engine: string, kind: Case['kind'], fn: (ctx: Ctx) => unknown): Case {
  return { engine, kind, prepare: () => fn as Timed };
}

const evaluateSuite: Suite = {
  name: 'evaluate',
  title: `evaluate() of ${W3.src}: cache hit vs compile + run`,
  unit: 'ops',
  shapes: [1],
  warmupMs: COMPILE_WARMUP_MS,
  inputs: () => Array.from({ length: ROTATION }, (_, i) => W3.context(i, 1)),
  baseline: { engine: 'js', kind: 'baseline', prepare: () => W3.baseline as Timed },
  cases: [
    oneShot('vm', 'iml', (ctx) => evaluate(W3.src, ctx)),
    oneShot('vm -O0', 'iml', (ctx) => evaluate(W3.src, ctx, NO_OPTIMIZE)),
    oneShot('vm compile+run', 'iml', (ctx) => compile(W3.src).run(ctx)),
    {
      engine: 'vm run',
      kind: 'iml',
      prepare: () => {
        const p = compile(W3.src);
        return (ctx) => p.run(ctx as Ctx);
      },
    },
    oneShot('reference', 'iml', (ctx) => compileReference(W3.src).run(ctx)),
    oneShot('cel-js', 'peer', (ctx) => CEL_ENV.evaluate(W3.cel, ctx)),
    oneShot('jsonata', 'peer', (ctx) => jsonata(W3.jsonata).evaluate(ctx)),
    oneShot('filtrex', 'peer', (ctx) => compileExpression(W3.filtrex, FILTREX_OPTIONS)(ctx)),
  ],
  notes: [
    'evaluate: vm is evaluate() hitting its program cache (vm -O0: the same with optimize: false); "vm compile+run" compiles every call, "vm run" runs a ' +
      'program compiled once. Reference and the peers have no program cache: each call parses and runs (their ' +
      'one-call APIs: cel-js Environment.evaluate, jsonata(src).evaluate, filtrex compileExpression(src)(ctx)).',
  ],
};

/** compileSuites represents W5, spec and evaluate. */
export const compileSuites: Suite[] = [w5, spec, evaluateSuite];
