// The workloads of issue 3 as a data table. Each row gives the template, the contexts it runs on (built for a
// shape count), and the hand-written JavaScript a developer would write instead (the baseline).
import { shaped } from '../shapes.js';

/** Workload represents one benchmark row. */
export interface Workload {
  name: string;
  /** What the row measures, for the report. */
  title: string;
  /** An IML value; a `batch` row evaluates `src.condition` then `src.output` per item. */
  src: unknown;
  /** contexts returns the i-th run's context for data with `shapes` object shapes. */
  context(i: number, shapes: number): Record<string, unknown>;
  /** baseline returns what the template computes, written by hand in idiomatic JS (optional chaining). */
  baseline(ctx: Record<string, unknown>): unknown;
  /** safeBaseline returns the same, hand-written with IML's access rules (own properties of plain objects only). */
  safeBaseline?(ctx: Record<string, unknown>): unknown;
  /** When set, one operation is the whole batch: condition + output for every element of `ctx.items`. */
  batch?: { condition: string; output: unknown };
}

const STATUSES = ['active', 'inactive', 'active', 'pending'];

const objectProto = Object.prototype;

/** own returns o[k] when o is a plain object owning k (what a careful hand-written accessor does), else undefined. */
function own(o: unknown, k: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const p = Object.getPrototypeOf(o);
  return (p === objectProto || p === null) && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;
}

function user(i: number, shapes: number) {
  return shaped({ id: i, name: `User ${i}`, email: `u${i}@example.com` }, i, shapes);
}

/** BATCH_SIZE represents the number of items in the W4 batch. */
export const BATCH_SIZE = 10_000;

function batchItems(shapes: number): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < BATCH_SIZE; i++) {
    // Amounts 0..99 with cents on every third item: integers and decimals both take the decimal-exact path.
    const amount = i % 3 === 0 ? (i % 100) + 0.25 : i % 100;
    items.push(shaped({ id: i, name: `item ${i}`, amount }, i, shapes));
  }
  return items;
}

const batches = new Map<number, Record<string, unknown>[]>();

/** workloads represents W1–W4 (W5, compile speed, is measured separately). */
export const workloads: Workload[] = [
  {
    name: 'W1',
    title: 'body.user.name',
    src: '{{body.user.name}}',
    context: (i, shapes) => ({ body: shaped({ id: i, user: user(i, shapes) }, i, shapes) }),
    baseline: (ctx) => (ctx.body as { user?: { name?: unknown } } | undefined)?.user?.name,
    safeBaseline: (ctx) => own(own(own(ctx, 'body'), 'user'), 'name'),
  },
  {
    name: 'W2',
    title: "body.id > 100 && body.status == 'active'",
    src: "{{body.id > 100 && body.status == 'active'}}",
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
  {
    name: 'W4',
    title: `${BATCH_SIZE} items: item.amount > 50 → {id, name, total: item.amount * 1.2}`,
    src: null,
    batch: {
      condition: '{{item.amount > 50}}',
      output: { id: '{{item.id}}', name: '{{item.name}}', total: '{{item.amount * 1.2}}' },
    },
    context: (_i, shapes) => {
      let items = batches.get(shapes);
      if (!items) batches.set(shapes, (items = batchItems(shapes)));
      return { items };
    },
    baseline: (ctx) => {
      const out: unknown[] = [];
      for (const item of ctx.items as { id: number; name: string; amount: number }[]) {
        if (item.amount > 50) out.push({ id: item.id, name: item.name, total: item.amount * 1.2 });
      }
      return out;
    },
  },
];

/** COMPILE_TEMPLATE represents W5's template: about 120 characters of typical webhook IML. */
export const COMPILE_TEMPLATE =
  "{{if(body.event = 'order.created' && length(body.items) > 0, upper(body.customer.name) + ' #' + body.id, 'skip')}}";
