import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { ImlError } from '../source/error.js';
import * as T from './tokens.js';

/** KEYWORDS represents the keyword names of SEMANTICS §4 (their values are decided by the parser). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'null',
  'undefined',
  'emptystring',
  'emptyarray',
  'space',
  'nbsp',
  'tab',
  'newline',
  'carriagereturn',
  'erase',
  'ignore',
]);

/** LexOptions represents where the text sits among a compiled value's sources and how deep it may nest. */
export interface LexOptions {
  /** Global offset of the text's first character (see SourceSet). */
  base: number;
  /** Deepest allowed nesting of `(` and `[`. */
  maxDepth: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** isSpace returns whether a char code is whitespace inside a mustache (JS `\s`). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** describeChar returns a readable form of the character at i (a whole code point; control characters as U+XXXX). */
function describeChar(text: string, i: number): string {
  const cp = text.codePointAt(i) as number;
  const ch = String.fromCodePoint(cp);
  // Controls, format characters (zero-width space, BOM, bidi marks), lone surrogates, private-use and unassigned
  // code points would be invisible or garbled inside quotes, so they are named by code point.
  if (/^[\p{C}\p{Z}]$/u.test(ch)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${ch}"`;
}

/**
 * lex returns the Chevrotain tokens of a template: Text outside mustaches; inside `{{ }}` the expression tokens.
 * A run of three or more `{` opens the mustache at its last two braces (the others are text). Every character
 * is accounted for: an unknown one is `syntax/unexpected-character`, never dropped.
 */
export function lex(text: string, options: LexOptions): IToken[] {
  const { base, maxDepth } = options;
  const tokens: IToken[] = [];
  const len = text.length;
  let i = 0;
  const push = (type: TokenType, start: number, end: number, payload?: unknown) => {
    const tok = createTokenInstance(type, text.slice(start, end), base + start, base + end - 1, NaN, NaN, NaN, NaN);
    if (payload !== undefined) tok.payload = payload;
    tokens.push(tok);
  };
  const fail = (code: 'syntax/unexpected-character' | 'syntax/too-deep', message: string, at: number, end = at + 1) => {
    throw new ImlError(code, message, { start: base + at, end: base + end });
  };

  while (i < len) {
    // Text mode: copy up to the next `{{`.
    let open = text.indexOf('{{', i);
    if (open === -1) {
      push(T.Text, i, len);
      break;
    }
    while (text.charCodeAt(open + 2) === 123) open++;
    if (open > i) push(T.Text, i, open);
    push(T.MustacheOpen, open, open + 2);
    i = open + 2;
    let depth = 0;
    // Expression mode, until the closing `}}`.
    for (;;) {
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      if (i >= len) {
        throw new ImlError('syntax/unclosed-mustache', 'Unclosed mustache: "{{" has no matching "}}"', {
          start: base + open,
          end: base + open + 2,
        });
      }
      const c = text.charCodeAt(i);
      const start = i;
      if (c === 125) {
        if (text.charCodeAt(i + 1) !== 125) fail('syntax/unexpected-character', 'Unexpected character "}"', i);
        push(T.MustacheClose, i, i + 2);
        i += 2;
        break;
      }
      if (isDigit(c)) {
        i = scanNumber(text, i);
        push(T.NumberLiteral, start, i);
      } else if (isIdentStart(c)) {
        i++;
        while (i < len && isIdentPart(text.charCodeAt(i))) i++;
        const word = text.slice(start, i);
        push(KEYWORDS.has(word) ? T.Keyword : T.Identifier, start, i);
      } else if (c === 39 || c === 34 || c === 96) {
        const [value, end] = scanQuoted(text, i, base);
        push(c === 96 ? T.BacktickName : T.StringLiteral, start, end, value);
        i = end;
      } else {
        const [type, size] = operator(text, i, c);
        if (!type) fail('syntax/unexpected-character', `Unexpected character ${describeChar(text, i)}`, i);
        if (type === T.LParen || type === T.LBracket) {
          depth++;
          if (depth > maxDepth) {
            fail('syntax/too-deep', `Expression is nested deeper than ${maxDepth} levels (limits.maxDepth)`, i);
          }
        } else if ((type === T.RParen || type === T.RBracket) && depth > 0) depth--;
        push(type as TokenType, i, i + size);
        i += size;
      }
    }
  }
  return tokens;
}

function scanNumber(text: string, i: number): number {
  const len = text.length;
  while (i < len && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < len && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const s = text.charCodeAt(j);
    if (s === 43 || s === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      i = j;
      while (i < len && isDigit(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

/**
 * scanQuoted returns the decoded value and end offset of a quoted string or backtick name starting at i.
 * Escapes: `\\ \' \" \` \n \r \t \uXXXX`; a backslash before anything else is kept with it.
 */
function scanQuoted(text: string, i: number, base: number): [string, number] {
  const quote = text.charCodeAt(i);
  const len = text.length;
  let out = '';
  let j = i + 1;
  let chunk = j;
  while (j < len) {
    const c = text.charCodeAt(j);
    if (c === quote) return [out + text.slice(chunk, j), j + 1];
    if (c !== 92) {
      j++;
      continue;
    }
    out += text.slice(chunk, j);
    const n = text.charCodeAt(j + 1);
    if (n === 92 || n === 39 || n === 34 || n === 96) {
      out += String.fromCharCode(n);
      j += 2;
    } else if (n === 110) {
      out += '\n';
      j += 2;
    } else if (n === 114) {
      out += '\r';
      j += 2;
    } else if (n === 116) {
      out += '\t';
      j += 2;
    } else if (
      n === 117 &&
      isHex(text.charCodeAt(j + 2)) &&
      isHex(text.charCodeAt(j + 3)) &&
      isHex(text.charCodeAt(j + 4)) &&
      isHex(text.charCodeAt(j + 5))
    ) {
      out += String.fromCharCode(Number.parseInt(text.slice(j + 2, j + 6), 16));
      j += 6;
    } else {
      out += '\\';
      j += 1;
    }
    chunk = j;
  }
  const what = quote === 96 ? 'backtick name' : 'string';
  throw new ImlError(
    'syntax/unterminated-string',
    `Unterminated ${what}: ${String.fromCharCode(quote)} is not closed`,
    {
      start: base + i,
      end: base + i + 1,
    },
  );
}

/** operator returns the operator or punctuation token at i and its length, or [undefined, 0]. */
function operator(text: string, i: number, c: number): [TokenType | undefined, number] {
  const n = text.charCodeAt(i + 1);
  switch (c) {
    case 40:
      return [T.LParen, 1];
    case 41:
      return [T.RParen, 1];
    case 91:
      return [T.LBracket, 1];
    case 93:
      return [T.RBracket, 1];
    case 46:
      return [T.Dot, 1];
    case 44:
      return [T.Comma, 1];
    case 59:
      return [T.Semicolon, 1];
    case 42:
      return [T.Star, 1];
    case 47:
      return [T.Slash, 1];
    case 37:
      return [T.Percent, 1];
    case 45:
      return [T.Minus, 1];
    case 43:
      return n === 43 ? [T.PlusPlus, 2] : [T.Plus, 1];
    case 60:
      return n === 61 ? [T.LessEqual, 2] : [T.Less, 1];
    case 62:
      return n === 61 ? [T.GreaterEqual, 2] : [T.Greater, 1];
    case 61:
      if (n !== 61) return [T.Equal, 1];
      return text.charCodeAt(i + 2) === 61 ? [T.Equal, 3] : [T.Equal, 2];
    case 33:
      if (n !== 61) return [T.Bang, 1];
      return text.charCodeAt(i + 2) === 61 ? [T.NotEqual, 3] : [T.NotEqual, 2];
    case 38:
      return n === 38 ? [T.And, 2] : [T.And, 1];
    case 124:
      return n === 124 ? [T.Or, 2] : [T.Or, 1];
    default:
      return [undefined, 0];
  }
}
