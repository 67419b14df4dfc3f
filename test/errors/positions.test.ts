// Error positions in multi-line templates, inside JSON values (with their JSON path) and at run time.
import { runCases } from '../support/cases.js';
import { message } from '../support/errors.js';

const TOKEN = 'syntax/unexpected-token';
const boom = {
  functions: {
    boom(): unknown {
      throw new Error('kaput');
    },
  },
};

runCases('multi-line templates: line, column and the offending line in the snippet', [
  {
    src: 'line1\n{{a +}}',
    error: { code: TOKEN, line: 2, column: 6, message: message('Unexpected token "}}"', 2, 6, '{{a +}}') },
  },
  {
    src: '{{a +\n}}',
    name: 'an expression ending on the next line points at its }}',
    error: { code: TOKEN, line: 2, column: 1, message: message('Unexpected token "}}"', 2, 1, '}}') },
  },
  {
    src: '{{\n  foo(1)\n}}',
    error: {
      code: 'compile/unknown-function',
      line: 2,
      column: 3,
      message: message('Unknown function "foo"', 2, 3, '  foo(1)'),
    },
  },
  {
    src: 'a\r\n{{#}}\r\nb',
    name: 'CRLF line breaks; the snippet has no \\r',
    error: {
      code: 'syntax/unexpected-character',
      line: 2,
      column: 3,
      message: message('Unexpected character "#"', 2, 3, '{{#}}'),
    },
  },
  {
    src: "one\ntwo {{'abc\nthree}}",
    name: 'an unterminated string points at its opening quote',
    error: { code: 'syntax/unterminated-string', line: 2, column: 7 },
  },
  {
    src: 'one\n\ttwo {{#}}',
    name: 'a tab before the column stays a tab in the caret line',
    error: {
      code: 'syntax/unexpected-character',
      line: 2,
      column: 8,
      message: message('Unexpected character "#"', 2, 8, '\ttwo {{#}}'),
    },
  },
  {
    src: 'a\n\n\n{{b',
    error: { code: 'syntax/unclosed-mustache', line: 4, column: 1 },
  },
  {
    src: '{{if(a,\n  b;\n  c)}}',
    error: { code: TOKEN, line: 2, column: 4 },
  },
  {
    src: `{{${'x'.repeat(200)} +}}`,
    name: 'a long line is cut to a window around the column',
    error: {
      code: TOKEN,
      line: 1,
      column: 205,
      message: `Unexpected token "}}" (1:205)\n  …${'x'.repeat(58)} +}}\n  ${' '.repeat(61)}^`,
    },
  },
]);

runCases('errors inside JSON values carry the JSON path', [
  {
    src: { a: { b: '{{foo()}}' } },
    error: {
      code: 'compile/unknown-function',
      line: 1,
      column: 3,
      path: '$.a.b',
      message: message('Unknown function "foo"', 1, 3, '{{foo()}}', '$.a.b'),
    },
  },
  { src: ['x', '{{1 +}}'], error: { code: TOKEN, line: 1, column: 6, path: '$[1]' } },
  { src: { 'a b': '{{#}}' }, error: { code: 'syntax/unexpected-character', line: 1, column: 3, path: '$["a b"]' } },
  { src: { items: [{ id: 1 }, { id: '{{a b}}' }] }, error: { code: TOKEN, line: 1, column: 5, path: '$.items[1].id' } },
  { src: { '{{...}}': '{{(}}' }, error: { code: TOKEN, path: '$["{{...}}"]' }, name: 'in a spread value' },
  {
    src: { ok: '{{1}}', bad: 'x\n{{upper()}}' },
    error: {
      code: 'compile/arity',
      line: 2,
      column: 3,
      path: '$.bad',
      message: message('Function "upper" takes 1 argument, got 0', 2, 3, '{{upper()}}', '$.bad'),
    },
  },
  { src: '{{#}}', error: { code: 'syntax/unexpected-character', path: undefined }, name: 'a root string has no path' },
  {
    src: { a: '{{boom()}}' },
    options: boom,
    error: { code: 'runtime/function', line: 1, column: 3, path: '$.a' },
    name: 'a run-time error in a JSON value has its path',
  },
]);

runCases('run-time errors point at the failing call or operator', [
  {
    src: '{{boom()}}',
    options: boom,
    error: {
      code: 'runtime/function',
      line: 1,
      column: 3,
      message: message('Function "boom" failed: kaput', 1, 3, '{{boom()}}'),
    },
  },
  {
    src: 'x\n  {{upper(boom())}}',
    options: boom,
    error: { code: 'runtime/function', line: 2, column: 11 },
  },
  {
    src: "{{'ab' + 'cd'}}",
    options: { limits: { maxStringLength: 3 } },
    error: { code: 'runtime/limit', line: 1, column: 3 },
    name: 'a string over maxStringLength',
  },
  {
    src: "a{{'bc'}}",
    options: { limits: { maxStringLength: 2 } },
    error: { code: 'runtime/limit' },
    name: 'a text template over maxStringLength',
  },
  {
    src: "{{'ab' + 'c'}}",
    options: { limits: { maxStringLength: 3 } },
    want: 'abc',
    name: 'exactly at maxStringLength',
  },
  {
    src: '{{body.a + body.a + body.a + body.a + body.a}}',
    env: { body: { a: 1 } },
    options: { limits: { maxSteps: 3 } },
    error: { code: 'runtime/limit' },
    name: 'maxSteps',
  },
]);
