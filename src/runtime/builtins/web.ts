// FUNCTIONS.md §2, web text functions: ascii, encodeURL, decodeURL, stripHTML, escapeHTML, escapeMarkdown, mime.
import { text } from '../convert.js';
import { typeError } from '../errors.js';
import { mimeType } from '../mime.js';
import { type Builtin, strict } from './registry.js';

const NON_ASCII = /[^\x00-\x7F]+/g;
const BLOCK_OPEN = /<(script|style)(?=[\s/>])/gi;
const BLOCK_CLOSE: Readonly<Record<string, RegExp>> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };
const BR = /<br\s*\/?>/gi;
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|<>~]/g;

/** ascii returns the text without characters above U+007F; with removeDiacritics, accented letters keep their base letter. */
function ascii(value: unknown, removeDiacritics: unknown): string {
  const s = text(value);
  return (removeDiacritics ? s.normalize('NFD') : s).replace(NON_ASCII, '');
}

/**
 * removeBlocks returns the text without `<script>`…`</script>` and `<style>`…`</style>` blocks. Each search moves
 * forward only, and a block name whose closing tag is missing is not searched again, so hostile input stays linear.
 */
function removeBlocks(s: string): string {
  const open = new RegExp(BLOCK_OPEN);
  const unclosed = new Set<string>();
  let out = '';
  let kept = 0;
  for (let m = open.exec(s); m !== null; m = open.exec(s)) {
    const name = (m[1] as string).toLowerCase();
    if (unclosed.has(name)) continue;
    const close = new RegExp(BLOCK_CLOSE[name] as RegExp);
    close.lastIndex = open.lastIndex;
    if (close.exec(s) === null) {
      unclosed.add(name);
      continue;
    }
    out += s.slice(kept, m.index);
    kept = close.lastIndex;
    open.lastIndex = kept;
  }
  return out + s.slice(kept);
}

/** removeComments returns the text without `<!--…-->` comments (an unclosed one stays). */
function removeComments(s: string): string {
  let out = '';
  let kept = 0;
  for (let i = s.indexOf('<!--'); i !== -1; i = s.indexOf('<!--', kept)) {
    const end = s.indexOf('-->', i + 4);
    if (end === -1) break;
    out += s.slice(kept, i);
    kept = end + 3;
  }
  return out + s.slice(kept);
}

function startsTag(c: string | undefined): boolean {
  return c !== undefined && (c === '/' || c === '!' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** removeTags returns the text without tags: a `<` followed by a letter, `/` or `!`, up to the next `>`. */
function removeTags(s: string): string {
  let out = '';
  let kept = 0;
  for (let i = s.indexOf('<'); i !== -1; i = s.indexOf('<', i + 1)) {
    if (!startsTag(s[i + 1])) continue;
    const end = s.indexOf('>', i + 2);
    // No `>` after this `<` means no later tag can close either.
    if (end === -1) break;
    out += s.slice(kept, i);
    kept = end + 1;
    i = end;
  }
  return out + s.slice(kept);
}

/** stripHTML returns the text of HTML: blocks, comments and tags removed, `<br>` as a line break, entities kept. */
function stripHTML(value: unknown): string {
  return removeTags(removeComments(removeBlocks(text(value))).replace(BR, '\n'));
}

/** escapeHTML returns the text with `&`, `<` and `>` as entities (quotes are left alone). */
function escapeHTML(value: unknown): string {
  return text(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** webBuiltins represents ascii, the URL, HTML and Markdown functions and mime of FUNCTIONS.md §2. */
export const webBuiltins: Builtin[] = [
  strict('ascii', 1, 2, (_ctx, v, removeDiacritics) => ascii(v, removeDiacritics)),
  strict('encodeURL', 1, 1, (_ctx, v) => {
    try {
      return encodeURIComponent(text(v));
    } catch {
      throw typeError('encodeURL() cannot encode text with a lone surrogate');
    }
  }),
  strict('decodeURL', 1, 1, (_ctx, v) => {
    try {
      return decodeURIComponent(text(v));
    } catch {
      throw typeError('decodeURL() got a malformed % escape');
    }
  }),
  strict('stripHTML', 1, 1, (_ctx, v) => stripHTML(v)),
  strict('escapeHTML', 1, 1, (_ctx, v) => escapeHTML(v)),
  strict('escapeMarkdown', 1, 1, (_ctx, v) => text(v).replace(MARKDOWN, '\\$&')),
  strict('mime', 1, 1, (_ctx, v) => mimeType(v)),
];
