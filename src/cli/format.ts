import type { ImlError } from '../index.js';

/** errorText returns how the CLI prints an ImlError: its code, then its message (position, path and caret). */
export function errorText(e: ImlError): string {
  return `error ${e.code}: ${e.message}`;
}

/** errorJson returns the JSON shape of an ImlError in CLI output (an Error has no enumerable message). */
export function errorJson(e: ImlError): Record<string, unknown> {
  return { code: e.code, message: e.reason, path: e.path, line: e.line, column: e.column, offset: e.offset };
}

/** indent returns text with every line indented by a prefix. */
export function indent(text: string, prefix: string): string {
  return text.replace(/^/gm, prefix);
}
