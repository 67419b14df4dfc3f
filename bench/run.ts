// npm run bench [W1 W2 ...]: the workloads of issue 3, each engine next to the hand-written JS baseline.
//
// The script runs this file bundled by esbuild (no keepNames), so it times the code as users ship it. Each row
// (workload × shape count) runs in a fresh child process: V8's inline caches and optimized code are shared by
// everything a process runs, so a 16-shape row would otherwise leave the 1-shape row after it megamorphic (and the
// first W5 case would pay the parser's warm-up). Inside a row, every case is warmed up, then timed by benny.
// Environment: BENCH_TIME (seconds per case, default 1), BENCH_PEERS (comma list: vm,reference; default vm).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import b from 'benny';
import { compile } from '../src/index.js';
import { compileReference } from '../src/reference/program.js';
import { ROTATION, SHAPE_COUNTS } from './shapes.js';
import { COMPILE_TEMPLATE, type Workload, workloads } from './suites/workloads.js';

/** Peer represents an engine under test: it prepares a template once and returns the function to time. */
interface Peer {
  name: string;
  prepare(src: unknown): (ctx: Record<string, unknown>) => unknown;
}

const PEERS: Peer[] = [
  {
    name: 'vm',
    prepare: (src) =>
      (
        (p) => (ctx: Record<string, unknown>) =>
          p.run(ctx)
      )(compile(src)),
  },
  {
    name: 'reference',
    prepare: (src) =>
      (
        (p) => (ctx: Record<string, unknown>) =>
          p.run(ctx)
      )(compileReference(src)),
  },
];

const peerNames = (process.env.BENCH_PEERS ?? 'vm').split(',');
const peers = PEERS.filter((p) => peerNames.includes(p.name));
const maxTime = Number(process.env.BENCH_TIME ?? 1);
const WARMUP_RUNS = 20_000;

/** Row represents the measured operations per second of each case of one benchmark row. */
interface Row {
  workload: string;
  shapes: number;
  ops: Record<string, number>;
}

/** sink keeps results alive so no engine's work can be optimized away. */
let sink: unknown;

function runner(w: Workload, peer: Peer): (ctx: Record<string, unknown>) => unknown {
  if (!w.batch) return peer.prepare(w.src);
  const condition = peer.prepare(w.batch.condition);
  const output = peer.prepare(w.batch.output);
  return (ctx) => {
    const out: unknown[] = [];
    for (const item of ctx.items as unknown[]) {
      const itemCtx = { item };
      if (condition(itemCtx)) out.push(output(itemCtx));
    }
    return out;
  };
}

/** timeCases returns the ops/s benny measures for each named thunk, after warming every one up. */
async function timeCases(title: string, cases: Array<{ name: string; fn: () => unknown }>, warmup: number) {
  for (const c of cases) for (let i = 0; i < warmup; i++) sink = c.fn();
  const ops: Record<string, number> = {};
  await b.suite(
    title,
    ...cases.map((c) => b.add(c.name, c.fn, { maxTime })),
    b.cycle(),
    b.complete((summary) => {
      for (const r of summary.results) ops[r.name] = r.ops;
    }),
  );
  return ops;
}

async function benchRow(name: string, shapes: number): Promise<Row> {
  if (name === 'W5') {
    const ops = await timeCases(
      `W5 parse + compile of a ${COMPILE_TEMPLATE.length}-character template`,
      [
        { name: 'vm', fn: () => compile(COMPILE_TEMPLATE) },
        { name: 'vm -O0', fn: () => compile(COMPILE_TEMPLATE, { optimize: false }) },
        { name: 'reference parse + check', fn: () => compileReference(COMPILE_TEMPLATE) },
      ],
      2000,
    );
    return { workload: name, shapes, ops };
  }
  const w = workloads.find((x) => x.name === name) as Workload;
  const contexts = Array.from({ length: ROTATION }, (_, i) => w.context(i, shapes));
  const fns = [{ name: 'js', fn: w.baseline }, ...peers.map((p) => ({ name: p.name, fn: runner(w, p) }))];
  if (w.safeBaseline) fns.splice(1, 0, { name: 'js-safe', fn: w.safeBaseline });
  const cases = fns.map(({ name: caseName, fn }) => {
    let i = 0;
    return { name: caseName, fn: () => (sink = fn(contexts[i++ & (ROTATION - 1)] as Record<string, unknown>)) };
  });
  const title = `${w.name} ${w.title} (${shapes} shape${shapes > 1 ? 's' : ''})`;
  const ops = await timeCases(title, cases, w.batch ? 20 : WARMUP_RUNS);
  return { workload: name, shapes, ops };
}

function fmt(n: number | undefined): string {
  return n === undefined ? '-' : Math.round(n).toLocaleString('en-US');
}

function report(rows: Row[]): void {
  const head = peers.map((p) => `${p.name} ops/s | ${p.name}/js | ${p.name}/js-safe`).join(' | ');
  console.log(`\n| workload | shapes | js ops/s | js-safe ops/s | ${head} |`);
  console.log(`|---|---|---|---|${peers.map(() => '---|---|---|').join('')}`);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '-' : `${(a / b).toFixed(3)}x`;
  for (const r of rows.filter((x) => x.workload !== 'W5')) {
    const cells = peers.map(
      (p) => `${fmt(r.ops[p.name])} | ${ratio(r.ops[p.name], r.ops.js)} | ${ratio(r.ops[p.name], r.ops['js-safe'])}`,
    );
    console.log(`| ${r.workload} | ${r.shapes} | ${fmt(r.ops.js)} | ${fmt(r.ops['js-safe'])} | ${cells.join(' | ')} |`);
  }
  for (const r of rows.filter((x) => x.workload === 'W5')) {
    for (const [name, ops] of Object.entries(r.ops)) console.log(`W5 ${name}: ${fmt(ops)} compiles/s`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--row') {
    const row = await benchRow(args[1] as string, Number(args[2]));
    console.log(`ROW ${JSON.stringify(row)}`);
    sink = undefined;
    return;
  }
  const wanted = args.length > 0 ? args : [...workloads.map((w) => w.name), 'W5'];
  const rows: Row[] = [];
  for (const name of wanted) {
    for (const shapes of name === 'W5' ? [1] : SHAPE_COUNTS) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--row', name, String(shapes)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        env: process.env,
      });
      const line = child.stdout.split('\n').find((l) => l.startsWith('ROW '));
      if (!line) throw new Error(`benchmark row ${name}/${shapes} failed:\n${child.stdout}`);
      process.stdout.write(child.stdout.replace(/^ROW .*$/m, ''));
      rows.push(JSON.parse(line.slice(4)) as Row);
    }
  }
  report(rows);
}

await main();
