// SEMANTICS §2 calls (`,` or `;` separators) and §6 lazy evaluation of if / ifempty / switch.
import { runCases } from '../support/cases.js';

const env = { body: { name: 'Ann', n: 0, s: '', items: [10, 20], o: { 'some property': 1, a: { b: 2 } } } };
const boom = {
  functions: {
    boom(): unknown {
      throw new Error('evaluated');
    },
    echo(...args: unknown[]): unknown {
      return args;
    },
    tz(this: { timezone: string }): unknown {
      return this.timezone;
    },
  },
};

runCases('§2 call syntax', [
  { src: '{{upper(body.name)}}', env, want: 'ANN' },
  { src: "{{if(true, 'a', 'b')}}", want: 'a' },
  { src: "{{if(true; 'a'; 'b')}}", want: 'a', name: 'semicolon separators' },
  { src: "{{if( false ,'a' , 'b' )}}", want: 'b' },
  { src: "{{if(false;'a';'b')}}", want: 'b' },
  { src: '{{upper (body.name)}}', env, want: 'ANN', name: 'whitespace before the parenthesis' },
  { src: '{{echo()}}', options: boom, want: [] },
  { src: '{{echo(1, 2, 3)}}', options: boom, want: [1, 2, 3] },
  { src: '{{echo(1; 2; 3)}}', options: boom, want: [1, 2, 3] },
  {
    src: '{{echo(if(1, 2, 3); echo(4, 5))}}',
    options: boom,
    want: [2, [4, 5]],
    name: 'each call has its own separator',
  },
  { src: '{{echo((1, 2))}}', options: boom, error: { code: 'syntax/unexpected-token', line: 1, column: 10 } },
  { src: '{{tz()}}', options: { ...boom, timezone: 'Europe/Prague' }, want: 'Europe/Prague' },
  { src: '{{tz()}}', options: boom, want: 'UTC' },
  { src: "{{upper(lower('MiXeD'))}}", want: 'MIXED' },
  { src: '{{length(body.items) + 1}}', env, want: 3 },
  { src: '{{get(body, "some property")}}', env: { body: env.body.o }, want: 1 },
  { src: "{{get(body.o, 'a.b')}}", env, want: 2 },
  { src: '{{get(body.items, 2)}}', env, want: 20 },
  { src: '{{get(body.items, -1)}}', env, want: 20 },
]);

runCases('§6 if, ifempty and switch evaluate only what they need', [
  { src: "{{if(1 = 1, 'A', 'B')}}", want: 'A' },
  { src: "{{if('0', 'y', 'n')}}", want: 'y', name: 'JS truthiness of the condition' },
  { src: "{{if(body.n, 'y', 'n')}}", env, want: 'n' },
  { src: "{{if(false, 'y')}}", want: undefined, name: 'a missing else is undefined' },
  { src: '{{if(true, 1, boom())}}', options: boom, want: 1 },
  { src: '{{if(false, boom(), 2)}}', options: boom, want: 2 },
  { src: '{{if(boom(), 1, 2)}}', options: boom, error: { code: 'runtime/function', line: 1, column: 6 } },
  { src: "{{ifempty('A', 'B')}}", want: 'A' },
  { src: "{{ifempty(body.missing, 'B')}}", env, want: 'B' },
  { src: "{{ifempty(body.s, 'B')}}", env, want: 'B', name: 'an empty string is empty' },
  { src: "{{ifempty(null, 'B')}}", want: 'B' },
  { src: "{{ifempty(0, 'B')}}", want: 0, name: '0 is not empty' },
  { src: "{{ifempty(false, 'B')}}", want: false },
  { src: "{{ifempty(' ', 'B')}}", want: ' ' },
  { src: "{{ifempty(emptyarray, 'B')}}", want: [] },
  { src: "{{ifempty(null, '', 'C')}}", want: 'C', name: 'variadic: the first non-empty' },
  { src: "{{ifempty(null, '')}}", want: '', name: 'all empty: the last one' },
  { src: "{{ifempty('A', boom())}}", options: boom, want: 'A' },
  { src: "{{ifempty('', boom())}}", options: boom, error: { code: 'runtime/function', line: 1, column: 15 } },
  { src: "{{switch('B', 'A', 1, 'B', 2, 'C', 3)}}", want: 2 },
  { src: "{{switch('X', 'A', 1, 'B', 2, 'C', 3, 4)}}", want: 4, name: 'a final unpaired argument is the default' },
  { src: "{{switch('X', 'A', 1)}}", want: undefined },
  { src: "{{switch(1, '1', 'one')}}", want: 'one', name: 'cases compare as text' },
  { src: "{{switch('A', 'A', 1, boom(), boom())}}", options: boom, want: 1 },
  { src: "{{switch('B', 'A', boom(), 'B', 2)}}", options: boom, want: 2 },
]);
