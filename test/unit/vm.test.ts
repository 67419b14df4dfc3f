// VM behaviour per opcode and across runs. Each row's template is compiled (optimized or not, as the row says),
// must contain the opcode it covers, and must give the value SEMANTICS/FUNCTIONS prescribe.
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/compiler/emitter.js';
import { disassemble } from '../../src/debug.js';
import { type CompileOptions, compile, evaluate, type FunctionThis, ImlError } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';
import { DEFAULT_LIMITS } from '../../src/source/limits.js';
import { SourceSet } from '../../src/source/source-set.js';
import { Op, type OpKey } from '../../src/vm/opcodes.js';
import { run } from '../../src/vm/vm.js';
import { catchError } from '../support/cases.js';

interface Row {
  op: OpKey;
  src: unknown;
  env?: Record<string, unknown>;
  want: unknown;
  options?: CompileOptions;
}

const body = {
  name: 'Ann',
  n: 5,
  s: '7',
  one: 1,
  two: 2,
  three: 3,
  six: 6,
  four: 4,
  ten: '10',
  five: '5',
  bang: '!',
  tenth: 0.1,
  items: [10, 20, 30],
  user: { name: 'Bo' },
  o: { a: 1 },
  e: '',
};
const cyclic: unknown[] = [];
cyclic.push(cyclic);

const ROWS: Row[] = [
  { op: 'Const', src: '{{42}}', want: 42 },
  { op: 'LoadVar', src: '{{body}}', env: { body: 1 }, want: 1 },
  { op: 'LoadVar', src: '{{pi}}', want: Math.PI },
  { op: 'LoadVar', src: '{{toString}}', want: undefined },
  { op: 'LoadPath', src: '{{body.user.name}}', env: { body }, want: 'Bo' },
  { op: 'LoadPath', src: '{{body.items[]}}', env: { body }, want: 10 },
  { op: 'LoadPath', src: '{{body.items.`2`}}', env: { body }, want: 20 },
  { op: 'LoadPath', src: '{{body.o.constructor}}', env: { body }, want: undefined },
  { op: 'GetPath', src: "{{get(body, 'user').name}}", env: { body }, want: 'Bo' },
  { op: 'GetIndex', src: '{{body.items[body.n - 6]}}', env: { body }, want: 30 },
  { op: 'GetIndex', src: '{{body.items[-1]}}', env: { body }, want: 30, options: { optimize: false } },
  { op: 'Not', src: '{{!body.e}}', env: { body }, want: true },
  { op: 'Neg', src: '{{-body.s}}', env: { body }, want: -7 },
  { op: 'Plus', src: '{{+body.s}}', env: { body }, want: 7 },
  { op: 'Add', src: '{{body.n + body.tenth}}', env: { body }, want: 5.1 },
  { op: 'Add', src: '{{body.name + body.bang}}', env: { body }, want: 'Ann!' },
  { op: 'Sub', src: '{{body.s - body.two}}', env: { body }, want: 5 },
  { op: 'ForcedAdd', src: '{{body.s ++ body.one}}', env: { body }, want: 8 },
  { op: 'Mul', src: '{{body.n * body.tenth}}', env: { body }, want: 0.5 },
  { op: 'Div', src: '{{body.n / body.two}}', env: { body }, want: 2.5 },
  { op: 'Mod', src: '{{body.n % body.three}}', env: { body }, want: 2 },
  { op: 'Lt', src: '{{body.n < body.six}}', env: { body }, want: true },
  { op: 'Le', src: '{{body.n <= body.four}}', env: { body }, want: false },
  { op: 'Gt', src: '{{body.s > body.ten}}', env: { body }, want: true },
  { op: 'Ge', src: '{{body.n >= body.n}}', env: { body }, want: true },
  { op: 'Eq', src: '{{body.n = body.five}}', env: { body }, want: true },
  { op: 'Ne', src: '{{body.n != body.five}}', env: { body }, want: false },
  { op: 'StrictEq', src: '{{body.n = body.five}}', env: { body }, want: false, options: { strictEquality: true } },
  { op: 'StrictNe', src: '{{body.n != body.five}}', env: { body }, want: true, options: { strictEquality: true } },
  // The K forms need a left operand that is not a bare path (a path with a constant operator is one PathK).
  { op: 'AddK', src: '{{length(body.s) + 0.1}}', env: { body }, want: 1.1 },
  { op: 'AddK', src: "{{upper(body.name) + '!'}}", env: { body }, want: 'ANN!' },
  { op: 'SubK', src: '{{-body.s - 2}}', env: { body }, want: -9 },
  { op: 'ForcedAddK', src: '{{upper(body.s) ++ 1}}', env: { body }, want: 8 },
  { op: 'MulK', src: '{{(body.n + 1) * 1.2}}', env: { body }, want: 7.2 },
  { op: 'MulK', src: "{{lower(body.s) * '0.1'}}", env: { body }, want: 0.7 },
  { op: 'DivK', src: '{{(body.n + 1) / 4}}', env: { body }, want: 1.5 },
  { op: 'ModK', src: '{{(body.n * 3) % 4}}', env: { body }, want: 3 },
  { op: 'LtK', src: '{{(body.n - 1) < 6}}', env: { body }, want: true },
  { op: 'LeK', src: '{{(body.n + 1) <= 4}}', env: { body }, want: false },
  { op: 'GtK', src: "{{upper(body.s) > '10'}}", env: { body }, want: true },
  { op: 'GeK', src: '{{length(body.items) >= 3}}', env: { body }, want: true },
  { op: 'EqK', src: "{{length(body.name) = '3'}}", env: { body }, want: true },
  { op: 'NeK', src: "{{length(body.name) != '3'}}", env: { body }, want: false },
  {
    op: 'StrictEqK',
    src: "{{length(body.name) = '3'}}",
    env: { body },
    want: false,
    options: { strictEquality: true },
  },
  {
    op: 'StrictNeK',
    src: "{{length(body.name) != '3'}}",
    env: { body },
    want: true,
    options: { strictEquality: true },
  },
  { op: 'PathK', src: '{{body.n > 100}}', env: { body }, want: false },
  { op: 'PathK', src: "{{body.user.name + '!'}}", env: { body }, want: 'Bo!' },
  { op: 'PathK', src: '{{body.items[] * 1.5}}', env: { body }, want: 15 },
  { op: 'PathK', src: '{{body.s ++ 1}}', env: { body }, want: 8 },
  { op: 'PathK', src: "{{body.s > '10'}}", env: { body }, want: true },
  { op: 'PathK', src: "{{body.n = '5'}}", env: { body }, want: true },
  { op: 'PathK', src: "{{body.n = '5'}}", env: { body }, want: false, options: { strictEquality: true } },
  { op: 'PathK', src: '{{body.missing = null}}', env: { body }, want: true },
  { op: 'PathK', src: '{{body.missing = null}}', env: { body }, want: false, options: { strictEquality: true } },
  { op: 'PathK', src: '{{body.o.constructor = undefined}}', env: { body }, want: true },
  // A built-in variable: the loop runs it, with the value from the run state.
  { op: 'PathK', src: '{{pi > 3.14}}', want: true },
  { op: 'PathK', src: '{{pi > 3.14}}', env: { pi: 3 }, want: false },
  { op: 'AndPaths', src: "{{body.n > 1 && body.name = 'Ann'}}", env: { body }, want: true },
  { op: 'AndPaths', src: '{{body.n > 1 && body.user.name}}', env: { body }, want: 'Bo' },
  { op: 'AndPaths', src: '{{body.n && body.e && body.name}}', env: { body }, want: '' },
  { op: 'AndPaths', src: '{{body.missing && body.n}}', env: { body }, want: undefined },
  { op: 'AndPaths', src: '{{body.n >= 5 && body.items[] < 10}}', env: { body }, want: false },
  { op: 'OrPaths', src: '{{body.e || body.missing || body.items[]}}', env: { body }, want: 10 },
  { op: 'OrPaths', src: '{{body.e || body.n > 100}}', env: { body }, want: false },
  { op: 'OrPaths', src: '{{body.missing || body.e}}', env: { body }, want: '' },
  { op: 'OrPaths', src: "{{body.name = 'Bo' || body.user.name = 'Bo'}}", env: { body }, want: true },
  { op: 'Jump', src: '{{if(body.n, 1, 2)}}', env: { body }, want: 1 },
  { op: 'JumpIfFalse', src: '{{if(body.e, 1, 2)}}', env: { body }, want: 2 },
  // `&&`/`||` run on jumps when an operand is no path (else they are one AndPaths/OrPaths).
  { op: 'JumpIfFalseOrPop', src: '{{body.e && upper(body.name)}}', env: { body }, want: '' },
  { op: 'JumpIfFalseOrPop', src: '{{body.n && upper(body.name)}}', env: { body }, want: 'ANN' },
  { op: 'JumpIfTrueOrPop', src: '{{body.e || upper(body.name)}}', env: { body }, want: 'ANN' },
  { op: 'JumpIfTrueOrPop', src: '{{pi || body.n}}', env: { body }, want: Math.PI },
  { op: 'JumpIfNotEmptyOrPop', src: "{{ifempty(body.e, body.missing, 0, 'x')}}", env: { body }, want: 0 },
  { op: 'Render', src: "{{switch(body.n, '5', 'five')}}", env: { body }, want: 'five' },
  { op: 'JumpIfNoMatch', src: "{{switch(body.name, 'Bo', 1, 'Ann', 2, 3)}}", env: { body }, want: 2 },
  { op: 'Pop', src: "{{switch(body.name, 'x', 1, 'none')}}", env: { body }, want: 'none' },
  { op: 'Call1', src: '{{upper(body.name)}}', env: { body }, want: 'ANN' },
  { op: 'Call2', src: "{{get(body, 'user.name')}}", env: { body }, want: 'Bo' },
  { op: 'Call3', src: '{{substring(body.name, 1, 3)}}', env: { body }, want: 'nn' },
  { op: 'CallN', src: "{{pick(body, 'n', 's', 'x')}}", env: { body }, want: { n: 5, s: '7' } },
  {
    op: 'CallCustom',
    src: '{{twice(body.n, 1)}}',
    env: { body },
    want: 11,
    options: { functions: { twice: (a: unknown, b: unknown) => Number(a) * 2 + Number(b) } },
  },
  { op: 'Concat', src: '{{body.name}}:{{body.items}}:{{body.o}}', env: { body }, want: 'Ann:10,20,30:{"a":1}' },
  { op: 'MakeArray', src: ['{{body.n}}', '{{body.missing}}', 'x'], env: { body }, want: [5, undefined, 'x'] },
  { op: 'NewObject', src: {}, want: {} },
  { op: 'SetProp', src: { a: '{{body.n}}', b: '{{body.missing}}' }, env: { body }, want: { a: 5 } },
  { op: 'Spread', src: { a: 0, '{{...}}': '{{body.o}}', z: 1 }, env: { body }, want: { a: 1, z: 1 } },
  { op: 'Return', src: 'text', want: 'text' },
];

describe('VM: one case per opcode', () => {
  it('covers every opcode', () => {
    expect(new Set(ROWS.map((r) => r.op))).toEqual(new Set(Object.keys(Op)));
  });
  for (const row of ROWS) {
    it(`${row.op}: ${JSON.stringify(row.src)}`, () => {
      const program = compile(row.src, row.options);
      expect(disassemble(program)).toMatch(new RegExp(`^\\d{4}  ${row.op}\\b`, 'm'));
      expect(program.run(row.env ?? {})).toStrictEqual(row.want);
    });
  }
});

describe('VM: path superinstructions (PathK, AndPaths, OrPaths)', () => {
  /** counting returns data whose properties a, b, c (0, 2, 3) record each read, and the list of reads. */
  function counting(): { data: Record<string, unknown>; reads: string[] } {
    const reads: string[] = [];
    const data = {
      get a() {
        reads.push('a');
        return 0;
      },
      get b() {
        reads.push('b');
        return 2;
      },
      get c() {
        reads.push('c');
        return 3;
      },
      get boom(): never {
        throw new Error('must not be read');
      },
    };
    return { data, reads };
  }

  it.each([
    ['{{body.a && body.b}}', 0, ['a']],
    ['{{body.b || body.a}}', 2, ['b']],
    ['{{body.b && body.c > 2 && body.a}}', 0, ['b', 'c', 'a']],
    ['{{body.a > 1 || body.b = 2 || body.c}}', true, ['a', 'b']],
    ['{{body.a || body.b > 5 || body.c}}', 3, ['a', 'b', 'c']],
    ['{{body.a && body.boom}}', 0, ['a']],
    ['{{body.b || body.boom + 1}}', 2, ['b']],
  ])('reads the paths of %s in order and only as far as needed', (src, want, reads) => {
    for (const optimize of [true, false]) {
      const { data, reads: seen } = counting();
      expect(compile(src, { optimize }).run({ body: data })).toBe(want);
      expect(seen).toEqual(reads);
    }
  });

  it.each([
    // The operator of a PathK fails at the span of its own operand: `+` renders a cyclic array (SEMANTICS §3).
    ["{{body.c + '!'}}", 3],
    ["{{body.e || body.c + '!'}}", 13],
    ["{{body.n > 100 || body.c + '!' || body.e}}", 19],
    ["{{body.s && body.e = '' && body.c + 1}}", 28],
    ['x {{body.c + 2}}', 5],
  ])('positions the failure of a PathK operator in %s at column %i', (src, column) => {
    const env = { body: { c: cyclic, e: '', n: 1, s: 'x' } };
    for (const optimize of [true, false]) {
      const err = catchError(() => compile(src, { optimize }).run(env));
      expect(err.code).toBe('runtime/type');
      expect([err.line, err.column]).toEqual([1, column]);
    }
  });

  it('reads a built-in variable from the run state, and a context property of its name instead when there is one', () => {
    const at = new Date('2020-01-02T03:04:05.000Z');
    const p = compile('{{timestamp > 1577934244}}');
    expect(p.run({}, { now: at })).toBe(true);
    expect(p.run({}, { now: new Date('2020-01-02T03:04:04.000Z') })).toBe(false);
    expect(p.run({ timestamp: 2e9 }, { now: at })).toBe(true);
    expect(p.run({ timestamp: undefined }, { now: at })).toBe(false);
    expect(compile('{{now.x = null}}').run({})).toBe(true);
    expect(compile('{{now.x = null}}').run({ now: { x: 1 } })).toBe(false);
  });
});

describe('VM: runs', () => {
  it('is reentrant: a custom function may evaluate another template in the middle of a run', () => {
    const functions = {
      nest: (x: unknown) => evaluate('{{a * 10 + b}}', { a: x, b: 1 }),
      deep: (x: unknown): unknown => (Number(x) > 0 ? evaluate('{{deep(n - 1) + 1}}', { n: x }, { functions }) : 0),
    };
    expect(evaluate('{{a + nest(a) + nest(2) + a}}', { a: 3 }, { functions })).toBe(3 + 31 + 21 + 3);
    expect(evaluate('{{deep(50)}}', {}, { functions })).toBe(50);
  });

  it('reuses its stack without leaking values between runs or after errors', () => {
    const p = compile('{{a}}{{a + b}}');
    expect(p.run({ a: 'x', b: 'y' })).toBe('xxy');
    const failing = compile("{{a + parseJSON('{')}}");
    expect(() => failing.run({ a: 1 })).toThrow(ImlError);
    expect(p.run({ a: 1, b: 2 })).toBe('13');
    expect(compile('{{a}}').run({ a: 7 })).toBe(7);
  });

  it('fixes `now` for a whole run and takes it from RunOptions', () => {
    const at = new Date('2020-01-02T03:04:05.000Z');
    expect(compile('{{now}}|{{timestamp}}').run({}, { now: at })).toBe('2020-01-02T03:04:05.000Z|1577934245');
    const p = compile('{{now = now}}');
    expect(p.run({})).toBe(true);
  });

  it('gives every run its own state: `now`, timezone and the `this` of custom functions do not carry over', () => {
    const seen: object[] = [];
    const functions = {
      mark(this: FunctionThis & { runs?: number }) {
        seen.push(this);
        this.runs = (this.runs ?? 0) + 1;
        return `${this.timezone}:${this.runs}`;
      },
    };
    const p = compile("{{mark()}}|{{formatDate(now, 'YYYY')}}|{{mark()}}", { functions });
    const first = p.run({}, { now: new Date('2001-05-05T00:00:00Z'), timezone: 'Asia/Tokyo' });
    expect(first).toBe('Asia/Tokyo:1|2001|Asia/Tokyo:2');
    expect(p.run({}, { now: new Date('2002-05-05T00:00:00Z') })).toBe('UTC:1|2002|UTC:2');
    // Without options the run takes the clock: not the `now` an earlier run was given.
    const before = new Date().getUTCFullYear();
    const year = compile("{{formatDate(now, 'YYYY')}}").run({});
    expect([String(before), String(new Date().getUTCFullYear())]).toContain(year);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it('checks plainness again after a custom function, which may change a prototype mid-run', () => {
    const obj: Record<string, unknown> = { a: 1 };
    const functions = {
      taint: () => {
        Object.setPrototypeOf(obj, { secret: 's' });
        return '-';
      },
    };
    const src = '{{obj.a}}{{taint()}}{{obj.a}}{{obj.secret}}';
    const reference = compileReference(src, { functions });
    for (const optimize of [false, true]) {
      Object.setPrototypeOf(obj, Object.prototype);
      const want = reference.run({ obj });
      Object.setPrototypeOf(obj, Object.prototype);
      expect(want).toBe('1-');
      expect(compile(src, { functions, optimize }).run({ obj })).toBe(want);
    }
  });

  it('does not hand a proof of plainness to a run nested in a custom function', () => {
    const obj: Record<string, unknown> = { a: 1 };
    const inner = compile('{{obj.a}}{{obj.secret}}');
    const functions = {
      taint: () => {
        Object.setPrototypeOf(obj, { secret: 's' });
        return inner.run({ obj });
      },
    };
    // obj is no longer plain when the nested run reads it: both its reads give undefined.
    expect(compile('{{obj.a}}|{{taint()}}', { functions }).run({ obj })).toBe('1|');
  });

  it('prefers a context property to the built-in variable of the same name, even when it is undefined', () => {
    expect(compile('{{pi}}').run({ pi: 3 })).toBe(3);
    expect(compile('{{pi}}').run({ pi: undefined })).toBe(undefined);
    expect(compile('{{pi.x}}').run({ pi: { x: 1 } })).toBe(1);
  });

  it('treats a missing or non-object context as empty', () => {
    expect(compile('{{body}}|{{pi > 3}}').run(undefined)).toBe('|true');
    expect(compile('{{body}}').run(null as never)).toBe(undefined);
  });

  it('never exposes inherited members, functions, or properties of class instances', () => {
    class Secret {
      name = 'hidden';
    }
    const env = { body: { fn: () => 1, inst: new Secret(), date: new Date(0), arr: [() => 2] } };
    const p = compile('{{body.fn}}|{{body.inst.name}}|{{body.date.getTime}}|{{body.arr[1]}}|{{body.__proto__}}');
    expect(p.run(env)).toBe('||||');
    expect(compile('{{body.toString}}').run({ body: {} })).toBe(undefined);
    expect(compile('{{body.x}}').run({ body: Object.assign(Object.create(null), { x: 1 }) })).toBe(1);
  });

  it('reads through getters of plain objects and ignores Object.prototype pollution', () => {
    const proto = Object.prototype as unknown as Record<string, unknown>;
    const p = compile('{{body.polluted}}|{{body.own}}');
    try {
      proto.polluted = 'bad';
      expect(p.run({ body: { own: 1 } })).toBe('|1');
      expect(p.run({ body: { own: 1, polluted: 'bad' } })).toBe('bad|1');
    } finally {
      delete proto.polluted;
    }
    expect(p.run({ body: { own: 2 } })).toBe('|2');
  });

  it('does not let a throwing getter of an opaque object escape (the object reads as undefined)', () => {
    class Tricky {
      get name(): string {
        throw new Error('getter ran');
      }
    }
    expect(compile('{{body.name}}').run({ body: new Tricky() })).toBe(undefined);
  });

  it('runs hand-built bytecode directly (the VM needs no front end)', () => {
    const e = new Emitter();
    const span = { start: 0, end: 0 };
    e.emit(Op.Const, e.addConst(2), span, 1);
    e.emit(Op.Const, e.addConst(3), span, 1);
    e.emit(Op.Mul, 0, span, -1);
    const bc = e.finish(new SourceSet(), span);
    expect(run(bc, {}, DEFAULT_LIMITS, undefined)).toBe(6);
  });
});

describe('VM: error positions (the span the reference interpreter blames)', () => {
  const cases: Array<{
    src: string;
    env?: Record<string, unknown>;
    code: string;
    column: number;
    options?: CompileOptions;
  }> = [
    { src: "{{1 + parseJSON('{')}}", code: 'runtime/type', column: 7 },
    { src: '{{a}}-{{b + 1}}', env: { a: cyclic, b: 1 }, code: 'runtime/type', column: 1 },
    { src: "{{switch(a, 'x', 1)}}", env: { a: cyclic }, code: 'runtime/type', column: 3 },
    { src: '{{x + a}}', env: { a: cyclic, x: 'text' }, code: 'runtime/type', column: 3 },
    { src: '{{-a}}', env: { a: deepArray(5000) }, code: 'runtime/limit', column: 3 },
    {
      src: '{{ 1 + fail() }}',
      code: 'runtime/function',
      column: 8,
      options: {
        functions: {
          fail: () => {
            throw new Error('no');
          },
        },
      },
    },
  ];
  for (const c of cases) {
    it(`${c.src} -> ${c.code} at column ${c.column}`, () => {
      for (const optimize of [true, false]) {
        const err = catchError(() => compile(c.src, { ...c.options, optimize }).run(c.env ?? {}));
        expect(err.code).toBe(c.code);
        expect(err.line).toBe(1);
        expect(err.column).toBe(c.column);
      }
    });
  }

  it('reports the first failure in source order inside a text template (a part renders before the next runs)', () => {
    const functions = {
      boom: () => {
        throw new Error('boom');
      },
    };
    const err = catchError(() => compile('{{a}}{{boom()}}', { functions }).run({ a: cyclic }));
    expect(err.code).toBe('runtime/type');
    expect(err.column).toBe(1);
  });

  it('positions errors of JSON templates in the string they come from, with its path', () => {
    const err = catchError(() => compile({ ok: 'fine', bad: { x: "{{ parseJSON('[') }}" } }).run({}));
    expect(err.code).toBe('runtime/type');
    expect(err.path).toBe('$.bad.x');
    expect(err.column).toBe(4);
  });
});

function deepArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
