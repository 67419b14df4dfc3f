import { foreignError } from '../runtime/errors.js';
import { ImlError } from '../source/error.js';
import type { Bytecode } from './program.js';

/**
 * positioned returns a failure as the caller of a program sees it: an ImlError without a position gets the span
 * [start, end) (none when start is -1) and is bound to the program's sources; a JS stack overflow becomes
 * runtime/limit; anything else (a getter or Proxy trap of the embedder's data threw) becomes runtime/function.
 */
export function positioned(thrown: unknown, bc: Bytecode, start: number, end: number): unknown {
  const e = foreignError(thrown);
  if (e instanceof ImlError) {
    if (start >= 0 && e.offset === undefined && !e.bound) {
      e.offset = start;
      e.end = end;
    }
    return bc.sources.bind(e);
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new ImlError('runtime/limit', 'Evaluation nested too deeply (JS stack exhausted)', undefined, { cause: e });
  }
  return e;
}
