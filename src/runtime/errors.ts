import { ImlError } from '../source/error.js';
import { MAX_VALUE_DEPTH } from '../source/limits.js';

/** typeError returns a `runtime/type` error without a position; the evaluator adds the span of the failing call. */
export function typeError(message: string): ImlError {
  return new ImlError('runtime/type', message);
}

/** limitError returns a `runtime/limit` error without a position. */
export function limitError(message: string): ImlError {
  return new ImlError('runtime/limit', message);
}

/** depthError returns the `runtime/limit` error of a value nested deeper than MAX_VALUE_DEPTH. */
export function depthError(): ImlError {
  return limitError(`Value is nested deeper than ${MAX_VALUE_DEPTH} levels`);
}

/**
 * stackError returns the `runtime/limit` error for a JS stack overflow met while walking nested data (the stack
 * may run out before MAX_VALUE_DEPTH levels when the caller's stack is already deep), or `e` itself otherwise.
 */
export function stackError(e: unknown): unknown {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return limitError('Value is nested too deeply to walk (JS stack exhausted)');
  }
  return e;
}
