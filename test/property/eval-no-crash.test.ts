// Property: evaluating generated templates on generated hostile contexts throws nothing but ImlError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, ImlError } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';
import { imlContext, imlExpression, imlTemplate } from '../../src/testing/index.js';

const now = new Date('2024-02-29T12:00:00Z');

/** runOrImlError runs a template one way and fails on any exception but ImlError. */
function runOrImlError(way: string, template: unknown, context: Record<string, unknown>): void {
  try {
    const program =
      way === 'reference' ? compileReference(template) : compile(template, { optimize: way === 'vm -O1' });
    program.run(context, { now, timezone: 'Europe/Prague', executionId: 'x' });
  } catch (e) {
    if (!(e instanceof ImlError)) throw e;
    expect(e.code).toMatch(/^(runtime|compile|syntax)\//);
    // Generated contexts hold no getters and no template calls a custom function, so runtime/function can only
    // be an engine bug that the "data that throws" wrapping (runtime/errors.ts foreignError) would hide.
    expect(e.code, e.message).not.toBe('runtime/function');
  }
}

describe('eval-no-crash', () => {
  for (const way of ['reference', 'vm -O0', 'vm -O1']) {
    it(`${way}: generated templates on generated contexts`, () => {
      fc.assert(
        fc.property(imlTemplate(), imlContext(), (t, ctx) => runOrImlError(way, t, ctx)),
        { numRuns: 300 },
      );
    });

    it(`${way}: calls to every registered function on exotic contexts`, () => {
      const expr = imlExpression({ maxDepth: 3, nondeterministic: true });
      fc.assert(
        fc.property(expr, imlContext({ exotic: true }), (e, ctx) => {
          runOrImlError(way, `{{${e}}}`, ctx);
          runOrImlError(way, `text {{${e}}}`, ctx);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('evaluation never changes the context', () => {
    fc.assert(
      fc.property(imlTemplate(), imlContext(), (t, ctx) => {
        const before = JSON.stringify(ctx);
        runOrImlError('reference', t, ctx);
        runOrImlError('vm -O1', t, ctx);
        expect(JSON.stringify(ctx)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('no template can reach Object.prototype', () => {
    fc.assert(
      fc.property(imlTemplate(), imlContext(), (t, ctx) => {
        runOrImlError('reference', t, ctx);
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
