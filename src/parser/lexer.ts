import type { IToken, TokenType } from 'chevrotain';
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

/** KEYWORD_MAX_LENGTH represents the length of the longest keyword. */
const KEYWORD_MAX_LENGTH = Math.max(...Array.from(KEYWORDS, (k) => k.length));

/**
 * KEYWORD_CANDIDATES represents the keywords by length and first character (index length * 128 + char code):
 * comparing a fresh word with the one or two candidates of its kind is cheaper than hashing it for a Set lookup
 * (measured: that lookup was the lexer's hottest line), and most identifiers have no candidate at all.
 */
const KEYWORD_CANDIDATES: readonly (readonly string[] | undefined)[] = (() => {
  // Filled (not holey or sparse), so a lookup is a plain indexed load.
  const table: (string[] | undefined)[] = new Array((KEYWORD_MAX_LENGTH + 1) * 128).fill(undefined);
  for (const k of KEYWORDS) (table[k.length * 128 + k.charCodeAt(0)] ??= []).push(k);
  return table;
})();

/** isKeyword returns whether a word (an identifier, so ASCII) starting with char code `first` is a keyword. */
function isKeyword(word: string, first: number): boolean {
  if (word.length > KEYWORD_MAX_LENGTH) return false;
  const candidates = KEYWORD_CANDIDATES[word.length * 128 + first];
  if (candidates === undefined) return false;
  for (const k of candidates) if (k === word) return true;
  return false;
}

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
 * token returns a Chevrotain token. Lines and columns are left out (the parser builds no CST, and errors find
 * them from offsets); every token has a `payload` field, also when it is undefined, so reads see one shape.
 */
function token(type: TokenType, image: string, start: number, payload: unknown): IToken {
  return {
    image,
    startOffset: start,
    endOffset: start + image.length - 1,
    tokenTypeIdx: type.tokenTypeIdx as number,
    tokenType: type,
    payload,
  };
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
  const fail = (
    code: 'syntax/unexpected-character' | 'syntax/too-deep',
    message: string,
    at: number,
    end = at + 1,
  ): never => {
    throw new ImlError(code, message, { start: base + at, end: base + end });
  };

  while (i < len) {
    // Text mode: copy up to the next `{{`.
    let open = text.indexOf('{{', i);
    if (open === -1) {
      tokens.push(token(T.Text, text.slice(i, len), base + i, undefined));
      break;
    }
    while (text.charCodeAt(open + 2) === 123) open++;
    if (open > i) tokens.push(token(T.Text, text.slice(i, open), base + i, undefined));
    tokens.push(token(T.MustacheOpen, '{{', base + open, undefined));
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
        tokens.push(token(T.MustacheClose, '}}', base + i, undefined));
        i += 2;
        break;
      }
      if (isDigit(c)) {
        i = scanNumber(text, i);
        tokens.push(token(T.NumberLiteral, text.slice(start, i), base + start, undefined));
      } else if (isIdentStart(c)) {
        i++;
        while (i < len && isIdentPart(text.charCodeAt(i))) i++;
        const word = text.slice(start, i);
        tokens.push(token(isKeyword(word, c) ? T.Keyword : T.Identifier, word, base + start, undefined));
      } else if (c === 39 || c === 34 || c === 96) {
        const [value, end] = scanQuoted(text, i, base);
        tokens.push(token(c === 96 ? T.BacktickName : T.StringLiteral, text.slice(start, end), base + start, value));
        i = end;
      } else {
        const op = operator(text, i, c);
        if (!op) return fail('syntax/unexpected-character', `Unexpected character ${describeChar(text, i)}`, i);
        const type = op.type;
        if (type === T.LParen || type === T.LBracket) {
          depth++;
          if (depth > maxDepth) {
            fail('syntax/too-deep', `Expression is nested deeper than ${maxDepth} levels (limits.maxDepth)`, i);
          }
        } else if ((type === T.RParen || type === T.RBracket) && depth > 0) depth--;
        tokens.push(token(type, op.image, base + i, undefined));
        i += op.image.length;
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

/** Fixed represents an operator or punctuation token: its type and its exact text. */
interface Fixed {
  type: TokenType;
  image: string;
}

const fixed = (type: TokenType, image: string): Fixed => ({ type, image });
const L_PAREN = fixed(T.LParen, '(');
const R_PAREN = fixed(T.RParen, ')');
const L_BRACKET = fixed(T.LBracket, '[');
const R_BRACKET = fixed(T.RBracket, ']');
const DOT = fixed(T.Dot, '.');
const COMMA = fixed(T.Comma, ',');
const SEMICOLON = fixed(T.Semicolon, ';');
const STAR = fixed(T.Star, '*');
const SLASH = fixed(T.Slash, '/');
const PERCENT = fixed(T.Percent, '%');
const MINUS = fixed(T.Minus, '-');
const PLUS = fixed(T.Plus, '+');
const PLUS_PLUS = fixed(T.PlusPlus, '++');
const LESS = fixed(T.Less, '<');
const LESS_EQUAL = fixed(T.LessEqual, '<=');
const GREATER = fixed(T.Greater, '>');
const GREATER_EQUAL = fixed(T.GreaterEqual, '>=');
const EQUAL1 = fixed(T.Equal, '=');
const EQUAL2 = fixed(T.Equal, '==');
const EQUAL3 = fixed(T.Equal, '===');
const BANG = fixed(T.Bang, '!');
const NOT_EQUAL2 = fixed(T.NotEqual, '!=');
const NOT_EQUAL3 = fixed(T.NotEqual, '!==');
const AND1 = fixed(T.And, '&');
const AND2 = fixed(T.And, '&&');
const OR1 = fixed(T.Or, '|');
const OR2 = fixed(T.Or, '||');

/** operator returns the operator or punctuation token at i (its text is that of the source), or undefined. */
function operator(text: string, i: number, c: number): Fixed | undefined {
  const n = text.charCodeAt(i + 1);
  switch (c) {
    case 40:
      return L_PAREN;
    case 41:
      return R_PAREN;
    case 91:
      return L_BRACKET;
    case 93:
      return R_BRACKET;
    case 46:
      return DOT;
    case 44:
      return COMMA;
    case 59:
      return SEMICOLON;
    case 42:
      return STAR;
    case 47:
      return SLASH;
    case 37:
      return PERCENT;
    case 45:
      return MINUS;
    case 43:
      return n === 43 ? PLUS_PLUS : PLUS;
    case 60:
      return n === 61 ? LESS_EQUAL : LESS;
    case 62:
      return n === 61 ? GREATER_EQUAL : GREATER;
    case 61:
      if (n !== 61) return EQUAL1;
      return text.charCodeAt(i + 2) === 61 ? EQUAL3 : EQUAL2;
    case 33:
      if (n !== 61) return BANG;
      return text.charCodeAt(i + 2) === 61 ? NOT_EQUAL3 : NOT_EQUAL2;
    case 38:
      return n === 38 ? AND2 : AND1;
    case 124:
      return n === 124 ? OR2 : OR1;
    default:
      return undefined;
  }
}
