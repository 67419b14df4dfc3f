// FUNCTIONS.md §1 (general functions): every example, plus edge cases.
import { runCases } from '../../support/cases.js';
import { env } from './samples.js';

const x = { a: 1, b: 1 };
const y = { b: 2 };

runCases('functions §1 examples', [
  { src: "{{if(1 = 1, 'A', 'B')}}", want: 'A' },
  { src: "{{if(true, 'ok', parseJSON('{'))}}", want: 'ok' },
  { src: "{{if('0', 'y', 'n')}}", want: 'y' },
  { src: "{{ifempty('A', 'B')}}", want: 'A' },
  { src: "{{ifempty(unknown, 'B')}}", want: 'B' },
  { src: "{{ifempty(0, 'B')}}", want: 0 },
  { src: "{{switch('B', 'A', 1, 'B', 2, 'C', 3)}}", want: 2 },
  { src: "{{switch('X', 'A', 1, 'B', 2, 'C', 3, 4)}}", want: 4 },
  { src: "{{switch(1, '1', 'one')}}", want: 'one' },
  { src: '{{get(array, 1 + 1)}}', env: env(), want: 20 },
  { src: "{{get(body, 'some property')}}", env: env(), want: 1 },
  { src: '{{get(array, -1)}}', env: env(), want: 30 },
  {
    src: "{{pick(User, 'password', 'email')}}",
    env: env(),
    want: { password: 'secret', email: 'bob@example.com' },
  },
  // toStrictEqual ignores key order; the JSON text pins the order of the listed keys.
  {
    src: "{{createJSON(pick(User, 'password', 'email'))}}",
    env: env(),
    want: '{"password":"secret","email":"bob@example.com"}',
  },
  { src: "{{omit(User, 'password', 'email')}}", env: env(), want: { name: 'Bob' } },
  { src: '{{mergeCollections(x, y)}}', env: { x, y }, want: { a: 1, b: 2 } },
]);

runCases('functions §1 edge cases', [
  { src: "{{if(false, 'A')}}", want: undefined },
  { src: "{{if(null, 'A', 'B')}}", want: 'B' },
  { src: "{{if(emptyarray, 'A', 'B')}}", want: 'A' },
  { src: "{{ifempty('', null, 'C')}}", want: 'C' },
  { src: "{{ifempty('', null)}}", want: null },
  { src: "{{ifempty(' ', 'B')}}", want: ' ' },
  { src: "{{ifempty(false, 'B')}}", want: false },
  { src: "{{ifempty(emptyarray, 'B')}}", want: [] },
  { src: "{{ifempty('a', parseJSON('{'))}}", want: 'a' },
  { src: "{{switch('X', 'A', 1)}}", want: undefined },
  { src: "{{switch(null, '', 'empty', 'other')}}", want: 'empty' },
  { src: "{{switch('B', 'A', parseJSON('{'), 'B', 2)}}", want: 2 },
  { src: "{{switch(true, 'true', 'yes')}}", want: 'yes' },
  { src: "{{get(null, 'a')}}", want: undefined },
  { src: "{{get('text', 'length')}}", want: undefined },
  { src: '{{get(array, 0)}}', env: env(), want: undefined },
  { src: "{{get(o, '__proto__')}}", env: { o: {} }, want: undefined },
  { src: "{{get(o, 'constructor')}}", env: { o: {} }, want: undefined },
  { src: "{{get(o, 'a.b.1')}}", env: { o: { a: { b: ['x', 'y'] } } }, want: 'x' },
  { src: "{{get(o, 'a.b')}}", env: { o: { 'a.b': 1, a: { b: 2 } } }, want: 1 },
  { src: '{{get(o, true)}}', env: { o: { true: 1 } }, want: undefined },
  { src: "{{pick(User, 'missing')}}", env: env(), want: {} },
  { src: "{{pick(null, 'a')}}", want: {} },
  { src: "{{pick(array, '1')}}", env: env(), want: {} },
  { src: "{{pick(User, split('name,email', ','))}}", env: env(), want: { name: 'Bob', email: 'bob@example.com' } },
  { src: "{{pick(o, 'toString', 'constructor')}}", env: { o: { a: 1 } }, want: {} },
  { src: '{{pick(o, 1)}}', env: { o: { 1: 'one' } }, want: { 1: 'one' } },
  { src: "{{omit(User, split('name,email', ','))}}", env: env(), want: { password: 'secret' } },
  { src: "{{omit('text', 'a')}}", want: {} },
  { src: "{{createJSON(omit(o, 'b'))}}", env: { o: { c: 3, b: 2, a: 1 } }, want: '{"c":3,"a":1}' },
  { src: '{{mergeCollections(x, null, 5, y)}}', env: { x, y }, want: { a: 1, b: 2 } },
  { src: '{{mergeCollections(null, array)}}', env: env(), want: {} },
  { src: '{{createJSON(mergeCollections(y, x))}}', env: { x, y }, want: '{"b":1,"a":1}' },
]);
