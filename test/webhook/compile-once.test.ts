import { describe, expect, it, vi } from 'vitest';

// handle() neither parses nor compiles. Every directive is compiled through Directive.compile (the only caller of
// compile() in src/webhook) and every compilation parses, so both are counted here across 1 000 requests.
const counts = vi.hoisted(() => ({ parseValue: 0, parseTemplate: 0 }));

vi.mock('../../src/parser/parse.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parser/parse.js')>();
  return {
    ...real,
    parseValue: (...args: Parameters<typeof real.parseValue>) => {
      counts.parseValue++;
      return real.parseValue(...args);
    },
    parseTemplate: (...args: Parameters<typeof real.parseTemplate>) => {
      counts.parseTemplate++;
      return real.parseTemplate(...args);
    },
  };
});

import type { WebhookSpec } from '../../src/webhook/index.js';

const { compileWebhook } = await import('../../src/webhook/index.js');
const { Directive } = await import('../../src/webhook/directive.js');

describe('compile once', () => {
  it('compiles each directive once in compileWebhook and never in handle()', () => {
    const compiles = vi.spyOn(Directive, 'compile');
    const full: WebhookSpec = {
      verification: {
        condition: '{{body.challenge}}',
        respond: { type: 'urlencoded', body: { c: '{{body.challenge}}' } },
      },
      condition: "{{body.type = 'event_callback' && body.token = parameters.verificationToken}}",
      iterate: { container: '{{body.events}}', condition: '{{item.keep}}' },
      uid: '{{item.team}}',
      output: { team: '{{item.team}}', text: '{{upper(item.text)}}', n: '{{length(body.events)}}' },
      respond: {
        status: '{{if(body.token, 202, 200)}}',
        headers: { 'x-n': '{{length(body.events)}}' },
        body: { ok: true },
      },
    };
    const hook = compileWebhook(full);
    const atCompile = { ...counts };
    // Every directive (verification.condition, verification.respond, condition, container, iterate.condition, uid,
    // output, respond) was compiled exactly once.
    expect(compiles).toHaveBeenCalledTimes(8);
    expect(atCompile.parseValue + atCompile.parseTemplate).toBeGreaterThanOrEqual(8);

    let bundles = 0;
    for (let i = 0; i < 1000; i++) {
      const body =
        i % 10 === 0
          ? { challenge: `c${i}` }
          : {
              type: 'event_callback',
              token: 'tok',
              events: [{ team: `T${i}`, text: 'hi', keep: true }, { keep: false }],
            };
      const result = hook.handle({ body, parameters: { verificationToken: 'tok' } });
      bundles += result.bundles.length;
    }
    expect(bundles).toBe(900);
    expect(compiles).toHaveBeenCalledTimes(8);
    expect(counts).toEqual(atCompile);
  });
});
