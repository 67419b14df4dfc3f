import type { Pos } from './span.js';

/** Source represents one template text with a lazily built line-start table. */
export class Source {
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    /** Where the text sits in a JSON template or spec, e.g. `$.respond.body.code`. */
    readonly path?: string,
  ) {}

  /** posAt returns the 1-based line and column of a 0-based offset (clamped to the text). */
  posAt(offset: number): Pos {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: lo + 1, column: o - (starts[lo] as number) + 1 };
  }

  /** lineText returns the text of a 1-based line without its line break. */
  lineText(line: number): string {
    const starts = this.starts();
    const start = starts[line - 1] ?? this.text.length;
    let end = starts[line] ?? this.text.length + 1;
    end -= 1; // drop the '\n'
    if (end > start && this.text.charCodeAt(end - 1) === 13) end -= 1; // and a '\r' before it
    return this.text.slice(start, Math.max(start, end));
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    return starts;
  }
}
