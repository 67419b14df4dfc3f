import type { Limits } from '../source/limits.js';

/** FunctionThis represents `this` inside a custom function (API.md). */
export interface FunctionThis {
  timezone: string;
}

/** CallContext represents the per-run state that built-in functions and variables read. */
export interface CallContext {
  /** IANA zone of date functions (RunOptions.timezone, default "UTC"). */
  readonly timezone: string;
  /** `now`, fixed for the whole evaluation. */
  readonly now: Date;
  readonly executionId: string | undefined;
  readonly limits: Limits;
  /** `this` of custom functions. */
  readonly functionThis: FunctionThis;
  /** random returns a number in [0, 1), the source of `random` and `shuffle`. */
  random(): number;
}

/** RunStateOptions represents what RunState takes from RunOptions. */
export interface RunStateOptions {
  timezone?: string | undefined;
  now?: Date | undefined;
  executionId?: string | undefined;
}

/**
 * RunState represents the CallContext of one run, `now` taken on first use. The VM reuses a state from one run in
 * the next through reset (one allocation less per run that calls a function); the reference makes one per run.
 */
export class RunState implements CallContext {
  // Set by reset, which the constructor calls (no default `{}` for options: most runs give none).
  timezone!: string;
  executionId!: string | undefined;
  limits!: Limits;
  private fixedNow: Date | undefined;
  private self: FunctionThis | undefined;

  constructor(limits: Limits, options?: RunStateOptions) {
    this.reset(limits, options);
  }

  /**
   * reset makes this the state of a new run, as the constructor would. What an earlier run handed out (its `now`
   * Date, the `this` of its custom functions) stays with it: the new run makes its own on first use.
   */
  reset(limits: Limits, options: RunStateOptions | undefined): this {
    this.limits = limits;
    this.timezone = options?.timezone ?? 'UTC';
    this.executionId = options?.executionId;
    this.fixedNow = options?.now;
    this.self = undefined;
    return this;
  }

  /** functionThis is made on first use: most runs call no custom function (one allocation less per run). */
  get functionThis(): FunctionThis {
    this.self ??= { timezone: this.timezone };
    return this.self;
  }

  get now(): Date {
    this.fixedNow ??= new Date();
    return this.fixedNow;
  }

  random(): number {
    return Math.random();
  }
}
