// The micro workloads of issue 3 (W1–W4) as a data table. Each row gives the IML template, the same computation in
// every peer's own syntax, the contexts it runs on (built for a shape count), and the hand-written JavaScript a
// developer would write instead (the baseline).
import { cel, type Fn, filtrex, filtrexObject, jsonataFn, reference, vm, vmPlain } from '../engines.js';
import { ROTATION, SHAPE_COUNTS, shaped } from '../shapes.js';
import { FLOOR } from './floor.js';
import type { Case, Suite } from './types.js';

type Ctx = Record<string, unknown>;

/** Micro represents one micro workload: a template, its peers' sources and its contexts. */
interface Micro {
  name: string;
  title: string;
  /** The IML template (a `batch` row evaluates `batch.condition` then `batch.output` per item instead). */
  src: string;
  cel: string;
  jsonata: string;
  filtrex: string;
  context(i: number, shapes: number): Ctx;
  /** baseline returns what the template computes, written by hand in idiomatic JS (optional chaining). */
  baseline(ctx: Ctx): unknown;
  /** safeBaseline returns the same, hand-written with IML's access rules (own properties of plain objects only). */
  safeBaseline(ctx: Ctx): unknown;
}

const STATUSES = ['active', 'inactive', 'active', 'pending'];

const objectProto = Object.prototype;

/** own returns o[k] when o is a plain object owning k (what a careful hand-written accessor does), else undefined. */
function own(o: unknown, k: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const p = Object.getPrototypeOf(o);
  return (p === objectProto || p === null) && Object.hasOwn(o, k) ? (o as Ctx)[k] : undefined;
}

function user(i: number, shapes: number) {
  return shaped({ id: i, name: `User ${i}`, email: `u${i}@example.com` }, i, shapes);
}

const MICROS: Micro[] = [
  {
    name: 'W1',
    title: 'body.user.name',
    src: '{{body.user.name}}',
    cel: 'body.user.name',
    jsonata: 'body.user.name',
    filtrex: 'name of user of body',
    context: (i, shapes) => ({ body: shaped({ id: i, user: user(i, shapes) }, i, shapes) }),
    baseline: (ctx) => (ctx.body as { user?: { name?: unknown } } | undefined)?.user?.name,
    safeBaseline: (ctx) => own(own(own(ctx, 'body'), 'user'), 'name'),
  },
  {
    name: 'W2',
    title: "body.id > 100 && body.status == 'active'",
    src: "{{body.id > 100 && body.status == 'active'}}",
    cel: "body.id > 100 && body.status == 'active'",
    jsonata: 'body.id > 100 and body.status = "active"',
    filtrex: 'id of body > 100 and status of body == "active"',
    context: (i, shapes) => ({ body: shaped({ id: 90 + i, status: STATUSES[i % 4] }, i, shapes) }),
    baseline: (ctx) => {
      const body = ctx.body as { id?: number; status?: string } | undefined;
      return (body?.id as number) > 100 && body?.status === 'active';
    },
    safeBaseline: (ctx) => {
      const body = own(ctx, 'body');
      return (own(body, 'id') as number) > 100 && own(body, 'status') === 'active';
    },
  },
  {
    name: 'W3',
    title: "item.first + ' ' + upper(item.last)",
    src: "{{item.first + ' ' + upper(item.last)}}",
    cel: "item.first + ' ' + item.last.upperAscii()",
    jsonata: 'item.first & " " & $uppercase(item.last)',
    filtrex: 'first of item + " " + upper(last of item)',
    context: (i, shapes) => ({ item: shaped({ first: `Ann${i}`, last: `smith${i}` }, i, shapes) }),
    baseline: (ctx) => {
      const item = ctx.item as { first?: string; last?: string } | undefined;
      return `${item?.first ?? ''} ${String(item?.last ?? '').toUpperCase()}`;
    },
    safeBaseline: (ctx) => {
      const item = own(ctx, 'item');
      return `${own(item, 'first') ?? ''} ${String(own(item, 'last') ?? '').toUpperCase()}`;
    },
  },
];

/** W3 represents the W3 workload, reused by the evaluate() suite. */
export const W3 = MICROS[2] as Micro;

const contexts = (m: { context(i: number, shapes: number): Ctx }) => (shapes: number) =>
  Array.from({ length: ROTATION }, (_, i) => m.context(i, shapes));

/** one returns a Case whose timed function is a prepared expression applied to the input context. */
function one(engine: string, kind: Case['kind'], make: () => Fn): Case {
  return { engine, kind, prepare: () => make() as (input: unknown) => unknown };
}

/** floorCases returns the js-keyed baseline of a workload that has one (see floor.ts). */
function floorCases(name: string): Case[] {
  const floor = FLOOR[name];
  return floor ? [one('js-keyed', 'baseline', floor)] : [];
}

function microSuite(m: Micro): Suite {
  return {
    name: m.name,
    title: m.title,
    unit: 'ops',
    shapes: SHAPE_COUNTS,
    inputs: contexts(m),
    baseline: one('js', 'baseline', () => m.baseline),
    cases: [
      one('js-safe', 'baseline', () => m.safeBaseline),
      ...floorCases(m.name),
      one('vm', 'iml', () => vm(m.src)),
      one('vm -O0', 'iml', () => vmPlain(m.src)),
      one('reference', 'iml', () => reference(m.src)),
      one('cel-js', 'peer', () => cel(m.cel)),
      one('jsonata', 'peer', () => jsonataFn(m.jsonata)),
      one('filtrex', 'peer', () => filtrex(m.filtrex)),
    ],
  };
}

/** BATCH_SIZE represents the number of items in the W4 batch. */
export const BATCH_SIZE = 10_000;

function batchItems(shapes: number): Ctx[] {
  const items: Ctx[] = [];
  for (let i = 0; i < BATCH_SIZE; i++) {
    // Amounts 0..99 with cents on every third item: integers and decimals both take the decimal-exact path.
    const amount = i % 3 === 0 ? (i % 100) + 0.25 : i % 100;
    items.push(shaped({ id: i, name: `item ${i}`, amount }, i, shapes));
  }
  return items;
}

const W4_CONDITION = '{{item.amount > 50}}';
const W4_OUTPUT = { id: '{{item.id}}', name: '{{item.name}}', total: '{{item.amount * 1.2}}' };

/** perItem returns the batch loop a webhook's iterate runs: the condition, then the output, for every item. */
function perItem(condition: Fn, output: Fn): Fn {
  return (ctx) => {
    const out: unknown[] = [];
    for (const item of ctx.items as unknown[]) {
      const itemCtx = { item };
      if (condition(itemCtx)) out.push(output(itemCtx));
    }
    return out;
  };
}

const w4: Suite = {
  name: 'W4',
  title: `${BATCH_SIZE} items: item.amount > 50 → {id, name, total: item.amount * 1.2}`,
  unit: 'ops',
  itemsPerOp: BATCH_SIZE,
  shapes: SHAPE_COUNTS,
  inputs: (shapes) => [{ items: batchItems(shapes) }],
  baseline: one('js', 'baseline', () => (ctx) => {
    const out: unknown[] = [];
    for (const item of ctx.items as { id: number; name: string; amount: number }[]) {
      if (item.amount > 50) out.push({ id: item.id, name: item.name, total: item.amount * 1.2 });
    }
    return out;
  }),
  cases: [
    one('vm', 'iml', () => perItem(vm(W4_CONDITION), vm(W4_OUTPUT))),
    one('vm -O0', 'iml', () => perItem(vmPlain(W4_CONDITION), vmPlain(W4_OUTPUT))),
    one('reference', 'iml', () => perItem(reference(W4_CONDITION), reference(W4_OUTPUT))),
    one('cel-js', 'peer', () =>
      cel("items.filter(i, i.amount > 50).map(i, {'id': i.id, 'name': i.name, 'total': i.amount * 1.2})"),
    ),
    one('jsonata', 'peer', () => jsonataFn('[items[amount > 50].{"id": id, "name": name, "total": amount * 1.2}]')),
    one('filtrex', 'peer', () =>
      perItem(
        filtrex('amount of item > 50'),
        filtrexObject({ id: 'id of item', name: 'name of item', total: '(amount of item) * 1.2' }),
      ),
    ),
  ],
  approxNumbers:
    'W4: IML multiplies decimals exactly (53 * 1.2 = 63.6); JS and the peers use binary floating point ' +
    '(63.599999999999994), so W4 totals are checked to 12 significant digits.',
  notes: [
    'W4: the IML engines and filtrex run the condition and the output per item (a webhook iterate); cel-js and ' +
      'jsonata filter and map the whole array in one expression (their idiom).',
  ],
};

/** microSuites represents W1–W4. */
export const microSuites: Suite[] = [...MICROS.map(microSuite), w4];
