import type { CustomFunction } from './runtime/builtins/resolve.js';
import type { FunctionThis } from './runtime/context.js';
import type { Limits } from './source/limits.js';

export type { ImlValue } from './runtime/value.js';
export type { FunctionThis, Limits };

/** CompileOptions represents the options that change a compiled program (API.md). */
export interface CompileOptions {
  /** Custom IML functions, called like built-ins with `this.timezone` set. */
  functions?: Record<string, CustomFunction>;
  /** Let custom functions replace built-ins of the same name (otherwise such a name is `compile/invalid-option`). */
  overrideBuiltins?: boolean;
  /** `==`, `=`, `===` as JS `===` (default false: JS `==`). */
  strictEquality?: boolean;
  /** Run the optimizer (default true); false runs the same program unoptimized. */
  optimize?: boolean;
  limits?: Partial<Limits>;
}

/** RunOptions represents the options of one run (API.md). */
export interface RunOptions {
  /** IANA zone of date functions, default "UTC". */
  timezone?: string;
  /** Fixes `now` and `timestamp` for the whole evaluation. */
  now?: Date;
  executionId?: string;
  /** The `environment` variable of webhook directives (read by compileWebhook().handle()). */
  environment?: Record<string, unknown>;
  limits?: Partial<Limits>;
}

/** Program represents a compiled IML value: run it against a context, as often and as concurrently as needed. */
export interface Program {
  /** run returns the value of the template in a context. Synchronous and reentrant. */
  run(context?: Record<string, unknown>, options?: RunOptions): unknown;
  /** The IML value it was compiled from. */
  readonly source: unknown;
}
