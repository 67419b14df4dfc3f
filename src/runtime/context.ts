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

/** RunState represents the CallContext of one run: created per run, `now` taken on first use. */
export class RunState implements CallContext {
  readonly timezone: string;
  readonly executionId: string | undefined;
  private fixedNow: Date | undefined;
  private self: FunctionThis | undefined;

  constructor(
    readonly limits: Limits,
    options: RunStateOptions = {},
  ) {
    this.timezone = options.timezone ?? 'UTC';
    this.executionId = options.executionId;
    this.fixedNow = options.now;
    this.self = undefined;
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
