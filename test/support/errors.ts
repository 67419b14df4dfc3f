// Builds the exact error message format of API.md, independently of src/source/error.ts:
// `reason (line:col)`, then ` at $.path` when the template sits in a JSON value, then the source line and a caret.

/** message returns the expected message of a positioned error on a line no wider than the snippet window. */
export function message(reason: string, line: number, column: number, lineText: string, path?: string): string {
  const at = path === undefined ? '' : ` at ${path}`;
  let pad = '';
  for (let i = 0; i < column - 1; i++) pad += lineText[i] === '\t' ? '\t' : ' ';
  return `${reason} (${line}:${column})${at}\n  ${lineText}\n  ${pad}^`;
}
