// The shape of a benchmark suite: a data table of cases, one per engine, that all compute the same thing on the
// same inputs. The runner times every case of a row in one process; verify() checks each case's results against
// the baseline's before anything is timed.

/** EngineKind represents what a case is compared as: the hand-written baseline, one of ours, or a peer engine. */
export type EngineKind = 'baseline' | 'iml' | 'peer';

/** Timed represents the function one benchmark operation calls; a Promise result is awaited (jsonata). */
export type Timed = (input: unknown) => unknown;

/** Case represents one engine in a suite. */
export interface Case {
  /** The column name in the report, e.g. `vm`, `vm -O0`, `cel-js`. */
  engine: string;
  kind: EngineKind;
  /** prepare returns the function to time; compiling happens here, outside the timing. */
  prepare(): Timed;
  /**
   * check returns the value compared with the baseline's for one input; by default it is what the timed function
   * returns (compile suites time compiling and check by running what was compiled).
   */
  check?(timed: Timed, input: unknown): unknown;
}

/** Missing represents an engine that cannot express a suite's workload, shown as `-` with the reason in a note. */
export interface Missing {
  engine: string;
  kind: EngineKind;
  reason: string;
}

/** Suite represents one benchmark workload with every engine that runs it. */
export interface Suite {
  /** The name selected on the command line (`npm run bench -- W1 slack`). */
  name: string;
  /** What one operation does, for the report. */
  title: string;
  /** What one operation is: the report prints `<unit>/s`. */
  unit: 'ops' | 'requests' | 'compiles' | 'specs';
  /** Items handled per operation (batch suites also report items/s). */
  itemsPerOp?: number;
  /** The shape counts the suite runs with (a row each). */
  shapes: readonly number[];
  /** inputs returns the inputs the timed operations rotate through, for data with `shapes` object shapes. */
  inputs(shapes: number): readonly unknown[];
  /** checkInputs returns extra inputs that only the correctness check runs (other paths of the same spec). */
  checkInputs?(): readonly unknown[];
  /** The baseline's known-good results on some inputs (the examples' expected files), checked before the peers. */
  expected?(): ReadonlyArray<{ input: unknown; want: unknown }>;
  /** The hand-written JS whose results every case must equal; the denominator of the `×js` ratio. */
  baseline: Case;
  /** Why the baseline is not timed (compiling: plain JS has no compile step); it still checks every result. */
  untimedBaseline?: string;
  cases: readonly Case[];
  missing?: readonly Missing[];
  /**
   * Why numbers may differ in the last bits (IML's exact decimal arithmetic against binary floating point): when
   * set, the check compares numbers to 12 significant digits instead of exactly.
   */
  approxNumbers?: string;
  /**
   * How long each case runs before it is timed, in ms (default 150). Compiling exercises the whole parser and
   * compiler, which V8 takes about a second to optimize; timed earlier, the first case of a row lost up to 2x.
   */
  warmupMs?: number;
  /** Notes printed under the suite's table: how each engine was written and what it had to do differently. */
  notes?: readonly string[];
}

/** HEADLINE represents the engine whose ratio to the fastest peer is each suite's verdict. */
export const HEADLINE = 'vm';
