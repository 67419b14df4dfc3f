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
