// Data that throws when read: a getter or Proxy trap in an embedder's context object (docs/semantics.md "Data
// that throws"). It becomes runtime/function, positioned at the read, with the original exception as `cause`;
// every case runs three ways (reference, VM -O0, VM -O1).
import { describe, expect, it } from 'vitest';
import { compile, ImlError } from '../../src/index.js';
import { type ErrorCase, runCases } from '../support/cases.js';

const BOOM = new Error('boom');

/** throwing returns a plain object whose property `key` is a getter that throws BOOM, next to `ok: 1`. */
function throwing(key: string): Record<string, unknown> {
  const o: Record<string, unknown> = { ok: 1 };
  Object.defineProperty(o, key, {
    enumerable: true,
    get() {
      throw BOOM;
    },
  });
  return o;
}

/** throwsUndefined returns `{ok: 1}` with a getter `bad` that throws undefined (not an Error, and falsy). */
function throwsUndefined(): Record<string, unknown> {
  const o: Record<string, unknown> = { ok: 1 };
  Object.defineProperty(o, 'bad', {
    get() {
      throw undefined;
    },
  });
  return o;
}

/** throwingArray returns [1, <getter that throws>, 3]. */
function throwingArray(): unknown[] {
  const a: unknown[] = [1, 2, 3];
  Object.defineProperty(a, 1, {
    get() {
      throw BOOM;
    },
  });
  return a;
}

/** trapping returns a Proxy over a plain object whose every trap throws. */
function trapping(): object {
  const fail = () => {
    throw BOOM;
  };
  return new Proxy({}, { get: fail, has: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail, ownKeys: fail });
}

const READ = 'Reading the data failed: boom';

/** fails returns an error row: runtime/function at line 1, column `column`. */
function fails(src: string, env: Record<string, unknown>, column: number, name: string): ErrorCase {
  return { src, env, name, error: { code: 'runtime/function', line: 1, column } };
}

runCases('data that throws when read', [
  fails('{{body.x}}', { body: throwing('x') }, 3, 'a getter on a path'),
  fails('{{1 + body.x}}', { body: throwing('x') }, 7, 'positioned at the path, not the operator'),
  fails('{{length(body.x)}}', { body: throwing('x') }, 10, 'a path inside a call'),
  fails('{{toString(body)}}', { body: throwing('x') }, 3, 'a built-in that walks the object'),
  fails('{{get(body; "x")}}', { body: throwing('x') }, 3, 'get() reads the getter'),
  fails('{{body[2]}}', { body: throwingArray() }, 3, 'an array element accessor'),
  fails('{{body.a}}', { body: trapping() }, 3, 'a Proxy whose traps throw'),
  fails('{{x}}', throwing('x'), 3, 'a getter on the root variable'),
  fails('{{body.ok}} and {{body.x}}', { body: throwing('x') }, 19, 'the second mustache of a text template'),
  fails(
    'Body: {{body}}',
    { body: throwing('x') },
    1,
    'text rendering of the object: at the template, like its other rendering errors',
  ),
  {
    src: { '{{...}}': '{{body}}', id: 1 },
    env: { body: throwing('x') },
    name: 'a spread of the object',
    error: { code: 'runtime/function', line: 1, column: 3, path: '$["{{...}}"]' },
  },
  fails('{{body.ok && body.bad}}', { body: throwsUndefined() }, 14, 'a getter that throws undefined'),
  { src: '{{body.ok}}', env: { body: throwing('x') }, want: 1, name: 'other keys of the object read normally' },
  { src: '{{body[1]}}', env: { body: throwingArray() }, want: 1, name: 'other elements read normally' },
  {
    src: '{{body.ok = 1 || body.x}}',
    env: { body: throwing('x') },
    want: true,
    name: 'a short-circuited operand is never read',
  },
]);

describe('data that throws when read', () => {
  it('keeps the original exception as cause and shows the caret', () => {
    let caught: unknown;
    try {
      compile('{{body.x}}').run({ body: throwing('x') });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ImlError);
    const e = caught as ImlError;
    expect(e.cause).toBe(BOOM);
    expect(e.message).toBe(`${READ} (1:3)\n  {{body.x}}\n    ^`);
  });

  it('leaves nothing behind: the next run of the same program reads normally', () => {
    const p = compile('{{body.x}}');
    expect(() => p.run({ body: throwing('x') })).toThrow(ImlError);
    expect(p.run({ body: { x: 2 } })).toBe(2);
  });
});
