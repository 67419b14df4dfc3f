// Hostile templates and hostile data (SEMANTICS §5, §8; API.md "Every failure ... surfaces as ImlError").
import { describe, expect, it } from 'vitest';
import { compile, evaluate, ImlError } from '../src/index.js';
import { compileReference } from '../src/reference/program.js';
import { compileWebhook } from '../src/webhook/index.js';
import { catchError, runCases, runWay, WAYS } from './support/cases.js';

const hostile = JSON.parse('{"__proto__": {"polluted": "yes", "x": 1}, "constructor": {"name": "own"}, "s": "text"}');
const body = { a: 1, s: 'text', items: [1, 2], o: { k: 'v' } };

runCases('inherited members and prototypes are unreachable', [
  { src: '{{body.constructor}}', env: { body }, want: undefined },
  { src: '{{body.__proto__}}', env: { body }, want: undefined },
  { src: '{{body.toString}}', env: { body }, want: undefined },
  { src: "{{get(body, 'constructor')}}", env: { body }, want: undefined },
  { src: "{{get(body, '__proto__')}}", env: { body }, want: undefined },
  { src: "{{get(body, 'constructor.name')}}", env: { body }, want: undefined },
  { src: '{{body.hasOwnProperty}}', env: { body }, want: undefined },
  { src: '{{body.valueOf}}', env: { body }, want: undefined },
  { src: '{{body.__defineGetter__}}', env: { body }, want: undefined },
  { src: '{{body.prototype}}', env: { body }, want: undefined },
  { src: '{{body.`constructor`}}', env: { body }, want: undefined },
  { src: "{{body['constructor']}}", env: { body }, want: undefined },
  { src: "{{body['__proto__']}}", env: { body }, want: undefined },
  { src: '{{body.constructor.constructor}}', env: { body }, want: undefined },
  { src: '{{body.s.constructor}}', env: { body }, want: undefined, name: 'members of a string' },
  { src: '{{body.s.length}}', env: { body }, want: undefined },
  { src: '{{body.a.toFixed}}', env: { body }, want: undefined, name: 'members of a number' },
  { src: '{{body.items.constructor}}', env: { body }, want: undefined, name: 'members of an array' },
  { src: '{{body.items.map}}', env: { body }, want: undefined },
  { src: '{{body.items.__proto__}}', env: { body }, want: undefined },
  { src: "{{body.items['push']}}", env: { body }, want: undefined },
  { src: '{{constructor}}', env: {}, want: undefined, name: 'a root named like an inherited member' },
  { src: '{{__proto__}}', env: {}, want: undefined },
  { src: '{{toString}}', env: {}, want: undefined },
  { src: '{{hasOwnProperty}}', env: {}, want: undefined },
  { src: "{{'' + body.constructor}}", env: { body }, want: '' },
  { src: 'x{{body.__proto__}}', env: { body }, want: 'x' },
]);

runCases('own data named like prototype members is read as data', [
  { src: '{{body.__proto__.x}}', env: { body: hostile }, want: 1 },
  { src: '{{body.__proto__}}', env: { body: hostile }, want: { polluted: 'yes', x: 1 } },
  { src: '{{body.`__proto__`.polluted}}', env: { body: hostile }, want: 'yes' },
  { src: "{{body['__proto__']['x']}}", env: { body: hostile }, want: 1 },
  { src: "{{get(body, '__proto__.x')}}", env: { body: hostile }, want: 1 },
  { src: '{{body.constructor.name}}', env: { body: hostile }, want: 'own' },
  { src: '{{body.polluted}}', env: { body: hostile }, want: undefined, name: 'an own __proto__ is not a prototype' },
  { src: '{{__proto__}}', env: JSON.parse('{"__proto__": 7}'), want: 7, name: 'an own __proto__ root' },
  {
    src: { '{{...}}': '{{body}}' },
    env: { body: hostile },
    want: hostile,
    name: 'a spread keeps an own __proto__ key as data',
  },
]);

const fn = () => 'called';
const withFunctions = {
  body: { f: fn, o: { g: fn }, arr: [fn, 1], nested: { deeper: { h: fn } } },
  root: fn,
};
runCases('functions in the context are unreachable', [
  { src: '{{body.f}}', env: withFunctions, want: undefined },
  { src: '{{body.o.g}}', env: withFunctions, want: undefined },
  { src: '{{body.arr[1]}}', env: withFunctions, want: undefined },
  { src: '{{body.arr[-2]}}', env: withFunctions, want: undefined },
  { src: '{{body.arr[]}}', env: withFunctions, want: undefined },
  { src: '{{body.arr[2]}}', env: withFunctions, want: 1 },
  { src: "{{get(body, 'f')}}", env: withFunctions, want: undefined },
  { src: "{{get(body, 'nested.deeper.h')}}", env: withFunctions, want: undefined },
  { src: '{{get(body.arr, 1)}}', env: withFunctions, want: undefined },
  { src: '{{root}}', env: withFunctions, want: undefined },
  { src: 'x{{body.f}}', env: withFunctions, want: 'x' },
  { src: '{{body.o}}', env: withFunctions, want: { g: fn }, name: 'the typed result is the embedder’s own object' },
  { src: "{{'' + body.o}}", env: withFunctions, want: '{}', name: 'JSON rendering leaves functions out' },
  {
    src: '{{f()}}',
    options: { functions: { f: () => fn } },
    want: undefined,
    name: 'a custom function returning a function gives undefined',
  },
  {
    src: '{{body.constructor.constructor("return process")()}}',
    env: withFunctions,
    error: { code: 'syntax/unexpected-token', line: 1, column: 31 },
    name: 'no call syntax on values',
  },
]);

class Secret {
  x = 1;
  get y() {
    return 2;
  }
}
runCases('exotic objects an embedder passes in are opaque', [
  { src: '{{body.x}}', env: { body: new Secret() }, want: undefined, name: 'a class instance' },
  { src: '{{body.y}}', env: { body: new Secret() }, want: undefined },
  { src: "{{get(body, 'x')}}", env: { body: new Secret() }, want: undefined },
  { src: '{{body.size}}', env: { body: new Map([['a', 1]]) }, want: undefined, name: 'a Map' },
  { src: '{{body.a}}', env: { body: new Map([['a', 1]]) }, want: undefined },
  {
    src: '{{body.k}}',
    env: { body: Object.assign(Object.create(null), { k: 'v' }) },
    want: 'v',
    name: 'null prototype',
  },
]);

describe('templates cannot pollute prototypes', () => {
  for (const way of WAYS) {
    it(`${way}: __proto__ keys in templates and data stay own data`, () => {
      const template = JSON.parse('{"__proto__": {"polluted": "{{body.v}}"}, "a": {"{{...}}": "{{body.evil}}"}}');
      const env = { body: { v: 'yes', evil: JSON.parse('{"__proto__": {"polluted": "yes"}}') } };
      const out = runWay(way, template, env) as Record<string, unknown>;
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.keys(out)).toEqual(['__proto__', 'a']);
      expect(Object.getPrototypeOf(out.a)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    });
  }
});

/** nested returns data `depth` levels deep, built without recursion. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

describe('resource limits', () => {
  it('100 000 nested parentheses are syntax/too-deep, not a stack overflow', () => {
    const src = `{{${'('.repeat(100_000)}1${')'.repeat(100_000)}}}`;
    for (const way of WAYS) {
      const e = catchError(() => runWay(way, src));
      expect(e.code).toBe('syntax/too-deep');
      expect(e.column).toBe(259);
    }
  });

  it('100 000 nested brackets, prefix operators, operands and members are syntax/too-deep', () => {
    const sources = [
      `{{a${'[a'.repeat(100_000)}${']'.repeat(100_000)}}}`,
      `{{${'!'.repeat(100_000)}1}}`,
      `{{${'-'.repeat(100_000)}1}}`,
      `{{${Array.from({ length: 100_000 }, () => 'a').join(' + ')}}}`,
      `{{a${'.a'.repeat(100_000)}}}`,
      `{{${'f('.repeat(100_000)}${')'.repeat(100_000)}}}`,
    ];
    for (const src of sources) expect(catchError(() => compile(src)).code).toBe('syntax/too-deep');
  });

  it('a JSON template nested 100 000 levels deep is syntax/too-deep', () => {
    expect(catchError(() => compile(nested(100_000, 'array'))).code).toBe('syntax/too-deep');
    expect(catchError(() => compile(nested(100_000, 'object'))).code).toBe('syntax/too-deep');
    expect(catchError(() => compileReference(nested(100_000, 'object'))).code).toBe('syntax/too-deep');
  });

  it('a 5 MB template is syntax/too-long with a clear, short message', () => {
    const src = `{{body.a}}${'x'.repeat(5 * 1024 * 1024)}`;
    for (const way of WAYS) {
      const e = catchError(() => runWay(way, src));
      expect(e.code).toBe('syntax/too-long');
      expect(e.message.split('\n')[0]).toBe(
        `Template is ${src.length} characters long, over the limit of 1048576 (limits.maxTemplateLength) (1:1048577)`,
      );
      expect(e.message.length).toBeLessThan(400);
    }
  });

  it('a 5 MB template compiles when limits.maxTemplateLength allows it', () => {
    const src = `{{body.a}}${'x'.repeat(5 * 1024 * 1024)}`;
    const out = evaluate(src, { body: { a: 1 } }, { limits: { maxTemplateLength: 6 * 1024 * 1024 } });
    expect(out).toHaveLength(src.length - '{{body.a}}'.length + 1);
  });

  for (const kind of ['array', 'object'] as const) {
    it(`100 000-level nested ${kind} data rendered as text finishes or raises runtime/limit`, () => {
      const env = { body: nested(100_000, kind) };
      for (const way of WAYS) {
        for (const src of ['x{{body}}', "{{'' + body}}", '{{upper(body)}}', '{{length(body)}}', '{{body = 1}}']) {
          try {
            runWay(way, src, env);
          } catch (e) {
            expect(e, src).toBeInstanceOf(ImlError);
            expect((e as ImlError).code, src).toBe('runtime/limit');
          }
        }
        expect(runWay(way, '{{body}}', env)).toBe(env.body);
        expect(runWay(way, kind === 'array' ? '{{body[1][1][1][]}}' : '{{body.a.a.a.a}}', env)).toBeDefined();
      }
    });
  }

  it('a webhook reply rendering 100 000-level nested body data raises runtime/limit, never a RangeError', () => {
    for (const type of ['text', 'json', 'urlencoded'] as const) {
      for (const kind of ['array', 'object'] as const) {
        const hook = compileWebhook({ respond: { type, body: '{{body}}' } });
        const e = catchError(() => hook.handle({ body: nested(100_000, kind) }));
        expect(e.code, `${type} ${kind}`).toBe('runtime/limit');
        expect(e.path).toBe('$.respond.body');
      }
    }
  });

  it('cyclic data rendered as text raises an ImlError', () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    const arr: unknown[] = [1];
    arr.push([arr]);
    for (const way of WAYS) {
      for (const env of [{ body: o }, { body: arr }]) {
        const e = catchError(() => runWay(way, 'x{{body}}', env));
        expect(['runtime/type', 'runtime/limit']).toContain(e.code);
      }
    }
  });
});
