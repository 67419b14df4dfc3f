import { compile } from '../index.js';
import type { CompileOptions, Program, RunOptions } from '../options.js';
import { ImlError } from '../source/error.js';

/** rebased represents the errors already moved under a directive's path, so a rethrown error is not moved twice. */
const rebased = new WeakSet<ImlError>();

/**
 * atPath returns the error with its JSON path placed under a directive's path: compile() of a directive value
 * reports paths rooted at `$` (`$.name` in an output object) or none (a lone template string), so `$.name` becomes
 * `$.output.name` and a missing path becomes the directive's own. The message is rebuilt to show the new path.
 */
export function atPath(e: ImlError, path: string): ImlError {
  if (rebased.has(e) || e.code === 'compile/invalid-option') return e;
  rebased.add(e);
  const p = e.path;
  const next = p === undefined || p === '$' ? path : p.startsWith('$.') || p.startsWith('$[') ? path + p.slice(1) : p;
  e.path = undefined;
  return e.withPath(next);
}

/**
 * Directive represents one compiled directive of a webhook spec: its program and its JSON path. Every ImlError
 * it throws, at compile time or at run time, carries a path inside the spec.
 */
export class Directive {
  private constructor(
    readonly path: string,
    private readonly program: Program,
  ) {}

  /** compile returns the Directive of a spec value, or throws the first ImlError with its spec path. */
  static compile(value: unknown, path: string, options: CompileOptions): Directive {
    try {
      return new Directive(path, compile(value, options));
    } catch (e) {
      throw e instanceof ImlError ? atPath(e, path) : e;
    }
  }

  /** run returns the directive's value in a context, or throws an ImlError with its spec path. */
  run(context: Record<string, unknown>, options: RunOptions): unknown {
    try {
      return this.program.run(context, options);
    } catch (e) {
      throw e instanceof ImlError ? atPath(e, this.path) : e;
    }
  }
}
