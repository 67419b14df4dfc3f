// SEMANTICS §1: IML values, typed lone mustaches, text templates, the spread key, dropped undefined properties.
import { runCases } from '../support/cases.js';

const body = { name: 'Ann', n: 5, items: [1, 2, 3], o: { a: 1, b: 'x' }, nil: null, empty: '' };
const env = { body, connection: { token: 'T0K' }, a: 1, b: 2 };

runCases('issue 2 acceptance examples', [
  { src: "{{'Hello, ' + body.name}}", env: { body: { name: 'Ann' } }, want: 'Hello, Ann' },
  { src: '{{body.items[-1]}}', env: { body: { items: [1, 2, 3] } }, want: 3 },
  { src: '{{0.1 + 0.2}}', want: 0.3 },
  { src: '{{if(body.id >) }}', error: { code: 'syntax/unexpected-token', line: 1, column: 15 } },
]);

runCases('§1.1 JSON values are evaluated recursively; scalars stay as they are', [
  { src: 5, want: 5 },
  { src: 1.25, want: 1.25 },
  { src: true, want: true },
  { src: false, want: false },
  { src: null, want: null },
  { src: [], want: [] },
  { src: {}, want: {} },
  { src: [1, 'a', null, false], want: [1, 'a', null, false] },
  { src: { n: 1, s: 'x', z: null, t: true }, want: { n: 1, s: 'x', z: null, t: true } },
  { src: ['{{body.n}}', 'n={{body.n}}'], env, want: [5, 'n=5'] },
  { src: { x: { y: ['{{body.name}}', { z: '{{a + b}}' }] } }, env, want: { x: { y: ['Ann', { z: 3 }] } } },
  { src: [[['{{a}}']]], env, want: [[[1]]] },
]);

runCases('§1.2 a lone mustache is typed', [
  { src: '{{body.n}}', env, want: 5 },
  { src: '{{body.items}}', env, want: [1, 2, 3] },
  { src: '{{body.o}}', env, want: { a: 1, b: 'x' } },
  { src: '{{body.nil}}', env, want: null },
  { src: '{{body.missing}}', env, want: undefined },
  { src: '{{body.empty}}', env, want: '' },
  { src: '{{ body.n }}', env, want: 5 },
  { src: '{{\n\tbody.n\r\n}}', env, want: 5 },
  { src: '{{\u00a0body.n\u00a0}}', env, want: 5, name: 'NBSP inside the braces is whitespace' },
  { src: '{{1 = 1}}', want: true },
  { src: '{{emptyarray}}', want: [] },
  { src: "{{'}}'}}", want: '}}', name: 'a }} inside a string literal does not close the mustache' },
  { src: "{{'a}}b{{c'}}", want: 'a}}b{{c' },
  { src: '{{"{{"}}', want: '{{' },
]);

runCases('§1.3 any other string is text', [
  { src: 'Bearer {{connection.token}}', env, want: 'Bearer T0K' },
  { src: '{{a}}{{b}}', env, want: '12' },
  { src: ' {{a}}', env, want: ' 1' },
  { src: '{{a}} ', env, want: '1 ' },
  { src: '{{ a }}\n', env, want: '1\n' },
  { src: 'x{{body.missing}}y', env, want: 'xy' },
  { src: '{{body.missing}} ', env, want: ' ' },
  { src: '{{body.nil}}{{body.nil}}', env, want: '' },
  { src: '{{body.items}}!', env, want: '1,2,3!' },
  { src: 'o={{body.o}}', env, want: 'o={"a":1,"b":"x"}' },
  { src: '{{body.n}}{{body.n}}', env, want: '55', name: 'two numbers render as text, never add' },
  { src: '{{true}} and {{false}}', want: 'true and false' },
  { src: 'a{{space}}b', want: 'a b' },
  { src: 'line1\n{{body.name}}\nline3', env, want: 'line1\nAnn\nline3' },
]);

runCases('§1.4 literal text, stray braces and runs of braces', [
  { src: 'hello', want: 'hello' },
  { src: '', want: '' },
  { src: 'a }} b', want: 'a }} b' },
  { src: '}}', want: '}}' },
  { src: '{ {a}}', want: '{ {a}}' },
  { src: '{a}', want: '{a}' },
  { src: '{{{a}}}', env, want: '{1}', name: '{{{a}}} is text "{", a, text "}"' },
  { src: '{"n": {{a}}}', env, want: '{"n": 1}' },
  { src: '{{{{a}}}}', env, want: '{{1}}' },
  { src: '{{a}}}}', env, want: '1}}' },
  { src: '{{a}}}', env, want: '1}' },
  { src: '😀 {{body.name}} 😀', env, want: '😀 Ann 😀' },
]);

/** own returns an object holding `__proto__` (and any other key) as own data, as JSON.parse does. */
const own = (json: string) => JSON.parse(json) as Record<string, unknown>;

runCases('§1.5 the "{{...}}" key is a spread', [
  {
    src: { a: 1, '{{...}}': '{{body.o}}', c: 3 },
    env: { body: { o: { b: 2, a: 9 } } },
    want: { a: 9, b: 2, c: 3 },
    name: 'spread overrides earlier keys',
  },
  {
    src: { '{{...}}': '{{body.o}}', a: 1 },
    env: { body: { o: { a: 9, b: 2 } } },
    want: { a: 1, b: 2 },
    name: 'later keys override the spread',
  },
  { src: { '{{...}}': '{{body.items}}', x: 1 }, env, want: { x: 1 }, name: 'an array adds nothing' },
  { src: { '{{...}}': '{{body.nil}}', x: 1 }, env, want: { x: 1 }, name: 'null adds nothing' },
  { src: { '{{...}}': '{{body.missing}}', x: 1 }, env, want: { x: 1 }, name: 'undefined adds nothing' },
  { src: { '{{...}}': '{{body.name}}', x: 1 }, env, want: { x: 1 }, name: 'a string adds nothing' },
  { src: { '{{...}}': '{{body.n}}', x: 1 }, env, want: { x: 1 }, name: 'a number adds nothing' },
  { src: { '{{...}}': 'o={{body.o}}', x: 1 }, env, want: { x: 1 }, name: 'a text template adds nothing' },
  { src: { '{{...}}': true }, want: {}, name: 'a boolean adds nothing' },
  { src: { '{{...}}': { k: 'v' } }, want: { k: 'v' }, name: 'a literal object value is spread' },
  {
    src: { '{{...}}': '{{body.o}}', a: '{{body.missing}}' },
    env: { body: { o: { a: 1 } } },
    want: { a: 1 },
    name: 'an undefined property after a spread keeps the spread value',
  },
  {
    src: { '{{...}}': '{{body.o}}' },
    env: { body: { o: own('{"__proto__": {"polluted": true}, "k": 1}') } },
    want: own('{"__proto__": {"polluted": true}, "k": 1}'),
    name: 'a spread copies an own __proto__ key as plain data',
  },
  { src: { '{{ ... }}': 1 }, want: { '{{ ... }}': 1 }, name: 'only the exact key "{{...}}" is a spread' },
  { src: { '{{a}}': '{{a}}' }, env, want: { '{{a}}': 1 }, name: 'other keys are literal, even with mustaches' },
  { src: { 'a b': 1, '': 2, 'é😀': 3 }, want: { 'a b': 1, '': 2, 'é😀': 3 } },
  { src: own('{"__proto__": "{{a}}"}'), env, want: own('{"__proto__": 1}'), name: 'a __proto__ key is own data' },
]);

runCases('§1.6 undefined properties are dropped; undefined array elements stay', [
  { src: { a: '{{body.missing}}', b: 1 }, env, want: { b: 1 } },
  { src: { a: '{{ignore}}' }, want: {} },
  { src: { a: '{{undefined}}' }, want: {} },
  { src: { a: '{{erase}}' }, want: { a: null } },
  { src: { a: '{{null}}' }, want: { a: null } },
  { src: { a: '{{body.nil}}' }, env, want: { a: null } },
  { src: { a: 'x{{body.missing}}' }, env, want: { a: 'x' }, name: 'a text template is a string, so the key stays' },
  { src: { a: { b: '{{body.missing}}' } }, env, want: { a: {} } },
  { src: ['{{body.missing}}', 1], env, want: [undefined, 1] },
  { src: ['{{ignore}}'], want: [undefined] },
  { src: { a: ['{{body.missing}}'] }, env, want: { a: [undefined] } },
  { src: { a: '{{body.empty}}' }, env, want: { a: '' } },
  { src: { a: '{{if(false, 1)}}', b: '{{if(true, 1)}}' }, want: { b: 1 } },
  { src: sparse(3, [1, '{{a}}']), env, want: [undefined, 1, undefined], name: 'holes of a sparse array are undefined' },
]);

/** sparse returns an array of the given length holding only the given [index, value] entries. */
function sparse(length: number, ...entries: Array<[number, unknown]>): unknown[] {
  const out: unknown[] = new Array(length);
  for (const [i, v] of entries) out[i] = v;
  return out;
}
