import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, type Command, usageError } from './command.js';

/** BENCH_DEPENDENCIES represents the devDependencies the benchmark runner needs: bundler, harness, the peers. */
const BENCH_DEPENDENCIES = ['esbuild', 'benny', '@marcbachmann/cel-js', 'jsonata', 'filtrex'];

function isCheckout(dir: string): boolean {
  if (!existsSync(join(dir, 'bench', 'run.ts'))) return false;
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'iml-vm';
  } catch {
    return false;
  }
}

/**
 * benchCheckout returns the iml-vm checkout that holds the benchmark runner: the nearest folder at or above one of
 * `from` with the package's package.json and bench/run.ts, or undefined (the published package ships neither).
 */
export function benchCheckout(from: readonly string[]): string | undefined {
  for (const start of from) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (isCheckout(dir)) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** missingDependencies returns the benchmark's devDependencies that a checkout has not installed. */
export function missingDependencies(root: string): string[] {
  return BENCH_DEPENDENCIES.filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
}

/**
 * benchRunner returns the checkout whose runner `iml bench` starts, or throws a one-line CliError saying how to run
 * the benchmarks: outside a checkout (an installed package) or before its devDependencies are installed.
 */
export function benchRunner(from: readonly string[]): string {
  const root = benchCheckout(from);
  if (!root) {
    throw new CliError(
      'the benchmarks run from a checkout of the iml-vm repository: clone it, npm install, then iml bench (or npm run bench)',
    );
  }
  const missing = missingDependencies(root);
  if (missing.length > 0) {
    throw new CliError(`run npm install in ${root} first (missing devDependencies: ${missing.join(', ')})`);
  }
  return root;
}

/** benchCommand represents `iml bench`: run the repository's benchmark suites (a checkout with devDependencies). */
export const benchCommand: Command = {
  name: 'bench',
  summary: 'run the benchmark suites against the JS baseline and the peer engines (from a checkout)',
  help: `Usage: iml bench [suite...] [options]

Runs the benchmark suites of an iml-vm checkout (npm run bench) and prints one table per suite: ops/s of the
hand-written JS baseline, the VM with and without the optimizer, the reference interpreter, and the peers
cel-js, jsonata and filtrex, each with its ratio to the baseline and to the fastest peer. It also writes
bench/results/latest.json and one HTML chart per row. Every engine's results are checked equal to the
baseline's before anything is timed. The whole run takes about 3-4 minutes on 2 cores.

The benchmarks are not in the published package: they need the repository's bench/ folder and its
devDependencies (esbuild, benny and the peers). Run this command inside a checkout after npm install;
anywhere else it says so and exits 1.

Arguments:
  [suite...]         W1 W2 W3 W4 W5 slack stripe batch spec evaluate (default: all)

Options:
  --time SECONDS     seconds benny times each case (default 0.5; more is steadier and slower)
  --check            only check every engine's results against the baseline, time nothing
  -h, --help         show this help

Example:
  iml bench W1 slack`,
  options: { time: { type: 'string' }, check: { type: 'boolean' } },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY },
  run(args) {
    const time = args.values.time;
    if (typeof time === 'string' && !(Number(time) > 0)) throw usageError(`--time: expected seconds > 0, got ${time}`);
    const root = benchRunner([process.cwd(), dirname(fileURLToPath(import.meta.url))]);
    const argv = ['run', '--silent', 'bench', '--', ...(args.values.check ? ['--check'] : []), ...args.positionals];
    // The runner streams its progress and tables straight to the terminal (a run takes minutes).
    const child = spawnSync('npm', argv, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: typeof time === 'string' ? { ...process.env, BENCH_TIME: time } : process.env,
    });
    if (child.error) throw new CliError(`cannot start npm: ${child.error.message}`);
    return child.status ?? 1;
  },
};
