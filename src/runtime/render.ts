import { MAX_VALUE_DEPTH } from '../source/limits.js';
import { depthError, stackError, typeError } from './errors.js';

const utf8 = new TextDecoder('utf-8');

/** binaryText returns the UTF-8 text of a buffer (invalid sequences become U+FFFD). */
export function binaryText(b: Uint8Array): string {
  return utf8.decode(b);
}

/** binaryBase64 returns the standard Base64 text of a buffer. */
export function binaryBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** dateText returns a Date as ISO 8601 UTC with milliseconds ("Invalid Date" for an invalid one). */
export function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString();
}

/**
 * render returns the text rendering of a value (SEMANTICS §5): undefined/null → "", numbers as JS `String`,
 * Dates as ISO 8601, buffers as UTF-8, arrays as their rendered elements joined with ",", objects as JSON.
 */
export function render(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return String(v);
    case 'object':
      return v === null ? '' : renderTop(v);
    default:
      return '';
  }
}

function renderTop(v: object): string {
  try {
    return renderObject(v, 0);
  } catch (e) {
    throw stackError(e);
  }
}

function renderObject(v: object, depth: number): string {
  if (Array.isArray(v)) return renderArray(v, depth);
  if (v instanceof Date) return dateText(v);
  if (v instanceof Uint8Array) return binaryText(v);
  return jsonText(v) as string;
}

function renderArray(a: readonly unknown[], depth: number): string {
  if (depth >= MAX_VALUE_DEPTH) throw depthError();
  let out = '';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += ',';
    const e = a[i];
    if (e === a) throw typeError('Cannot render a cyclic array');
    out += typeof e === 'object' && e !== null ? renderObject(e, depth + 1) : render(e);
  }
  return out;
}

/**
 * jsonText returns the JSON text of a value (createJSON, object rendering): Dates as ISO strings, buffers as
 * Base64 strings, undefined properties dropped, undefined array elements and non-finite numbers as null. An
 * undefined (or function) value gives undefined. Cycles raise `runtime/type`; nesting beyond MAX_VALUE_DEPTH
 * raises `runtime/limit`. Inherited members and `toJSON` methods are never consulted.
 */
export function jsonText(v: unknown): string | undefined {
  const parts: string[] = [];
  try {
    if (!writeJson(v, parts, new Set(), 0)) return undefined;
  } catch (e) {
    throw stackError(e);
  }
  return parts.join('');
}

function writeJson(v: unknown, out: string[], seen: Set<object>, depth: number): boolean {
  switch (typeof v) {
    case 'string':
      out.push(JSON.stringify(v));
      return true;
    case 'number':
      out.push(Number.isFinite(v) ? String(v) : 'null');
      return true;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return true;
    case 'bigint':
      out.push(String(v));
      return true;
    case 'object':
      if (v === null) {
        out.push('null');
        return true;
      }
      return writeJsonObject(v, out, seen, depth);
    default:
      return false;
  }
}

function writeJsonObject(v: object, out: string[], seen: Set<object>, depth: number): boolean {
  if (v instanceof Date) {
    out.push(Number.isNaN(v.getTime()) ? 'null' : JSON.stringify(v.toISOString()));
    return true;
  }
  if (v instanceof Uint8Array) {
    out.push(JSON.stringify(binaryBase64(v)));
    return true;
  }
  if (depth >= MAX_VALUE_DEPTH) throw depthError();
  if (seen.has(v)) throw typeError('Cannot convert a cyclic value to JSON');
  seen.add(v);
  if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      if (!writeJson(v[i], out, seen, depth + 1)) out.push('null');
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const key of Object.keys(v)) {
      const value = (v as Record<string, unknown>)[key];
      const at = out.length;
      out.push(first ? '' : ',', JSON.stringify(key), ':');
      if (writeJson(value, out, seen, depth + 1)) first = false;
      else out.length = at;
    }
    out.push('}');
  }
  seen.delete(v);
  return true;
}
