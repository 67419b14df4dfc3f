/** Span represents a half-open range [start, end) of UTF-16 offsets in a template text. */
export interface Span {
  start: number;
  end: number;
}

/** Pos represents a resolved position: 0-based offset, 1-based line and column. */
export interface Pos {
  offset: number;
  line: number;
  column: number;
}

/** span returns a Span from start to end. */
export function span(start: number, end: number): Span {
  return { start, end };
}
