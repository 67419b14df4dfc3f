// compile/unknown-function and compile/arity point at the function name (SEMANTICS §2, §6; FUNCTIONS.md).
import { type ErrorCase, runCases } from '../support/cases.js';
import { message } from '../support/errors.js';

function compileError(src: string, code: string, column: number, reason: string, name?: string): ErrorCase {
  return { src, name, error: { code, line: 1, column, message: message(reason, 1, column, src) } };
}

const UNKNOWN = 'compile/unknown-function';
const ARITY = 'compile/arity';

runCases('compile/unknown-function', [
  compileError('{{foo(1)}}', UNKNOWN, 3, 'Unknown function "foo"'),
  compileError('{{foo()}}', UNKNOWN, 3, 'Unknown function "foo"', 'without arguments'),
  compileError('{{Upper(x)}}', UNKNOWN, 3, 'Unknown function "Upper"', 'names are case-sensitive'),
  compileError('{{1 + nope(x)}}', UNKNOWN, 7, 'Unknown function "nope"'),
  compileError('{{upper(nope(x))}}', UNKNOWN, 9, 'Unknown function "nope"', 'a nested call'),
  compileError('{{if(true, 1, nope())}}', UNKNOWN, 15, 'Unknown function "nope"', 'even in a branch that never runs'),
  compileError('{{false && nope()}}', UNKNOWN, 12, 'Unknown function "nope"', 'even after a short-circuit'),
  compileError('{{a(1)}}{{b(2)}}', UNKNOWN, 3, 'Unknown function "a"', 'the first in source order'),
  compileError('text {{ x }} and {{ toDataStructure(x) }}', UNKNOWN, 21, 'Unknown function "toDataStructure"'),
  compileError('{{pop(x)}}', UNKNOWN, 3, 'Unknown function "pop"', 'pop is not provided (FUNCTIONS.md §7)'),
  compileError('{{constructor(x)}}', UNKNOWN, 3, 'Unknown function "constructor"', 'no inherited member is a function'),
  compileError('{{__proto__(x)}}', UNKNOWN, 3, 'Unknown function "__proto__"'),
  {
    src: '{{boom(1)}}',
    options: { functions: { other: () => 1 } },
    name: 'a custom function of another name does not help',
    error: { code: UNKNOWN, line: 1, column: 3 },
  },
  { src: '{{double(2)}}', options: { functions: { double: (x: unknown) => Number(x) * 2 } }, want: 4 },
]);

runCases('compile/arity', [
  compileError('{{upper()}}', ARITY, 3, 'Function "upper" takes 1 argument, got 0'),
  compileError('{{lower(a, b)}}', ARITY, 3, 'Function "lower" takes 1 argument, got 2'),
  compileError('{{length()}}', ARITY, 3, 'Function "length" takes 1 argument, got 0'),
  compileError('{{get(a)}}', ARITY, 3, 'Function "get" takes 2 arguments, got 1'),
  compileError('{{get(a, b, c)}}', ARITY, 3, 'Function "get" takes 2 arguments, got 3'),
  compileError('{{if(1)}}', ARITY, 3, 'Function "if" takes 2 to 3 arguments, got 1'),
  compileError('{{if(1, 2, 3, 4)}}', ARITY, 3, 'Function "if" takes 2 to 3 arguments, got 4'),
  compileError('{{if(1; 2; 3; 4)}}', ARITY, 3, 'Function "if" takes 2 to 3 arguments, got 4', 'with ; separators'),
  compileError('{{ifempty(1)}}', ARITY, 3, 'Function "ifempty" takes at least 2 arguments, got 1'),
  compileError('{{switch(1, 2)}}', ARITY, 3, 'Function "switch" takes at least 3 arguments, got 2'),
  compileError('{{x + upper(lower())}}', ARITY, 13, 'Function "lower" takes 1 argument, got 0', 'a nested call'),
  compileError('{{if(true, 1, upper())}}', ARITY, 15, 'Function "upper" takes 1 argument, got 0', 'in a dead branch'),
  {
    src: '{{anything(1, 2, 3, 4, 5)}}',
    options: { functions: { anything: () => 1 } },
    want: 1,
    name: 'custom functions take any number of arguments',
  },
]);
