// FUNCTIONS.md §2, text functions: every text argument goes through the **text** conversion.
import type { CallContext } from '../context.js';
import { array, position, text } from '../convert.js';
import { render } from '../render.js';
import { sameValue } from '../same-value.js';
import { ensureArrayLength, ensureTextLength } from '../size.js';
import { type Builtin, strict } from './registry.js';

/** lengthOf returns `length(value)`: text length, element count, byte count, own key count, or 0 for absent. */
function lengthOf(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length;
  return render(value).length;
}

/** firstCodePointLength returns how many UTF-16 units the first code point of a non-empty text takes. */
function firstCodePointLength(s: string): number {
  return (s.codePointAt(0) as number) > 0xffff ? 2 : 1;
}

/** capitalize returns the text with its first code point upper-cased and the rest unchanged. */
function capitalize(s: string): string {
  if (s === '') return s;
  const n = firstCodePointLength(s);
  return s.slice(0, n).toUpperCase() + s.slice(n);
}

/** startcase returns the text with each run of non-whitespace upper-cased first and lower-cased after. */
function startcase(s: string): string {
  return s.replace(/\S+/gu, (word) => {
    const n = firstCodePointLength(word);
    return word.slice(0, n).toUpperCase() + word.slice(n).toLowerCase();
  });
}

/** contains returns the array membership (same value) or substring test of FUNCTIONS.md §2. */
function contains(haystack: unknown, needle: unknown, ignoreCase: unknown): boolean {
  if (Array.isArray(haystack)) {
    if (ignoreCase && typeof needle === 'string') {
      const lowered = needle.toLowerCase();
      return haystack.some((e) => (typeof e === 'string' ? e.toLowerCase() === lowered : sameValue(e, needle)));
    }
    return haystack.some((e) => sameValue(e, needle));
  }
  const h = text(haystack);
  const n = text(needle);
  return ignoreCase ? h.toLowerCase().includes(n.toLowerCase()) : h.includes(n);
}

/** split returns the pieces of a text around a separator (none trimmed, empty ones kept), per code point for "". */
function split(ctx: CallContext, value: unknown, separator: unknown): string[] {
  const s = text(value);
  if (s === '') return [];
  const sep = text(separator);
  const max = ctx.limits.maxArrayLength;
  if (sep !== '') {
    // Ask for one piece past the limit, so that a huge split fails without building every piece.
    const pieces = s.split(sep, max + 1);
    ensureArrayLength(pieces.length, ctx.limits);
    return pieces;
  }
  const out: string[] = [];
  for (const ch of s) {
    out.push(ch);
    if (out.length > max) ensureArrayLength(out.length, ctx.limits);
  }
  return out;
}

/** join returns the texts of an array's elements joined by a separator (default ","). */
function join(ctx: CallContext, value: unknown, separator: unknown): string {
  const items = array(value);
  const sep = separator === undefined || separator === null ? ',' : text(separator);
  let size = 0;
  const parts: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const part = text(items[i]);
    size += part.length + (i > 0 ? sep.length : 0);
    ensureTextLength(size, ctx.limits);
    parts[i] = part;
  }
  return parts.join(sep);
}

/** stringBuiltins represents the text functions of FUNCTIONS.md §2 (case, trim, positions, contains, split, join). */
export const stringBuiltins: Builtin[] = [
  strict('length', 1, 1, (_ctx, v) => lengthOf(v)),
  strict('lower', 1, 1, (_ctx, v) => text(v).toLowerCase()),
  strict('upper', 1, 1, (_ctx, v) => text(v).toUpperCase()),
  strict('capitalize', 1, 1, (_ctx, v) => capitalize(text(v))),
  strict('startcase', 1, 1, (_ctx, v) => startcase(text(v))),
  strict('trim', 1, 1, (_ctx, v) => text(v).trim()),
  strict('substring', 2, 3, (_ctx, v, start, end) => {
    const s = text(v);
    return s.substring(position(start, 'substring', 0), position(end, 'substring', s.length));
  }),
  strict('indexOf', 2, 3, (_ctx, v, search, start) => text(v).indexOf(text(search), position(start, 'indexOf', 0))),
  strict('contains', 2, 3, (_ctx, haystack, needle, ignoreCase) => contains(haystack, needle, ignoreCase)),
  strict('split', 2, 2, split),
  strict('join', 1, 2, join),
];
