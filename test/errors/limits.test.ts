// syntax/too-deep and syntax/too-long (SEMANTICS §8, docs/semantics.md "Templates and syntax").
import { type ErrorCase, runCases } from '../support/cases.js';
import { message } from '../support/errors.js';

const DEEP = 'Expression is nested deeper than';

/** deep returns a one-line too-deep case with a maxDepth limit. */
function deep(src: string, maxDepth: number, column: number, name?: string): ErrorCase {
  const reason = `${DEEP} ${maxDepth} levels (limits.maxDepth)`;
  return {
    src,
    name: name ?? `${src} with maxDepth ${maxDepth}`,
    options: { limits: { maxDepth } },
    error: { code: 'syntax/too-deep', line: 1, column, message: message(reason, 1, column, src) },
  };
}

const parens = (n: number) => `{{${'('.repeat(n)}1${')'.repeat(n)}}}`;
const brackets = (n: number) => `{{a${'[a'.repeat(n)}${']'.repeat(n)}}}`;

runCases('syntax/too-deep', [
  deep('{{((((1))))}}', 3, 6, 'the fourth parenthesis is one too many'),
  deep('{{a[a[a[a]]]}}', 2, 8, 'brackets count like parentheses'),
  deep('{{f((((1))))}}', 3, 7, 'a call parenthesis counts'),
  deep('{{!!!1}}', 3, 6, 'a run of prefix operators: the operand is the fourth level'),
  deep('{{1 + 1 + 1}}', 2, 7, 'a long operator chain'),
  { src: parens(256), want: 1, name: '256 nested parentheses are allowed by default' },
  {
    src: parens(257),
    name: '257 nested parentheses are too deep by default',
    error: { code: 'syntax/too-deep', line: 1, column: 259 },
  },
  { src: brackets(255), env: { a: 1 }, want: undefined, name: '255 nested brackets are allowed by default' },
  {
    src: brackets(257),
    name: '257 nested brackets are too deep',
    error: { code: 'syntax/too-deep', line: 1, column: 516 },
  },
  {
    src: `{{${'-'.repeat(300)}1}}`,
    name: '300 prefix operators are too deep by default',
    error: { code: 'syntax/too-deep', line: 1 },
  },
  {
    src: `{{${Array.from({ length: 300 }, () => '1').join(' + ')}}}`,
    name: 'a chain of 300 operands is too deep by default',
    error: { code: 'syntax/too-deep', line: 1 },
  },
  {
    src: `{{${Array.from({ length: 200 }, () => '1').join(' + ')}}}`,
    want: 200,
    name: 'a chain of 200 operands is fine',
  },
  { src: '{{((1))}}', options: { limits: { maxDepth: 3 } }, want: 1, name: 'exactly at the limit' },
  {
    src: [[[['x']]]],
    options: { limits: { maxDepth: 3 } },
    name: 'JSON nesting counts against maxDepth, reported with its path',
    error: {
      code: 'syntax/too-deep',
      path: '$[0][0][0]',
      message: 'Value is nested deeper than 3 levels (limits.maxDepth) at $[0][0][0]',
    },
  },
  { src: [[['x']]], options: { limits: { maxDepth: 3 } }, want: [[['x']]], name: 'JSON nesting at the limit' },
  {
    src: { a: { b: { c: { d: 1 } } } },
    options: { limits: { maxDepth: 3 } },
    error: { code: 'syntax/too-deep', path: '$.a.b.c' },
  },
]);

const LONG = 'limits.maxTemplateLength';
runCases('syntax/too-long', [
  {
    src: 'abcdefghijk',
    options: { limits: { maxTemplateLength: 10 } },
    name: 'plain text over the limit, at the first character past it',
    error: {
      code: 'syntax/too-long',
      line: 1,
      column: 11,
      message: message(`Template is 11 characters long, over the limit of 10 (${LONG})`, 1, 11, 'abcdefghijk'),
    },
  },
  {
    src: 'abcdefghij',
    options: { limits: { maxTemplateLength: 10 } },
    want: 'abcdefghij',
    name: 'exactly at the limit',
  },
  {
    src: '{{a}}\n{{b}}',
    options: { limits: { maxTemplateLength: 8 } },
    name: 'the position is a line and column',
    error: { code: 'syntax/too-long', line: 2, column: 3 },
  },
  {
    src: { short: 'ok', long: 'x'.repeat(11) },
    options: { limits: { maxTemplateLength: 10 } },
    name: 'each string of a JSON value is checked, with its path',
    error: { code: 'syntax/too-long', line: 1, column: 11, path: '$.long' },
  },
  {
    src: ['ok', 'ok'],
    options: { limits: { maxTemplateLength: 2 } },
    want: ['ok', 'ok'],
    name: 'the limit is per string, not per value',
  },
]);
