import { describe, expect, it } from 'vitest';
import { ImlError } from '../../src/source/error.js';
import { checkWebhook, compileWebhook } from '../../src/webhook/index.js';

// SEMANTICS §7 "Valid spec": each directive's JSON type, respond.type, literal status 100..999.
const invalid = (spec: unknown): ImlError => {
  try {
    compileWebhook(spec as never);
  } catch (e) {
    if (e instanceof ImlError) return e;
    throw e;
  }
  throw new Error('expected webhook/invalid-spec');
};

describe('spec validation', () => {
  it.each([
    ['the spec itself', [], '$'],
    ['the spec itself (null)', null, '$'],
    ['verification (string)', { verification: '{{true}}' }, '$.verification'],
    ['verification (array)', { verification: [] }, '$.verification'],
    ['verification.condition (number)', { verification: { condition: 1 } }, '$.verification.condition'],
    ['verification.respond (string)', { verification: { respond: 'ok' } }, '$.verification.respond'],
    ['verification.respond.status', { verification: { respond: { status: 1200 } } }, '$.verification.respond.status'],
    ['condition (number)', { condition: 1 }, '$.condition'],
    ['condition (null)', { condition: null }, '$.condition'],
    ['iterate (number)', { iterate: 3 }, '$.iterate'],
    ['iterate (array)', { iterate: ['{{body}}'] }, '$.iterate'],
    ['iterate.container missing', { iterate: { condition: true } }, '$.iterate.container'],
    ['iterate.container (object)', { iterate: { container: {} } }, '$.iterate.container'],
    ['iterate.condition (array)', { iterate: { container: '{{body}}', condition: [] } }, '$.iterate.condition'],
    ['uid (number)', { uid: 5 }, '$.uid'],
    ['uid (object)', { uid: { a: '{{body}}' } }, '$.uid'],
    ['respond (array)', { respond: [] }, '$.respond'],
    ['respond.type (wrong case)', { respond: { type: 'JSON' } }, '$.respond.type'],
    ['respond.type (unknown)', { respond: { type: 'xml' } }, '$.respond.type'],
    ['respond.type (template)', { respond: { type: '{{body.t}}' } }, '$.respond.type'],
    ['respond.type (number)', { respond: { type: 1 } }, '$.respond.type'],
    ['respond.status 1200', { respond: { status: 1200 } }, '$.respond.status'],
    ['respond.status 99', { respond: { status: 99 } }, '$.respond.status'],
    ['respond.status 200.5', { respond: { status: 200.5 } }, '$.respond.status'],
    ['respond.status "1200"', { respond: { status: '1200' } }, '$.respond.status'],
    ['respond.status "OK"', { respond: { status: 'OK' } }, '$.respond.status'],
    ['respond.status (boolean)', { respond: { status: true } }, '$.respond.status'],
    ['respond.status (null)', { respond: { status: null } }, '$.respond.status'],
    ['respond.headers (array)', { respond: { headers: ['a'] } }, '$.respond.headers'],
    ['respond.headers value (object)', { respond: { headers: { 'x-a': {} } } }, '$.respond.headers["x-a"]'],
    ['respond.headers value (null)', { respond: { headers: { a: null } } }, '$.respond.headers.a'],
  ])('%s → webhook/invalid-spec', (_, spec, path) => {
    const e = invalid(spec);
    expect([e.code, e.path]).toEqual(['webhook/invalid-spec', path]);
    expect(e.message).toContain(`at ${path}`);
  });

  it.each([
    ['an empty spec', {}],
    [
      'boolean conditions',
      { condition: false, verification: { condition: true }, iterate: { container: '{{body}}', condition: true } },
    ],
    ['status at the bounds', { respond: { status: 100 }, verification: { respond: { status: 999 } } }],
    ['status as decimal text', { respond: { status: '204' } }],
    ['status as a template', { respond: { status: '{{if(body.ok, 200, 400)}}' } }],
    ['header values of every scalar type', { respond: { headers: { a: 'x', b: 1, c: false, d: '{{body}}' } } }],
    ['any IML value as output and body', { output: [1, null, { a: ['{{body}}'] }], respond: { body: null } }],
    [
      'unknown keys, top level and nested',
      { foo: 1, respond: { extra: true }, iterate: { container: '{{body}}', x: 1 } },
    ],
  ])('accepts %s', (_, spec) => {
    expect(() => compileWebhook(spec as never)).not.toThrow();
  });

  it('compile errors carry the path of the template inside the spec', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ output: { a: { b: ['x', '{{nope(1)}}'] } } }, 'compile/unknown-function', '$.output.a.b[1]'],
      [{ uid: '{{item.}}' }, 'syntax/unexpected-token', '$.uid'],
      [{ respond: { body: { 'a b': '{{1 +}}' } } }, 'syntax/unexpected-token', '$.respond.body["a b"]'],
      [{ respond: { status: '{{(}}' } }, 'syntax/unexpected-token', '$.respond.status'],
      [
        { verification: { respond: { headers: { x: '{{upper()}}' } } } },
        'compile/arity',
        '$.verification.respond.headers.x',
      ],
      [{ iterate: { container: '{{body', condition: true } }, 'syntax/unclosed-mustache', '$.iterate.container'],
    ];
    for (const [spec, code, path] of cases) {
      const e = invalid(spec);
      expect([e.code, e.path]).toEqual([code, path]);
      expect(e.line).toBe(1);
      expect(e.message).toContain(`at ${path}\n`);
    }
  });
});

describe('checkWebhook', () => {
  it('reports every problem in one run: the three acceptance mistakes', () => {
    const report = checkWebhook({
      uid: '{{nope(item.id)}}',
      output: { name: '{{item.name +}}' },
      respond: { status: 1200 },
    });
    expect(report.errors.map((e) => [e.code, e.path])).toEqual([
      ['webhook/invalid-spec', '$.respond.status'],
      ['compile/unknown-function', '$.uid'],
      ['syntax/unexpected-token', '$.output.name'],
    ]);
    expect(report.errors[1]?.column).toBe(3);
    expect(report.warnings).toEqual([]);
  });

  it('reports the first error of every template string, not just of every directive', () => {
    const report = checkWebhook({ output: { a: '{{x(}}', b: 'ok', c: ['{{y()}}', '{{lower(1, 2, 3)}}'] } });
    expect(report.errors.map((e) => [e.code, e.path])).toEqual([
      ['syntax/unexpected-token', '$.output.a'],
      ['compile/unknown-function', '$.output.c[0]'],
      ['compile/arity', '$.output.c[1]'],
    ]);
  });

  it('does not compile a value already reported for its type', () => {
    const report = checkWebhook({ uid: { a: '{{x(}}' }, condition: 5 });
    expect(report.errors.map((e) => e.path)).toEqual(['$.condition', '$.uid']);
  });

  it('reports nesting deeper than limits.maxDepth once, at the directive', () => {
    let deep: unknown = '{{body}}';
    for (let i = 0; i < 20; i++) deep = { a: deep };
    const report = checkWebhook({ output: deep }, { limits: { maxDepth: 10 } });
    expect(report.errors.map((e) => e.code)).toEqual(['syntax/too-deep']);
  });

  it('warns about unknown keys, top level and nested', () => {
    const report = checkWebhook({ foo: 1, 'my key': 2, respond: { stauts: 200 }, verification: { x: 1 } });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.path)).toEqual([
      '$.foo',
      '$["my key"]',
      '$.verification.x',
      '$.respond.stauts',
    ]);
  });

  it('a valid spec has no errors', () => {
    expect(checkWebhook({ iterate: '{{body}}', output: { a: '{{item}}' } })).toEqual({ errors: [], warnings: [] });
  });
});
