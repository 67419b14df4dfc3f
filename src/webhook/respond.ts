import { childPath } from '../parser/parse.js';
import { depthError, typeError } from '../runtime/errors.js';
import { binaryText, jsonText, render } from '../runtime/render.js';
import { isPlainObject, setOwn } from '../runtime/value.js';
import { ImlError } from '../source/error.js';
import { MAX_VALUE_DEPTH } from '../source/limits.js';
import { atPath } from './directive.js';
import type { WebhookItemError, WebhookResponse } from './types.js';

/** RespondType represents the serializations of `respond.type`. */
export type RespondType = 'json' | 'urlencoded' | 'text';

/** CONTENT_TYPES represents the content type each respond type implies. */
export const CONTENT_TYPES: Readonly<Record<RespondType, string>> = {
  json: 'application/json',
  urlencoded: 'application/x-www-form-urlencoded',
  text: 'text/plain',
};

/** defaultResponse returns the reply of a spec (or a matched verification) without `respond`: 200 `Accepted`. */
export function defaultResponse(): WebhookResponse {
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Accepted' };
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(`%${i.toString(16).toUpperCase().padStart(2, '0')}`);

function unreserved(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x7e
  );
}

/**
 * encodeValue returns a value's percent-encoding as qs writes it (RFC 3986): unreserved characters kept, every
 * other UTF-8 byte as `%XX`, a space as `%20`, and a lone surrogate (which has no UTF-8 form) as U+FFFD.
 */
export function encodeValue(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (unreserved(c)) continue;
    out += s.slice(from, i);
    if (c < 0x80) out += HEX[c];
    else if (c < 0x800) out += (HEX[0xc0 | (c >> 6)] as string) + HEX[0x80 | (c & 0x3f)];
    else if (c < 0xd800 || c >= 0xe000) {
      out += (HEX[0xe0 | (c >> 12)] as string) + HEX[0x80 | ((c >> 6) & 0x3f)] + HEX[0x80 | (c & 0x3f)];
    } else {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (next & 0x3ff));
        out +=
          (HEX[0xf0 | (c >> 18)] as string) +
          HEX[0x80 | ((c >> 12) & 0x3f)] +
          HEX[0x80 | ((c >> 6) & 0x3f)] +
          HEX[0x80 | (c & 0x3f)];
      } else {
        out += '%EF%BF%BD';
      }
    }
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** scalarText returns the text qs writes for a leaf value, or undefined for a value it leaves out. */
function scalarText(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    default:
      return undefined;
  }
}

/** Frame represents pending work of the form encoder: a value to write under a key prefix, or an object to leave. */
type Frame = { value: unknown; prefix: string; depth: number } | { leave: object };

/** leafPair returns the `key=value` pair of a non-container value, '' for one qs leaves out, undefined for a container. */
function leafPair(v: unknown, prefix: string): string | undefined {
  const text = scalarText(v);
  if (text !== undefined) return `${prefix}=${encodeValue(text)}`;
  if (v === null) return `${prefix}=`;
  if (typeof v !== 'object') return ''; // undefined (and functions, which data never holds) are left out
  // qs writes toISOString(); an invalid Date (which would make qs throw) is written like null, as JSON does.
  if (v instanceof Date) return `${prefix}=${Number.isNaN(v.getTime()) ? '' : encodeValue(v.toISOString())}`;
  if (v instanceof Uint8Array) return `${prefix}=${encodeValue(binaryText(v))}`;
  return undefined;
}

/**
 * urlencoded returns the form encoding of a plain object exactly as `qs.stringify(value, {encodeValuesOnly: true,
 * arrayFormat: 'repeat'})` writes it: keys verbatim with literal brackets (`a[b]=c`), arrays as repeated keys,
 * values percent-encoded, null as `a=`, undefined and empty arrays/objects left out. The walk is iterative, so
 * deep data cannot overflow the JS stack: beyond MAX_VALUE_DEPTH it is `runtime/limit`, a cycle `runtime/type`.
 */
export function urlencoded(value: Record<string, unknown>): string {
  const out: string[] = [];
  const open = new Set<object>();
  const stack: Frame[] = [{ value, prefix: '', depth: 0 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if ('leave' in frame) {
      open.delete(frame.leave);
      continue;
    }
    const { value: v, prefix, depth } = frame;
    if (depth > 0) {
      const pair = leafPair(v, prefix);
      if (pair !== undefined) {
        if (pair !== '') out.push(pair);
        continue;
      }
    }
    const obj = v as object;
    if (depth >= MAX_VALUE_DEPTH) throw depthError();
    if (open.has(obj)) throw typeError('Cannot form-encode a cyclic value');
    open.add(obj);
    stack.push({ leave: obj });
    // Children are pushed last-first so that they are written in order.
    if (Array.isArray(obj)) {
      for (let i = obj.length - 1; i >= 0; i--) stack.push({ value: obj[i], prefix, depth: depth + 1 });
    } else {
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = depth === 0 ? key : `${prefix}[${key}]`;
        stack.push({ value: (obj as Record<string, unknown>)[key], prefix: child, depth: depth + 1 });
      }
    }
  }
  return out.join('&');
}

/**
 * serializeBody returns the response body text for a respond type (SEMANTICS §7): JSON text, form encoding (a
 * body that is not a plain object is sent as its text rendering) or the text rendering; undefined is "".
 */
export function serializeBody(type: RespondType, body: unknown): string {
  if (body === undefined) return '';
  switch (type) {
    case 'json':
      return jsonText(body) ?? '';
    case 'urlencoded':
      return isPlainObject(body) ? urlencoded(body) : render(body);
    default:
      return render(body);
  }
}

/** HEADER_NAME represents an RFC 9110 field name (a token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** BAD_HEADER_VALUE represents the characters RFC 9110 §5.5 forbids in a field value (header injection). */
const BAD_HEADER_VALUE = /[\r\n\0]/;

function headerProblem(name: string, value: string): string | undefined {
  if (/[\r\n]/.test(name)) return 'its name contains CR or LF';
  if (!HEADER_NAME.test(name)) return 'its name is not an HTTP token';
  if (BAD_HEADER_VALUE.test(value)) return 'its value contains CR, LF or NUL';
  return undefined;
}

/**
 * buildHeaders returns the reply headers: the implied content type, then the evaluated headers with lower-cased
 * names and text values. An undefined value leaves a header out; a header that could inject or break the HTTP
 * reply (CR/LF/NUL, a name that is not a token) is dropped and recorded in `errors` with index -1.
 */
export function buildHeaders(
  contentType: string,
  headers: unknown,
  path: string,
  errors: WebhookItemError[],
): Record<string, string> {
  const out: Record<string, string> = { 'content-type': contentType };
  if (!isPlainObject(headers)) return out;
  for (const name of Object.keys(headers)) {
    const v = headers[name];
    if (v === undefined) continue;
    let text: string;
    try {
      text = render(v);
    } catch (e) {
      throw e instanceof ImlError ? atPath(e, childPath(path, name)) : e;
    }
    const problem = headerProblem(name, text);
    if (problem !== undefined) {
      const reason = `Header ${JSON.stringify(name)} is not sent: ${problem}`;
      errors.push({
        index: -1,
        error: new ImlError('runtime/type', reason, undefined, { path: childPath(path, name) }),
      });
      continue;
    }
    setOwn(out, name.toLowerCase(), text);
  }
  return out;
}
