import { readFileSync } from 'node:fs';
import { CliError, type CliIo } from './command.js';

/** readInput returns the text of a file, or of standard input for `-`; a missing file is a one-line CliError. */
export function readInput(path: string, io: CliIo): string {
  if (path === '-') return io.readStdin();
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory, not a file`);
    if (code === 'EACCES') throw new CliError(`${path}: permission denied`);
    throw new CliError(`${path}: cannot read (${code ?? (e as Error).message})`);
  }
}

/** jsonPosition returns " (line L, column C)" for a JSON.parse error message that gives a position. */
function jsonPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const offset = Number(m[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return ` (line ${line}, column ${offset - before.lastIndexOf('\n')})`;
}

/** readJson returns the parsed JSON of a file (or `-`); bad JSON is a one-line CliError with line and column. */
export function readJson(path: string, io: CliIo): unknown {
  const text = readInput(path, io);
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s+/g, ' ');
    throw new CliError(
      `${path === '-' ? 'standard input' : path}: invalid JSON: ${reason}${jsonPosition(text, (e as Error).message)}`,
    );
  }
}

/**
 * toJson returns the JSON text the CLI prints for a value: Dates as ISO 8601 strings, binary buffers as Base64,
 * undefined properties left out, non-finite numbers as null; indented by two spaces unless compact.
 */
export function toJson(value: unknown, compact = false): string {
  const text = JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, v: unknown) {
      // `this[key]` is the value before toJSON(): a Buffer's toJSON would hide that it is binary.
      const raw = this[key];
      return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : v;
    },
    compact ? undefined : 2,
  );
  return text ?? '';
}
