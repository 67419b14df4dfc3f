// Exact code, line, column and message of every syntax error kind (API.md error codes, SEMANTICS §2 positions).
import { type ErrorCase, runCases } from '../support/cases.js';
import { message } from '../support/errors.js';

/** syntax returns an error case whose whole template is one line. */
function syntax(src: string, code: string, column: number, reason: string, name?: string): ErrorCase {
  return { src, name, error: { code, line: 1, column, message: message(reason, 1, column, src) } };
}

const TOKEN = 'syntax/unexpected-token';
const CHAR = 'syntax/unexpected-character';
const STRING = 'syntax/unterminated-string';
const MUSTACHE = 'syntax/unclosed-mustache';

runCases('syntax/unexpected-token points at the token the parser cannot use', [
  syntax('{{if(body.id >) }}', TOKEN, 15, 'Unexpected token ")"', 'an operator without its right operand'),
  syntax('{{1 +}}', TOKEN, 6, 'Unexpected token "}}"', 'an expression that ends too early points at }}'),
  syntax('{{}}', TOKEN, 3, 'Unexpected token "}}"', 'an empty mustache'),
  syntax('{{   }}', TOKEN, 6, 'Unexpected token "}}"', 'a blank mustache'),
  syntax('{{(1}}', TOKEN, 5, 'Unexpected token "}}"', 'an unclosed parenthesis ends too early'),
  syntax('{{a[}}', TOKEN, 5, 'Unexpected token "}}"', 'an unclosed bracket ends too early'),
  syntax('{{a.}}', TOKEN, 5, 'Unexpected token "}}"', 'a dot without a name'),
  syntax('{{f(1,}}', TOKEN, 7, 'Unexpected token "}}"', 'a call that ends too early'),
  syntax('{{a b}}', TOKEN, 5, 'Unexpected token "b"', 'two operands without an operator'),
  syntax("{{'a' 'b'}}", TOKEN, 7, `Unexpected token "'b'"`),
  syntax('{{.5}}', TOKEN, 3, 'Unexpected token "."', '.5 is not a number'),
  syntax('{{a..b}}', TOKEN, 5, 'Unexpected token "."'),
  syntax('{{a.1}}', TOKEN, 5, 'Unexpected token "1"', 'a member name cannot be a number'),
  syntax('{{a.(b)}}', TOKEN, 5, 'Unexpected token "("'),
  syntax("{{a.'b'}}", TOKEN, 5, `Unexpected token "'b'"`, 'a member name cannot be a string'),
  syntax('{{1)}}', TOKEN, 4, 'Unexpected token ")"', 'a stray closing parenthesis'),
  syntax('{{a]}}', TOKEN, 4, 'Unexpected token "]"'),
  syntax('{{f(1,)}}', TOKEN, 7, 'Unexpected token ")"', 'a trailing separator'),
  syntax('{{f(,1)}}', TOKEN, 5, 'Unexpected token ","', 'a leading separator'),
  syntax('{{++a}}', TOKEN, 3, 'Unexpected token "++"', '++ is not a prefix operator'),
  syntax('{{a = = b}}', TOKEN, 7, 'Unexpected token "="'),
  syntax('{{* 2}}', TOKEN, 3, 'Unexpected token "*"'),
  syntax('{{a && || b}}', TOKEN, 8, 'Unexpected token "||"'),
  syntax('{{[1, 2]}}', TOKEN, 3, 'Unexpected token "["', 'no array literals'),
  syntax('{{(1, 2)}}', TOKEN, 5, 'Unexpected token ","', 'no comma expressions'),
  syntax('{{a;b}}', TOKEN, 4, 'Unexpected token ";"', 'a separator outside a call'),
  syntax('{{(a)(b)}}', TOKEN, 6, 'Unexpected token "("', 'only names can be called'),
  syntax('{{a.b(1)}}', TOKEN, 6, 'Unexpected token "("', 'no method calls'),
  syntax('{{`a`}}', TOKEN, 3, 'Unexpected token "`a`"', 'a backtick name is not a root'),
  syntax('x {{1 2}} y', TOKEN, 7, 'Unexpected token "2"', 'inside a text template'),
  syntax('{{a}}{{b c}}', TOKEN, 10, 'Unexpected token "c"', 'in the second mustache'),
  syntax(
    '{{if(1, 2; 3)}}',
    TOKEN,
    10,
    'Unexpected token ";": one call separates its arguments either with "," or with ";"',
    'mixed separators point at the first separator of the other kind',
  ),
  syntax(
    '{{if(1; 2, 3)}}',
    TOKEN,
    10,
    'Unexpected token ",": one call separates its arguments either with "," or with ";"',
  ),
]);

runCases('syntax/unexpected-character points at a character no token starts with', [
  syntax('{{a # b}}', CHAR, 5, 'Unexpected character "#"'),
  syntax('{{a ? b : c}}', CHAR, 5, 'Unexpected character "?"', 'no ternary'),
  syntax('{{a ^ b}}', CHAR, 5, 'Unexpected character "^"'),
  syntax('{{~a}}', CHAR, 3, 'Unexpected character "~"'),
  syntax('{{a @ b}}', CHAR, 5, 'Unexpected character "@"'),
  syntax('{{a \\ b}}', CHAR, 5, 'Unexpected character "\\"', 'a backslash outside a string'),
  syntax('{{a }b}}', CHAR, 5, 'Unexpected character "}"', 'a single } inside a mustache'),
  syntax('{{{a:1}}}', CHAR, 5, 'Unexpected character ":"', 'no object literals'),
  syntax('{{😀}}', CHAR, 3, 'Unexpected character "😀"', 'an emoji is named whole'),
  syntax('{{a 名}}', CHAR, 5, 'Unexpected character "名"', 'identifiers are ASCII'),
  syntax('{{é}}', CHAR, 3, 'Unexpected character "é"'),
  {
    src: '{{a \u0001}}',
    name: 'a control character is named by code point and blanked in the snippet',
    error: { code: CHAR, line: 1, column: 5, message: message('Unexpected character U+0001', 1, 5, '{{a  }}') },
  },
  {
    src: '{{\u0000}}',
    name: 'NUL',
    error: { code: CHAR, line: 1, column: 3, message: message('Unexpected character U+0000', 1, 3, '{{ }}') },
  },
  syntax(
    '{{a\u200bb}}',
    CHAR,
    4,
    'Unexpected character U+200B',
    'an invisible zero-width space is named by code point',
  ),
  syntax('{{\u200e}}', CHAR, 3, 'Unexpected character U+200E', 'a bidi mark'),
  syntax('{{a\ud800}}', CHAR, 4, 'Unexpected character U+D800', 'a lone surrogate'),
]);

runCases('syntax/unterminated-string points at the opening quote', [
  syntax("{{'abc}}", STRING, 3, "Unterminated string: ' is not closed"),
  syntax('{{"abc}}', STRING, 3, 'Unterminated string: " is not closed'),
  syntax("{{'abc\\'}}", STRING, 3, "Unterminated string: ' is not closed", 'an escaped quote does not close'),
  syntax("x {{a + 'b}} y", STRING, 9, "Unterminated string: ' is not closed"),
  syntax('{{"a\'}}', STRING, 3, 'Unterminated string: " is not closed', 'the other quote does not close'),
  syntax('{{body.`abc}}', STRING, 8, 'Unterminated backtick name: ` is not closed'),
  syntax('{{body.`a\\`}}', STRING, 8, 'Unterminated backtick name: ` is not closed', 'an escaped backtick'),
]);

runCases('syntax/unclosed-mustache points at the opening {{', [
  syntax('{{a', MUSTACHE, 1, 'Unclosed mustache: "{{" has no matching "}}"'),
  syntax('{{', MUSTACHE, 1, 'Unclosed mustache: "{{" has no matching "}}"'),
  syntax('x {{a', MUSTACHE, 3, 'Unclosed mustache: "{{" has no matching "}}"'),
  syntax('{{a}} {{b', MUSTACHE, 7, 'Unclosed mustache: "{{" has no matching "}}"', 'the second of two'),
  syntax("{{'}}'", MUSTACHE, 1, 'Unclosed mustache: "{{" has no matching "}}"', 'a }} inside a string does not close'),
  syntax('{{{a', MUSTACHE, 2, 'Unclosed mustache: "{{" has no matching "}}"', 'a run of braces opens at its last two'),
  syntax('{{a + (b', MUSTACHE, 1, 'Unclosed mustache: "{{" has no matching "}}"'),
]);
