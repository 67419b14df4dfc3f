import { describe, expect, it } from 'vitest';
import { ImlError } from '../../src/source/error.js';
import { compileWebhook, type WebhookSpec } from '../../src/webhook/index.js';

// SEMANTICS §7: request context, processing order, item isolation, respond. Expected values come from the spec.

/** boom throws for the value 'bad', so a test can make exactly one item fail with runtime/function. */
const functions = {
  boom(this: unknown, v: unknown) {
    if (v === 'bad') throw new Error('boom');
    return v;
  },
};

const caught = (fn: () => unknown): ImlError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImlError) return e;
    throw e;
  }
  throw new Error('expected an ImlError');
};

describe('request context', () => {
  const echo = compileWebhook({
    output: {
      method: '{{method}}',
      ua: '{{headers.`user-agent`}}',
      accept: '{{headers.accept}}',
      forwarded: '{{headers.`x-forwarded-for`}}',
      p: '{{parameters.p}}',
      d: '{{data.p}}',
      q: '{{query.q}}',
      env: '{{environment.stage}}',
      item: '{{item}}',
    },
  });

  it('lower-cases header names, joins array values with ", " and upper-cases the method', () => {
    const { bundles } = echo.handle({
      method: 'put',
      headers: { 'User-Agent': 'curl/8', ACCEPT: ['a/b', 'c/d'], 'X-Forwarded-For': '1.1.1.1' },
      query: { q: 'x' },
      parameters: { p: 7 },
      body: { n: 1 },
    });
    expect(bundles).toStrictEqual([
      {
        output: {
          method: 'PUT',
          ua: 'curl/8',
          accept: 'a/b, c/d',
          forwarded: '1.1.1.1',
          p: 7,
          d: 7,
          q: 'x',
          item: { n: 1 },
        },
      },
    ]);
  });

  it('combines header names that differ only in case, in order', () => {
    const { bundles } = echo.handle({ headers: { 'x-forwarded-for': '1.1.1.1', 'X-Forwarded-For': '2.2.2.2' } });
    expect(bundles[0]?.output).toMatchObject({ forwarded: '1.1.1.1, 2.2.2.2' });
  });

  it('defaults: method POST, parameters/data {}, environment from RunOptions', () => {
    const { bundles } = echo.handle({}, { environment: { stage: 'prod' } });
    expect(bundles).toStrictEqual([{ output: { method: 'POST', env: 'prod' } }]);
  });

  it("accepts the embedder's own request object (a class instance) but only plain objects as its parts", () => {
    class Incoming {
      method = 'get';
      get body() {
        return { n: 1 };
      }
      headers = Object.assign(Object.create(null), { 'User-Agent': 'x' });
      query = new URLSearchParams('q=1');
    }
    const { bundles } = echo.handle(new Incoming() as never);
    expect(bundles).toStrictEqual([{ output: { method: 'GET', ua: 'x', item: { n: 1 } } }]);
  });

  it('does not bind item outside the per-item directives', () => {
    const hook = compileWebhook({
      condition: '{{item = undefined}}',
      iterate: '{{ifempty(item, body)}}',
      respond: { type: 'text', body: 'item={{item}}' },
    });
    const result = hook.handle({ body: [1, 2] });
    expect(result.bundles).toStrictEqual([{ output: 1 }, { output: 2 }]);
    expect(result.response.body).toBe('item=');
  });

  it('fixes now for the whole request', () => {
    const now = new Date('2024-06-10T12:00:00.000Z');
    const hook = compileWebhook({ output: '{{timestamp}}', respond: { type: 'text', body: '{{now}}' } });
    const result = hook.handle({}, { now });
    expect(result.bundles).toStrictEqual([{ output: 1718020800 }]);
    expect(result.response.body).toBe('2024-06-10T12:00:00.000Z');
  });
});

describe('processing order', () => {
  it('a matched verification replies, produces no bundles and stops', () => {
    const hook = compileWebhook(
      {
        verification: { condition: '{{body.challenge}}', respond: { type: 'text', body: '{{body.challenge}}' } },
        condition: '{{boom(body.x)}}',
        output: '{{boom(body.x)}}',
        respond: { status: 500 },
      },
      { functions },
    );
    expect(hook.handle({ body: { challenge: 'c1', x: 'bad' } })).toStrictEqual({
      verification: true,
      response: { status: 200, headers: { 'content-type': 'text/plain' }, body: 'c1' },
      bundles: [],
      errors: [],
    });
  });

  it('a verification without condition always matches; without respond it is the default reply', () => {
    const hook = compileWebhook({ verification: {}, output: 'never' });
    expect(hook.handle({ body: 1 })).toStrictEqual({
      verification: true,
      response: { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Accepted' },
      bundles: [],
      errors: [],
    });
  });

  it('a falsy condition gives no bundles but still builds the reply', () => {
    const hook = compileWebhook({
      condition: '{{body.ok}}',
      output: '{{body}}',
      respond: { status: 202, type: 'json', body: { seen: '{{body.n}}' } },
    });
    expect(hook.handle({ body: { ok: false, n: 3 } })).toStrictEqual({
      verification: false,
      response: { status: 202, headers: { 'content-type': 'application/json' }, body: '{"seen":3}' },
      bundles: [],
      errors: [],
    });
    expect(hook.handle({ body: { ok: 1, n: 3 } }).bundles).toStrictEqual([{ output: { ok: 1, n: 3 } }]);
  });

  it('without iterate there is one item, the body (even an undefined one)', () => {
    const hook = compileWebhook({ output: '{{item}}' });
    expect(hook.handle({ body: [1, 2] }).bundles).toStrictEqual([{ output: [1, 2] }]);
    expect(hook.handle({}).bundles).toStrictEqual([{ output: undefined }]);
  });

  it.each([
    ['an array as is', [1, 2], [1, 2]],
    ['null gives no items', null, []],
    ['undefined gives no items', undefined, []],
    ['a string is one item', 'x', ['x']],
    ['an object is one item', { a: 1 }, [{ a: 1 }]],
    ['an empty array gives none', [], []],
  ])('container: %s', (_, container, items) => {
    const hook = compileWebhook({ iterate: '{{body.c}}' });
    expect(hook.handle({ body: { c: container } }).bundles).toStrictEqual(items.map((output) => ({ output })));
  });

  it('iterate as an object: container and a per-item condition', () => {
    const hook = compileWebhook({
      iterate: { container: '{{body}}', condition: '{{item.keep}}' },
      output: '{{item.id}}',
    });
    const { bundles } = hook.handle({ body: [{ id: 1, keep: true }, { id: 2 }, { id: 3, keep: 1 }] });
    expect(bundles).toStrictEqual([{ output: 1 }, { output: 3 }]);
  });

  it('uid and output keep their evaluated types; an undefined output still makes a bundle', () => {
    const hook = compileWebhook({ iterate: '{{body}}', uid: '{{item.u}}', output: '{{item.o}}' });
    expect(hook.handle({ body: [{ u: 5, o: [1] }, { u: 'a' }, {}] }).bundles).toStrictEqual([
      { output: [1], uid: 5 },
      { output: undefined, uid: 'a' },
      { output: undefined, uid: undefined },
    ]);
  });

  it('a spec without uid gives bundles without a uid key', () => {
    const [bundle] = compileWebhook({ output: 1 }).handle({}).bundles;
    expect(Object.keys(bundle ?? {})).toEqual(['output']);
  });
});

describe('errors in items are isolated', () => {
  const hook = compileWebhook(
    {
      iterate: { container: '{{body.items}}', condition: '{{boom(item.c)}}' },
      uid: '{{boom(item.u)}}',
      output: { id: '{{item.id}}', v: '{{boom(item.o)}}' },
    },
    { functions },
  );

  it('records {index, error} with the 0-based container position and the directive path; others still bundle', () => {
    const result = hook.handle({
      body: {
        items: [
          { id: 0, c: 1 },
          { id: 1, c: 'bad' },
          { id: 2, c: 0 },
          { id: 3, c: 1, u: 'bad' },
          { id: 4, c: 1, o: 'bad' },
          { id: 5, c: 1, u: 'u5', o: 'o5' },
        ],
      },
    });
    expect(result.bundles).toStrictEqual([
      { output: { id: 0 }, uid: undefined },
      { output: { id: 5, v: 'o5' }, uid: 'u5' },
    ]);
    expect(result.errors.map((e) => [e.index, e.error.code, e.error.path])).toEqual([
      [1, 'runtime/function', '$.iterate.condition'],
      [3, 'runtime/function', '$.uid'],
      [4, 'runtime/function', '$.output.v'],
    ]);
    for (const { error } of result.errors) expect(error).toBeInstanceOf(ImlError);
    expect(result.errors[2]?.error.message).toContain('at $.output.v');
    expect(result.response).toStrictEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'Accepted' });
  });

  it('lists item errors in item order, then response-header errors', () => {
    const withHeader = compileWebhook(
      {
        iterate: '{{body}}',
        output: '{{boom(item)}}',
        respond: { headers: { 'x-a': '{{"a" + newline + "b"}}', 'x-b': 'ok' } },
      },
      { functions },
    );
    const result = withHeader.handle({ body: ['bad', 'ok', 'bad'] });
    expect(result.errors.map((e) => e.index)).toEqual([0, 2, -1]);
    expect(result.errors[2]?.error.path).toBe('$.respond.headers["x-a"]');
    expect(result.response.headers).toStrictEqual({ 'content-type': 'application/json', 'x-b': 'ok' });
  });
});

describe('errors outside items make handle() throw with the directive path', () => {
  it.each<[string, WebhookSpec, string]>([
    ['verification.condition', { verification: { condition: '{{boom(body)}}' } }, '$.verification.condition'],
    [
      'verification.respond',
      { verification: { respond: { body: { a: '{{boom(body)}}' } } } },
      '$.verification.respond.body.a',
    ],
    ['condition', { condition: '{{boom(body)}}' }, '$.condition'],
    ['the iterate string', { iterate: '{{boom(body)}}' }, '$.iterate'],
    ['iterate.container', { iterate: { container: '{{boom(body)}}' } }, '$.iterate.container'],
    ['respond.body', { respond: { body: ['x', '{{boom(body)}}'] } }, '$.respond.body[1]'],
    ['respond.headers', { respond: { headers: { 'x-a': '{{boom(body)}}' } } }, '$.respond.headers["x-a"]'],
    ['respond.status', { respond: { status: '{{boom(body)}}' } }, '$.respond.status'],
  ])('%s', (_, spec, path) => {
    const e = caught(() => compileWebhook(spec, { functions }).handle({ body: 'bad' }));
    expect([e.code, e.path]).toEqual(['runtime/function', path]);
  });

  it.each([
    ['1200', 1200],
    ['99', 99],
    ['a fraction', 200.5],
    ['non-numeric text', 'ok'],
    ['padded text', ' 200'],
    ['null', null],
    ['a boolean', true],
  ])('a template status of %s is runtime/type at $.respond.status', (_, status) => {
    const hook = compileWebhook({ respond: { status: '{{body.s}}' } });
    const e = caught(() => hook.handle({ body: { s: status } }));
    expect([e.code, e.path]).toEqual(['runtime/type', '$.respond.status']);
  });

  it('a cyclic respond body or header value is an ImlError at its path', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const type of ['json', 'urlencoded', 'text'] as const) {
      const hook = compileWebhook({ respond: { type, body: '{{body}}' } });
      const e = caught(() => hook.handle({ body: cyclic }));
      expect([e.code, e.path]).toEqual(['runtime/type', '$.respond.body']);
    }
    const header = compileWebhook({ respond: { headers: { 'x-a': '{{body}}' } } });
    const e = caught(() => header.handle({ body: cyclic }));
    expect([e.code, e.path]).toEqual(['runtime/type', '$.respond.headers["x-a"]']);
  });
});

describe('respond', () => {
  const reply = (respond: WebhookSpec['respond'], body?: unknown) =>
    compileWebhook({ respond }).handle({ body }).response;

  it.each([
    ['a template yielding a number', '{{body}}', 201, 201],
    ['a template yielding decimal text', '{{body}}', '404', 404],
    ['a template yielding undefined', '{{body}}', undefined, 200],
    ['a mixed template', '2{{body}}', '03', 203],
    ['literal text', '418', undefined, 418],
    ['a literal number', 999, undefined, 999],
  ])('status from %s', (_, status, body, want) => {
    expect(reply({ status }, body).status).toBe(want);
  });

  it('without respond: 200, text/plain, Accepted', () => {
    expect(compileWebhook({}).handle({}).response).toStrictEqual({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: 'Accepted',
    });
  });

  it.each([
    ['json', { a: 1, b: [1, 'x'], c: '{{body.none}}' }, '{"a":1,"b":[1,"x"]}', 'application/json'],
    ['json', '{{body.s}}', '"s"', 'application/json'],
    ['json', '{{body.none}}', '', 'application/json'],
    ['text', 'n={{body.n}}', 'n=2', 'text/plain'],
    ['text', '{{body.arr}}', '1,2', 'text/plain'],
    ['text', '{{body.obj}}', '{"k":"v"}', 'text/plain'],
    ['urlencoded', { a: '{{body.n}}', b: 'x y' }, 'a=2&b=x%20y', 'application/x-www-form-urlencoded'],
    ['urlencoded', '{{body.arr}}', '1,2', 'application/x-www-form-urlencoded'],
    ['urlencoded', '{{body.s}}', 's', 'application/x-www-form-urlencoded'],
  ] as const)('%s body %j', (type, body, want, contentType) => {
    const data = { s: 's', n: 2, arr: [1, 2], obj: { k: 'v' } };
    expect(reply({ type, body }, data)).toStrictEqual({
      status: 200,
      headers: { 'content-type': contentType },
      body: want,
    });
  });

  it('a missing body is "" for every type, and the default type is json', () => {
    for (const type of ['json', 'urlencoded', 'text'] as const) expect(reply({ type }).body).toBe('');
    expect(reply({ status: 204 }).headers).toStrictEqual({ 'content-type': 'application/json' });
  });

  it('headers: names lower-cased, values as text, undefined left out, content-type replaced', () => {
    const response = reply(
      {
        type: 'text',
        headers: {
          'X-Count': '{{body.n}}',
          'X-On': true,
          'X-Num': 5,
          'X-None': '{{body.none}}',
          'Content-Type': 'text/csv',
        },
      },
      { n: 2 },
    );
    expect(response.headers).toStrictEqual({
      'content-type': 'text/csv',
      'x-count': '2',
      'x-on': 'true',
      'x-num': '5',
    });
  });

  it.each([
    ['CR in a value', { 'x-a': '{{"a" + carriagereturn + "b"}}' }],
    ['LF in a value', { 'x-a': 'a{{newline}}Set-Cookie: s=1' }],
    ['NUL in a value', { 'x-a': '{{"\\u0000"}}' }],
    ['CR/LF in a name (through a spread)', { '{{...}}': '{{body.h}}' }],
    ['a name that is not a token', { 'x a': 'v' }],
  ])('never emits a header with %s: dropped and recorded with index -1', (_, headers) => {
    const result = compileWebhook({ respond: { headers } }).handle({ body: { h: { 'x-a\r\nx-b': 'v' } } });
    expect(result.response.headers).toStrictEqual({ 'content-type': 'application/json' });
    expect(result.errors.map((e) => [e.index, e.error.code])).toEqual([[-1, 'runtime/type']]);
  });
});
