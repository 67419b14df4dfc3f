import type { ImlError } from './error.js';
import { Source } from './source.js';

/**
 * SourceSet represents the template strings of one compiled IML value. Each string gets a base offset so that
 * one span (a pair of global offsets) identifies both the string and the place in it.
 */
export class SourceSet {
  readonly sources: Source[] = [];
  private readonly bases: number[] = [];
  private next = 0;

  /** add returns the base offset of a newly registered template string. */
  add(text: string, path?: string): number {
    const base = this.next;
    this.sources.push(new Source(text, path));
    this.bases.push(base);
    this.next = base + text.length + 1;
    return base;
  }

  /** bind returns the error positioned in the string its global offset falls into. */
  bind(err: ImlError): ImlError {
    if (err.bound || err.offset === undefined || this.sources.length === 0) return err;
    const offset = err.offset;
    let lo = 0;
    let hi = this.bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.bases[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return err.bind(this.sources[lo] as Source, this.bases[lo]);
  }
}
