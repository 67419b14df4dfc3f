// Whole-program fast forms (vm/program.ts Form): a program of one Const, LoadVar, LoadPath, PathK, AndPaths or
// OrPaths instruction and Return runs without the VM loop. It must give exactly what the loop gives, errors and
// positions included, and what the reference interpreter gives (runCases runs every case three ways).
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile, ImlError, type RunOptions } from '../../src/index.js';
import type { VmProgram } from '../../src/pipeline.js';
import { resolveLimits } from '../../src/source/limits.js';
import { Bytecode, Form } from '../../src/vm/program.js';
import { run } from '../../src/vm/vm.js';
import { runCases } from '../support/cases.js';

type FormName = keyof typeof Form;

function bytecodeOf(src: unknown, options: CompileOptions = {}): Bytecode {
  return (compile(src, options) as VmProgram).bytecode;
}

/** onLoop returns a copy of a program that the VM runs on its loop (its form set to Loop). */
function onLoop(bc: Bytecode): Bytecode {
  return Object.assign(Object.create(Bytecode.prototype) as Bytecode, bc, { form: Form.Loop, spare: null });
}

/** outcome returns what a run gives: its value, or every field of its ImlError that a caller can see. */
function outcome(thunk: () => unknown): unknown {
  try {
    return { value: thunk() };
  } catch (e) {
    if (!(e instanceof ImlError)) throw e;
    const { code, message, offset, end, line, column, path } = e;
    return { error: { code, message, offset, end, line, column, path } };
  }
}

const cyclic: unknown[] = [];
cyclic.push(cyclic);
const body = { n: 101, s: 'abc', e: '', o: { k: [7, 8] }, c: cyclic, status: 'paid', when: new Date(0) };
const NOW = new Date('2020-01-02T03:04:05.000Z');

describe('fast forms: which programs take one', () => {
  const forms: Array<[unknown, FormName]> = [
    ['{{1}}', 'Const'],
    ['plain text', 'Const'],
    ["{{'a' + 'b'}}", 'Const'],
    [42, 'Const'],
    [null, 'Const'],
    ['{{body}}', 'Path'],
    ['{{body.o.k[]}}', 'Path'],
    ['{{body.o.k[-1]}}', 'Path'],
    ['{{body.n > 100}}', 'Paths'],
    ["{{body.n > 100 && body.status = 'paid'}}", 'Paths'],
    ['{{body.e || body.s}}', 'Paths'],
    // Built-in variables come from the run state, which the loop owns.
    ['{{pi}}', 'Loop'],
    ['{{now.x}}', 'Loop'],
    ['{{timestamp > 0}}', 'Loop'],
    // A fresh array or object each run, more than one instruction, a call: the loop.
    ['{{emptyarray}}', 'Loop'],
    [{}, 'Loop'],
    [[], 'Loop'],
    ['{{body}}{{body}}', 'Loop'],
    ['{{upper(body.s)}}', 'Loop'],
    ['{{body.o[body.n]}}', 'Loop'],
    ['{{body && upper(body.s)}}', 'Loop'],
  ];
  for (const [src, form] of forms) {
    it(`${JSON.stringify(src)} -> ${form}`, () => {
      expect(bytecodeOf(src).form).toBe(Form[form]);
    });
  }

  it('keeps the unoptimized program on the loop when only folding made it one instruction', () => {
    expect(bytecodeOf("{{'a' + 'b'}}", { optimize: false }).form).toBe(Form.Loop);
  });

  it('gives a fresh array each run to a template that makes one', () => {
    const p = compile('{{emptyarray}}');
    const a = p.run({}) as unknown[];
    a.push(1);
    expect(p.run({})).toStrictEqual([]);
  });
});

describe('fast forms: the same outcome as the loop', () => {
  const runs: Array<{
    src: unknown;
    env?: Record<string, unknown>;
    options?: RunOptions;
    compileOptions?: CompileOptions;
  }> = [
    { src: '{{1.5}}' },
    { src: 'just text' },
    { src: '{{body}}', env: { body } },
    { src: '{{body.o.k[]}}', env: { body } },
    { src: '{{body.o.k.`2`}}', env: { body } },
    { src: '{{body.o.constructor}}', env: { body } },
    { src: '{{body.when.x}}', env: { body } },
    { src: '{{body.o.k[-1]}}', env: { body } },
    { src: '{{body.missing.x}}', env: { body } },
    { src: '{{body.n.x}}', env: { body } },
    { src: '{{body}}', env: { body: () => 1 } },
    { src: '{{body.s}}', env: Object.assign(Object.create({ inherited: 1 }), { body }) },
    { src: '{{body.n > 100}}', env: { body } },
    { src: '{{body.n > 100}}', env: {} },
    { src: "{{body.s + '!'}}", env: { body } },
    { src: "{{body.c + '!'}}", env: { body } },
    { src: "{{body.n = '101'}}", env: { body } },
    { src: "{{body.n = '101'}}", env: { body }, compileOptions: { strictEquality: true } },
    { src: "{{body.n > 100 && body.status = 'paid'}}", env: { body } },
    { src: "{{body.n > 100 && body.c + '!'}}", env: { body } },
    { src: "{{body.e && body.c + '!'}}", env: { body } },
    { src: "{{body.e || body.missing || body.c ++ '!'}}", env: { body } },
    { src: "{{body.s || body.c + '!'}}", env: { body } },
    { src: "{{body.s + 'defgh'}}", env: { body }, options: { limits: { maxStringLength: 5 } } },
    { src: '{{body.n > 100}}', env: { body }, options: { timezone: 'Europe/Prague', now: NOW, executionId: 'x' } },
    { src: '{{body.o.k[] && body.s}}', env: { body }, options: { now: NOW } },
    // Exactly as many steps as the program has: not counted, so the fast form runs.
    { src: '{{body.n > 100}}', env: { body }, options: { limits: { maxSteps: 2 } } },
    { src: '{{body.e || body.s}}', env: { body }, options: { limits: { maxSteps: 2 } } },
  ];
  for (const r of runs) {
    it(`${JSON.stringify(r.src)} ${JSON.stringify(r.options ?? {})}`, () => {
      const bc = bytecodeOf(r.src, r.compileOptions);
      expect(bc.form).not.toBe(Form.Loop);
      const loop = onLoop(bc);
      expect(loop.form).toBe(Form.Loop);
      const limits = resolveLimits(r.options?.limits);
      const fast = outcome(() => run(bc, r.env ?? {}, limits, r.options));
      expect(fast).toStrictEqual(outcome(() => run(loop, r.env ?? {}, limits, r.options)));
      // And through the public API, which picks the program and the limits itself.
      expect(fast).toStrictEqual(outcome(() => compile(r.src, r.compileOptions).run(r.env ?? {}, r.options)));
    });
  }

  it('runs on the loop, and fails there, when maxSteps is smaller than the program', () => {
    const bc = bytecodeOf('{{body.n > 100}}');
    for (const maxSteps of [0, 1]) {
      const got = outcome(() => run(bc, { body }, resolveLimits({ maxSteps }), undefined));
      expect(got).toStrictEqual(outcome(() => run(onLoop(bc), { body }, resolveLimits({ maxSteps }), undefined)));
      expect(got).toMatchObject({ error: { code: 'runtime/limit', line: 1, column: 3 } });
    }
  });
});

describe('fast forms: the same outcome as the reference interpreter', () => {
  // Expected values from SEMANTICS §3-§5 (loose equality, JS comparison and truthiness, own properties only).
  runCases('values', [
    { src: '{{body.n > 100}}', env: { body }, want: true },
    { src: '{{body.n > 100}}', want: false },
    { src: '{{body.o.k[] * 2}}', env: { body }, want: 14 },
    { src: "{{body.n = '101'}}", env: { body }, want: true },
    { src: "{{body.n = '101'}}", env: { body }, options: { strictEquality: true }, want: false },
    { src: "{{body.n > 100 && body.status = 'paid'}}", env: { body }, want: true },
    { src: "{{body.n > 200 && body.status = 'paid'}}", env: { body }, want: false },
    { src: '{{body.e && body.n}}', env: { body }, want: '' },
    { src: '{{body.e || body.missing}}', env: { body }, want: undefined },
    { src: '{{body.missing || body.o.k[] || body.s}}', env: { body }, want: 7 },
    { src: '{{body.when.x = null}}', env: { body }, want: true },
    { src: '{{body.__proto__ || body.constructor}}', env: { body }, want: undefined },
    // Options do not change a path's value; they do change the built-in variables, which the loop reads.
    {
      src: '{{body.n >= 101}}',
      env: { body },
      options: { timezone: 'America/New_York', now: NOW },
      want: true,
    },
    { src: '{{timestamp = 1577934245}}', options: { now: NOW, timezone: 'Asia/Tokyo' }, want: true },
    { src: '{{now}}', options: { now: NOW }, want: NOW },
    { src: '{{timestamp}}', env: { timestamp: 'mine' }, options: { now: NOW }, want: 'mine' },
  ]);

  runCases('errors', [
    // `+` with text renders both operands; a cyclic array cannot be rendered (SEMANTICS §3, §5).
    { src: "{{body.c + '!'}}", env: { body }, error: { code: 'runtime/type', line: 1, column: 3 } },
    { src: "{{body.n && body.c + '!'}}", env: { body }, error: { code: 'runtime/type', line: 1, column: 13 } },
    { src: "{{body.e || body.c + '!'}}", env: { body }, error: { code: 'runtime/type', line: 1, column: 13 } },
    {
      src: { out: ["{{body.s && body.c + '!'}}"] },
      env: { body },
      error: { code: 'runtime/type', line: 1, column: 13, path: '$.out[0]' },
    },
    {
      src: "{{body.s + 'defgh'}}",
      env: { body },
      options: { limits: { maxStringLength: 5 } },
      error: { code: 'runtime/limit', line: 1, column: 3 },
    },
    // Fewer steps than the program has: the reference fails on the first nodes, the VM on its loop.
    {
      src: '{{body.n > 100}}',
      env: { body },
      options: { limits: { maxSteps: 1 } },
      error: { code: 'runtime/limit', line: 1, column: 3 },
    },
    {
      src: '{{body.e || body.s}}',
      env: { body },
      options: { limits: { maxSteps: 1 } },
      error: { code: 'runtime/limit', line: 1 },
    },
    // A getter of the embedder's data that throws is runtime/function at the path that read it.
    {
      src: '{{body.ok && body.bad > 1}}',
      env: {
        body: {
          ok: true,
          get bad(): never {
            throw new Error('no');
          },
        },
      },
      error: { code: 'runtime/function', line: 1, column: 14 },
    },
  ]);
});
