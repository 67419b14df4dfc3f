// How a webhook example becomes a suite: the VM handles the request through compileWebhook().handle(); the
// reference interpreter and the peers run their own compiled directives through the bench's webhook glue; the
// baseline is a handler written by hand for that one service.

import { compileWebhook, type WebhookSpec } from '../../src/index.js';
import { cel, type Fn, filtrex, jsonataFn, reference } from '../engines.js';
import { example } from '../examples.js';
import { type Directives, handle, handleAsync, type Request, type Respond, type Result } from '../webhook-glue.js';
import type { Case, Suite } from './types.js';

/** PeerRespond represents a respond directive written for a peer: the body is source text or a prepared function. */
interface PeerRespond {
  type: Respond['type'];
  status?: number;
  body?: string | Fn;
}

/** PeerSpec represents a webhook spec's directives written in a peer's own syntax (or prepared, for filtrex). */
export interface PeerSpec {
  verification?: { condition: string; respond?: PeerRespond };
  condition?: string;
  container?: string;
  itemCondition?: string;
  uid?: string;
  output?: string | Fn;
  /** One expression that filters and maps the whole container (engines with collection operators). */
  outputs?: string;
  respond?: PeerRespond;
}

/** directives returns a PeerSpec compiled by one engine. */
export function directives(spec: PeerSpec, compile: (src: string) => Fn): Directives {
  const fn = (v: string | Fn | undefined) => (v === undefined ? undefined : typeof v === 'string' ? compile(v) : v);
  const respond = (r: PeerRespond | undefined): Respond | undefined =>
    r && { type: r.type, ...(r.status === undefined ? {} : { status: r.status }), body: fn(r.body) };
  const d: Directives = {};
  if (spec.verification) {
    d.verification = { condition: compile(spec.verification.condition), respond: respond(spec.verification.respond) };
  }
  for (const key of ['condition', 'container', 'itemCondition', 'uid', 'output', 'outputs'] as const) {
    const f = fn(spec[key]);
    if (f) d[key] = f;
  }
  d.respond = respond(spec.respond);
  return d;
}

/** imlDirectives returns an IML webhook spec's directives compiled by `compile` (the reference interpreter). */
export function imlDirectives(spec: WebhookSpec, compile: (src: unknown) => Fn): Directives {
  const s = spec as Record<string, Record<string, unknown> | undefined>;
  const respond = (r: Record<string, unknown> | undefined): Respond | undefined =>
    r && {
      type: (r.type as Respond['type']) ?? 'json',
      ...(r.status === undefined ? {} : { status: r.status as number }),
      body: compile(r.body),
    };
  const iterate = s.iterate;
  const d: Directives = {};
  if (s.verification) {
    d.verification = {
      condition: compile(s.verification.condition ?? true),
      respond: respond(s.verification.respond as Record<string, unknown> | undefined),
    };
  }
  if (spec.condition !== undefined) d.condition = compile(spec.condition);
  if (iterate) d.container = compile(iterate.container);
  if (iterate?.condition !== undefined) d.itemCondition = compile(iterate.condition);
  if (spec.uid !== undefined) d.uid = compile(spec.uid);
  if (spec.output !== undefined) d.output = compile(spec.output);
  d.respond = respond(s.respond);
  return d;
}

/** WebhookDef represents one webhook suite as data: the example, the hand-written handler, each peer's spec. */
export interface WebhookDef {
  name: string;
  /** The folder under examples/. */
  example: string;
  /** The recorded request every timed operation handles. */
  main: string;
  title: string;
  itemsPerOp?: number;
  /** js returns the Result of a request, written by hand for this service (the practical limit). */
  js(request: Request): Result;
  cel: PeerSpec;
  jsonata: PeerSpec;
  /** filtrex returns its directives (built on call: filtrex output objects are assembled from one expression per key). */
  filtrex(): PeerSpec;
  /** shaped returns the requests of the 16-shape row: the main request with its data built in 16 shapes. */
  shaped(request: Request): Request[];
  notes?: string[];
}

/** webhookSuite returns the Suite of a WebhookDef. */
export function webhookSuite(def: WebhookDef): Suite {
  const ex = () => example(def.example);
  const main = () => ex().requests[def.main] as Request;
  const sync = (engine: string, kind: Case['kind'], make: () => Directives): Case => ({
    engine,
    kind,
    prepare: () => {
      const d = make();
      return (req) => handle(d, req as Request);
    },
  });
  return {
    name: def.name,
    title: def.title,
    unit: 'requests',
    ...(def.itemsPerOp === undefined ? {} : { itemsPerOp: def.itemsPerOp }),
    shapes: [1, 16],
    // handle() runs date parsing and formatting, JSON serialization and the whole directive machinery: V8 needs
    // longer than for one template before the first engine of the row is at full speed.
    warmupMs: 500,
    inputs: (shapes) => (shapes === 1 ? [main()] : def.shaped(main())),
    checkInputs: () => Object.values(ex().requests),
    expected: () => Object.keys(ex().requests).map((k) => ({ input: ex().requests[k], want: ex().expected[k] })),
    baseline: { engine: 'js', kind: 'baseline', prepare: () => (req) => def.js(req as Request) },
    cases: [
      {
        engine: 'vm',
        kind: 'iml',
        prepare: () => {
          const hook = compileWebhook(ex().spec);
          return (req) => hook.handle(req as Request);
        },
      },
      {
        engine: 'vm -O0',
        kind: 'iml',
        prepare: () => {
          const hook = compileWebhook(ex().spec, { optimize: false });
          return (req) => hook.handle(req as Request);
        },
      },
      sync('reference', 'iml', () => imlDirectives(ex().spec, reference)),
      sync('cel-js', 'peer', () => directives(def.cel, cel)),
      {
        engine: 'jsonata',
        kind: 'peer',
        prepare: () => {
          const d = directives(def.jsonata, jsonataFn);
          return (req) => handleAsync(d, req as Request);
        },
      },
      sync('filtrex', 'peer', () => directives(def.filtrex(), (src) => filtrex(src))),
    ],
    notes: [
      'vm and vm -O0 run compileWebhook(spec).handle(request); reference, cel-js, jsonata and filtrex run their ' +
        'compiled directives through the same hand-written webhook glue (bench/webhook-glue.ts).',
      ...(def.notes ?? []),
    ],
  };
}
