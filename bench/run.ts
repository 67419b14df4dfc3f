// npm run bench [-- SUITE...]: every suite, each engine next to the hand-written JS baseline and the peers.
//
// The script runs this file bundled by esbuild (no keepNames: tsx's keepNames halves closure-heavy code such as the
// parser), so it times the code as users ship it. Each row (suite × shape count) runs in a fresh child process: V8's
// inline caches and optimized code are shared by everything a process runs, so a 16-shape row would otherwise leave
// the 1-shape row after it megamorphic. The parent first checks every case against the baseline on all check
// inputs (nothing is timed for a row that fails); inside a row, every case is warmed up, then timed by benny. Every
// row is measured in PASSES passes (fresh processes, minutes apart), and each engine keeps its fastest pass; the
// charts are written from the kept results. Environment: BENCH_TIME (seconds per case, default 0.2), BENCH_PASSES
// (default 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire as requireFrom } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import b from 'benny';
import type { Summary } from 'benny/lib/internal/common-types.js';
import { ROOT } from './examples.js';
import {
  type CaseResult,
  formatReport,
  keepFaster,
  machine,
  type Report,
  type RowResult,
  reportJson,
} from './report.js';
import { settled } from './shapes.js';
import { findSuite, SUITES } from './suites/index.js';
import type { Case, Suite } from './suites/types.js';
import { checkInputs, verify } from './verify.js';

/** RESULTS represents the folder of latest.json and the charts. */
const RESULTS = join(ROOT, 'bench', 'results');
const maxTime = Number(process.env.BENCH_TIME ?? 0.2);
/** MIN_TIME represents the shortest sample benchmark.js takes (its default, 50 ms, makes a case last 0.4 s at least). */
const MIN_TIME = Math.min(0.05, maxTime / 8);
/**
 * PASSES represents how many times each row is measured (BENCH_PASSES, default 2): every row once per pass, in a
 * fresh process each time, the passes going through the rows in opposite orders (so a row's two measurements are
 * minutes apart), each engine keeping its fastest pass. Interference from outside only ever slows a measurement
 * down, and this machine has slow spells from seconds to a minute: with one pass, the same W3 row run three times
 * in a row gave the VM 2.08x, 0.71x and 1.06x filtrex's speed, and a whole W2 row once ran at half speed after its
 * `js` case, halving the VM's ratio to js.
 */
const PASSES = Math.max(1, Number(process.env.BENCH_PASSES ?? 2));
/** WARMUP_MS represents how long each case runs before benny times it (V8 tiers up the hot code meanwhile). */
const WARMUP_MS = 150;

/** sink keeps results alive so no engine's work can be optimized away. */
let sink: unknown;

/** gc represents V8's collector, exposed in row processes (--expose-gc). */
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * clean drops the last result and collects garbage before each case is warmed up and before it is timed: the heap
 * a case leaves (a 10 000-item batch allocates megabytes per operation) would otherwise slow the next several-fold.
 */
function clean(): void {
  sink = undefined;
  gc?.();
}

/** thunk returns the zero-argument function benny times: one operation on the next input of the rotation. */
function thunk(c: Case, inputs: readonly unknown[]): { fn: () => unknown; isAsync: boolean } {
  const timed = c.prepare();
  const first = timed(inputs[0]);
  const isAsync = typeof (first as Promise<unknown> | undefined)?.then === 'function';
  const n = inputs.length;
  let i = 0;
  // A sync thunk returns nothing: benny would treat a returned function (compile suites) as a setup step.
  const fn = isAsync
    ? () => (timed(inputs[i++ % n]) as Promise<unknown>).then((v) => (sink = v))
    : () => {
        sink = timed(inputs[i++ % n]);
      };
  return { fn, isAsync };
}

function warmUpSync(fn: () => unknown, ms: number): void {
  const end = performance.now() + ms;
  for (let runs = 0; runs < 3 || performance.now() < end; runs++) fn();
}

async function warmUpAsync(fn: () => unknown, ms: number): Promise<void> {
  const end = performance.now() + ms;
  for (let runs = 0; runs < 3 || performance.now() < end; runs++) await fn();
}

/**
 * prepareFileContent represents benny's page builder (the one its save hook calls). benny is CommonJS and this
 * helper has no entry of its own, so it is required, not imported.
 */
const prepareFileContent = (
  requireFrom(import.meta.url)('benny/lib/internal/prepareFileContent.js') as {
    default: (summary: Summary, options: { format: 'chart.html' }) => string;
  }
).default;

/** writeChart writes benny's chart page of a row (the kept results of its passes) through benny's page builder. */
function writeChart(row: RowResult, title: string): void {
  const timed = row.results.filter((r) => r.ops !== undefined);
  if (timed.length === 0) return;
  const ops = timed.map((r) => r.ops as number);
  const top = Math.max(...ops);
  const fastest = ops.indexOf(top);
  const slowest = ops.indexOf(Math.min(...ops));
  const results = timed.map((r, i) => ({
    name: r.engine,
    ops: r.ops,
    margin: r.margin,
    samples: r.samples,
    percentSlower: i === fastest ? 0 : Number(((1 - (r.ops as number) / top) * 100).toFixed(2)),
  }));
  const summary = {
    name: `${row.suite}: ${title} (${row.shapes} shape${row.shapes === 1 ? '' : 's'})`,
    date: new Date(),
    results: results as unknown as Summary['results'],
    fastest: { name: row.results[fastest]?.engine ?? '', index: fastest },
    slowest: { name: row.results[slowest]?.engine ?? '', index: slowest },
  };
  mkdirSync(RESULTS, { recursive: true });
  const file = `${row.suite}-${row.shapes}-shape${row.shapes === 1 ? '' : 's'}.chart.html`;
  writeFileSync(join(RESULTS, file), prepareFileContent(summary, { format: 'chart.html' }));
}

/** benchRow returns the measurements of one suite at one shape count (run inside the row's child process). */
async function benchRow(suite: Suite, shapes: number, pass: number): Promise<RowResult> {
  // The parent has checked every case on these inputs; checking again here would run every engine on the data
  // before the first one is timed. Settled copies give every engine the same objects (see settled()).
  const inputs = settled(suite.inputs(shapes));
  const timed = suite.untimedBaseline ? suite.cases : [suite.baseline, ...suite.cases];
  const warmupMs = suite.warmupMs ?? WARMUP_MS;
  const cases = [];
  for (const c of timed) {
    clean();
    const t = thunk(c, inputs);
    // A sync case warms up when benny starts it, right before it is timed; benny's start hook cannot await, so an
    // async case (jsonata) warms up here, and the collection at its start clears what it left behind.
    if (t.isAsync) await warmUpAsync(t.fn, warmupMs);
    const onStart = t.isAsync
      ? clean
      : () => {
          clean();
          warmUpSync(t.fn, warmupMs);
          clean();
        };
    cases.push({ c, fn: t.fn, onStart });
  }
  const measured = new Map<string, { ops: number; margin: number; samples: number }>();
  // Every other pass times the cases in reverse order, so no engine is always timed right after the same one.
  const order = pass % 2 === 0 ? cases : [...cases].reverse();
  await b.suite(
    `${suite.name}: ${suite.title} (${shapes} shape${shapes === 1 ? '' : 's'}), pass ${pass + 1}`,
    // Two decimals: benny rounds ops/s to integers by default, too coarse for a 10 000-item batch at 3 ops/s.
    b.configure({ minDisplayPrecision: 2 }),
    ...order.map(({ c, fn, onStart }) =>
      b.add(c.engine, fn, { maxTime, minTime: MIN_TIME, onStart } as { maxTime: number }),
    ),
    b.complete((summary) => {
      for (const r of summary.results) measured.set(r.name, { ops: r.ops, margin: r.margin, samples: r.samples });
    }),
  );
  sink = undefined;
  const results: CaseResult[] = [];
  for (const c of [suite.baseline, ...suite.cases]) {
    const m = measured.get(c.engine);
    if (m) results.push({ engine: c.engine, kind: c.kind, ...m });
    else if (c === suite.baseline && suite.untimedBaseline) {
      results.push({ engine: c.engine, kind: c.kind, missing: suite.untimedBaseline });
    }
  }
  for (const m of suite.missing ?? []) results.push({ engine: m.engine, kind: m.kind, missing: m.reason });
  return { suite: suite.name, shapes, results };
}

/** runChild returns one row measured in a fresh process, or the row with the child's error. */
function runChild(suite: Suite, shapes: number, pass: number): RowResult {
  const args = ['--expose-gc', fileURLToPath(import.meta.url), '--row', suite.name, String(shapes), String(pass)];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('ROW '));
  if (line) return JSON.parse(line.slice(4)) as RowResult;
  const reason = (child.stderr || child.stdout || `exit code ${child.status}`)
    .trim()
    .split('\n')
    .slice(0, 6)
    .join(' / ');
  return { suite: suite.name, shapes, results: [], error: reason };
}

function progress(row: RowResult, seconds: number): string {
  const cells = row.results.filter((r) => r.ops !== undefined).map((r) => `${r.engine} ${Math.round(r.ops as number)}`);
  const status = row.error ? `FAILED: ${row.error}` : cells.join(', ');
  return `  ${row.suite} (${row.shapes} shape${row.shapes === 1 ? '' : 's'}, ${seconds.toFixed(1)} s): ${status}\n`;
}

/** selectSuites returns the suites named on the command line (all when none), or exits with the list of names. */
function selectSuites(names: string[]): Suite[] {
  if (names.length === 0) return [...SUITES];
  const unknown = names.filter((n) => !findSuite(n));
  if (unknown.length > 0) {
    console.error(`bench: unknown suite ${unknown.join(', ')} (suites: ${SUITES.map((s) => s.name).join(', ')})`);
    process.exit(2);
  }
  return names.map((n) => findSuite(n) as Suite);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--row') {
    const suite = findSuite(args[1] as string) as Suite;
    const row = await benchRow(suite, Number(args[2]), Number(args[3] ?? 0));
    console.log(`ROW ${JSON.stringify(row)}`);
    return;
  }
  if (args[0] === '--check') {
    // Only the correctness gate: every case of every selected row against the baseline, nothing timed.
    for (const suite of selectSuites(args.slice(1))) {
      for (const shapes of suite.shapes) {
        await verify(suite, shapes);
        console.log(`ok ${suite.name} (${shapes} shapes, ${checkInputs(suite, shapes).length} inputs)`);
      }
    }
    return;
  }
  const suites = selectSuites(args);
  const report: Report = { machine: machine(loadavg()[0] ?? 0), maxTime, passes: PASSES, suites: [], rows: [] };
  const started = performance.now();
  console.log(
    `bench: ${suites.map((s) => s.name).join(' ')}; ${maxTime} s per case, ${PASSES} passes, one process per row and pass`,
  );
  for (const suite of suites) {
    const { name, title, unit, itemsPerOp, notes, approxNumbers } = suite;
    report.suites.push({ name, title, unit, itemsPerOp, notes, approxNumbers });
  }
  // Every row once per pass, a fresh process each time; the passes go through the rows in opposite orders, so the
  // two measurements of a row are minutes apart (see PASSES).
  const plan = suites.flatMap((suite) => suite.shapes.map((shapes) => ({ suite, shapes })));
  const kept = new Map<string, RowResult>();
  for (let pass = 0; pass < PASSES; pass++) {
    console.log(`pass ${pass + 1} of ${PASSES}`);
    for (const { suite, shapes } of pass % 2 === 0 ? plan : [...plan].reverse()) {
      const key = `${suite.name}/${shapes}`;
      if (kept.get(key)?.error) continue;
      const t = performance.now();
      const problem =
        pass > 0
          ? undefined
          : await verify(suite, shapes).then(
              () => undefined,
              (e: Error) => e.message,
            );
      const row = problem ? { suite: suite.name, shapes, results: [], error: problem } : runChild(suite, shapes, pass);
      kept.set(key, keepFaster(kept.get(key), row));
      process.stdout.write(progress(row, (performance.now() - t) / 1000));
    }
  }
  for (const { suite, shapes } of plan) {
    const row = kept.get(`${suite.name}/${shapes}`) as RowResult;
    report.rows.push(row);
    writeChart(row, suite.title);
  }
  console.log(`\n${formatReport(report)}`);
  mkdirSync(RESULTS, { recursive: true });
  // Only a full run replaces latest.json (the table the README shows); a run of some suites writes partial.json,
  // so measuring one workload never leaves a committed results file with most rows gone.
  const file = args.length === 0 ? 'latest.json' : 'partial.json';
  writeFileSync(join(RESULTS, file), `${JSON.stringify(reportJson(report), null, 2)}\n`);
  const total = (performance.now() - started) / 1000;
  console.log(`Wrote bench/results/${file} and one chart per row (bench/results/*.chart.html); ${total.toFixed(0)} s.`);
  if (report.rows.some((r) => r.error)) process.exitCode = 1;
}

await main();
