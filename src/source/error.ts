import type { Source } from './source.js';
import type { Span } from './span.js';

/** ErrorCode represents every error code of API.md (the prefix is the phase). */
export type ErrorCode =
  | 'syntax/unexpected-token'
  | 'syntax/unexpected-character'
  | 'syntax/unterminated-string'
  | 'syntax/unclosed-mustache'
  | 'syntax/too-deep'
  | 'syntax/too-long'
  | 'compile/unknown-function'
  | 'compile/arity'
  | 'compile/invalid-option'
  | 'runtime/type'
  | 'runtime/limit'
  | 'runtime/function'
  | 'webhook/invalid-spec';

/** SNIPPET_WIDTH represents how many characters of a long line the caret snippet shows around the column. */
const SNIPPET_WIDTH = 60;

/**
 * ImlError represents every failure a template, its input or a spec can cause: a code, a position and a
 * message that ends with the source line and a caret under the column.
 * @example
 * try { evaluate('{{if(body.id >) }}') } catch (e) { if (e instanceof ImlError) console.log(e.code, e.line, e.column) }
 */
export class ImlError extends Error {
  override name = 'ImlError';
  /** The phase: `syntax`, `compile`, `runtime` or `webhook`. */
  readonly phase: string;
  /** The message without position and snippet. */
  readonly reason: string;
  /** 0-based offset in the template text. */
  offset?: number;
  /** 0-based end offset (exclusive) of the offending range. */
  end?: number;
  /** 1-based line. */
  line?: number;
  /** 1-based column (UTF-16 code units). */
  column?: number;
  /** Where in a JSON template or spec the template sits, e.g. `$.respond.body.code`. */
  path?: string;
  /** The source line and caret, as appended to the message. */
  snippet?: string;

  constructor(
    readonly code: ErrorCode,
    reason: string,
    span?: Span,
    options?: { cause?: unknown; path?: string },
  ) {
    super(reason, options?.cause === undefined ? undefined : { cause: options.cause });
    this.phase = code.slice(0, code.indexOf('/'));
    this.reason = reason;
    if (span) {
      this.offset = span.start;
      this.end = span.end;
    }
    if (options?.path !== undefined) {
      this.path = options.path;
      this.message = formatMessage(this);
    }
  }

  /** hasPosition returns whether the error already points into a source. */
  get bound(): boolean {
    return this.line !== undefined;
  }

  /**
   * bind returns this error positioned in a source: `offset` is taken relative to `base` (the source's first
   * global offset), line, column, path and the caret snippet are filled in, and the message is rebuilt.
   */
  bind(source: Source, base = 0): this {
    if (this.offset !== undefined && this.line === undefined) {
      const local = this.offset - base;
      const pos = source.posAt(local);
      this.offset = pos.offset;
      if (this.end !== undefined) this.end = Math.max(pos.offset, this.end - base);
      this.line = pos.line;
      this.column = pos.column;
      this.snippet = caretSnippet(source.lineText(pos.line), pos.column);
    }
    if (source.path !== undefined && this.path === undefined) this.path = source.path;
    this.message = formatMessage(this);
    return this;
  }

  /** withPath returns this error with a JSON path (kept if one is already set), message rebuilt. */
  withPath(path: string): this {
    if (this.path === undefined) this.path = path;
    this.message = formatMessage(this);
    return this;
  }
}

/** formatMessage returns `reason (line:col)`, the JSON path when known, then the caret snippet. */
function formatMessage(e: ImlError): string {
  let m = e.reason;
  if (e.line !== undefined) m += ` (${e.line}:${e.column})`;
  if (e.path !== undefined) m += ` at ${e.path}`;
  if (e.snippet !== undefined) m += `\n${e.snippet}`;
  return m;
}

/**
 * caretSnippet returns the source line indented by two spaces and a caret under the 1-based column. Tabs are
 * kept in the caret line so the caret stays aligned; a long line is cut to a window around the column.
 */
export function caretSnippet(lineText: string, column: number): string {
  let text = lineText;
  let col = column;
  if (text.length > SNIPPET_WIDTH * 2) {
    const from = Math.max(0, col - 1 - SNIPPET_WIDTH);
    const to = Math.min(text.length, col - 1 + SNIPPET_WIDTH);
    const head = from > 0 ? '…' : '';
    text = head + text.slice(from, to) + (to < text.length ? '…' : '');
    col = col - from + head.length;
  }
  const visible = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  let pad = '';
  for (let i = 0; i < col - 1 && i < visible.length; i++) pad += visible[i] === '\t' ? '\t' : ' ';
  return `  ${visible}\n  ${pad}^`;
}

/** isImlError returns whether a value is an ImlError (also across bundled copies of the class). */
export function isImlError(e: unknown): e is ImlError {
  return e instanceof ImlError;
}
