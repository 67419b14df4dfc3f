import { describe, expect, it } from 'vitest';
import { binaryBase64, binaryText, dateText, jsonText, render } from '../../src/runtime/render.js';
import { ImlError } from '../../src/source/error.js';
import { MAX_VALUE_DEPTH } from '../../src/source/limits.js';

function codeOf(thunk: () => unknown): string | undefined {
  try {
    thunk();
  } catch (e) {
    if (e instanceof ImlError) return e.code;
    throw e;
  }
  return undefined;
}

function nestedArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('render (SEMANTICS §5)', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['a b', 'a b'],
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [123456789012345680000, '123456789012345680000'],
    [Number.NaN, 'NaN'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [true, 'true'],
    [false, 'false'],
    [[], ''],
    [[1, [2, [3]], null, undefined, 'x'], '1,2,3,,,x'],
    [[{ a: 1 }], '{"a":1}'],
    [{ a: [1, { b: null }] }, '{"a":[1,{"b":null}]}'],
    [{}, '{}'],
  ])('render(%o) is %j', (v, want) => {
    expect(render(v)).toBe(want);
  });

  it('Dates, buffers and values no template can make', () => {
    expect(render(new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)))).toBe('2020-01-02T03:04:05.006Z');
    expect(render(new Date(Number.NaN))).toBe('Invalid Date');
    expect(render(Buffer.from('héllo'))).toBe('héllo');
    expect(render(new Uint8Array([0xff]))).toBe('\ufffd');
    expect(render(() => 1)).toBe('');
    expect(render(Symbol('s'))).toBe('');
    expect(render(10n)).toBe('10');
  });

  it('arrays nested past MAX_VALUE_DEPTH (or past what the JS stack allows) raise runtime/limit', () => {
    expect(render(nestedArray(1000))).toBe('1');
    expect(codeOf(() => render(nestedArray(MAX_VALUE_DEPTH + 1)))).toBe('runtime/limit');
    expect(codeOf(() => render(nestedArray(100_000)))).toBe('runtime/limit');
  });

  it('a stack overflow while rendering is runtime/limit even when the caller has used most of the stack', () => {
    const deepCaller = (n: number): string | undefined =>
      n === 0 ? codeOf(() => render(nestedArray(3000))) : deepCaller(n - 1);
    expect(['runtime/limit', undefined]).toContain(deepCaller(5000));
  });

  it('a self-containing array raises runtime/type; a deeper cycle a limit', () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(codeOf(() => render(a))).toBe('runtime/type');
    const b: unknown[] = [1];
    b.push([b]);
    expect(['runtime/type', 'runtime/limit']).toContain(codeOf(() => render(b)));
  });
});

describe('jsonText', () => {
  it('is JSON.stringify for JSON data', () => {
    const data = { a: 1, b: 'x"\n', c: [true, null, 1.5], d: { e: {} } };
    expect(jsonText(data)).toBe(JSON.stringify(data));
    expect(jsonText('s')).toBe('"s"');
    expect(jsonText(null)).toBe('null');
  });

  it('drops undefined and function properties, writes null for them in arrays', () => {
    expect(jsonText({ a: undefined, b: () => 1, c: 1 })).toBe('{"c":1}');
    expect(jsonText({ a: undefined })).toBe('{}');
    expect(jsonText([undefined, () => 1, 2])).toBe('[null,null,2]');
    expect(jsonText(undefined)).toBeUndefined();
    expect(jsonText(() => 1)).toBeUndefined();
  });

  it('non-finite numbers are null; Dates ISO strings; buffers Base64', () => {
    expect(jsonText([Number.NaN, Number.POSITIVE_INFINITY, -0])).toBe('[null,null,0]');
    expect(jsonText({ d: new Date(0), bad: new Date(Number.NaN) })).toBe('{"d":"1970-01-01T00:00:00.000Z","bad":null}');
    expect(jsonText(Buffer.from('hi'))).toBe('"aGk="');
  });

  it('never consults toJSON nor inherited members; own __proto__ is data', () => {
    expect(jsonText({ toJSON: () => 'evil', a: 1 })).toBe('{"a":1}');
    expect(jsonText(Object.create({ inherited: 1 }))).toBe('{}');
    expect(jsonText(JSON.parse('{"__proto__": {"x": 1}}'))).toBe('{"__proto__":{"x":1}}');
  });

  it('the same object twice is fine; a cycle raises runtime/type', () => {
    const shared = { s: 1 };
    expect(jsonText({ a: shared, b: shared })).toBe('{"a":{"s":1},"b":{"s":1}}');
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(codeOf(() => jsonText(o))).toBe('runtime/type');
  });

  it('nesting past MAX_VALUE_DEPTH (or past what the JS stack allows) raises runtime/limit', () => {
    let ok: unknown = 1;
    for (let i = 0; i < 1000; i++) ok = { a: ok };
    expect(jsonText(ok)).toBe(`${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`);
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(codeOf(() => jsonText(deep))).toBe('runtime/limit');
    expect(codeOf(() => render(deep))).toBe('runtime/limit');
  });
});

describe('binary and date helpers', () => {
  it('binaryText decodes UTF-8; binaryBase64 encodes standard Base64 of the view only', () => {
    expect(binaryText(new Uint8Array([0xe2, 0x82, 0xac]))).toBe('€');
    const bytes = new Uint8Array([0, 1, 2, 3, 4, 5]);
    expect(binaryBase64(bytes.subarray(1, 4))).toBe('AQID');
    expect(binaryBase64(new Uint8Array())).toBe('');
  });

  it('dateText', () => {
    expect(dateText(new Date(-1))).toBe('1969-12-31T23:59:59.999Z');
    expect(dateText(new Date(Number.NaN))).toBe('Invalid Date');
  });
});
