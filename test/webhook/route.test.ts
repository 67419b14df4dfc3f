import { describe, expect, it } from 'vitest';
import { route, type WebhookBundle } from '../../src/webhook/index.js';

// SEMANTICS §7 shared webhooks: a bundle belongs to the connection whose stored uid equals its uid as text.
const b = (uid: unknown, output: unknown = uid): WebhookBundle => ({ output, uid });

describe('route', () => {
  it('groups bundles by the text of their uid, keeping order', () => {
    const bundles = [b(7, 'a'), b('8', 'b'), b('7', 'c'), b(7.5, 'd')];
    const { routed, unrouted } = route(bundles, [
      { id: 'seven', uid: '7' },
      { id: 'eight', uid: 8 },
      { id: 'seven-and-a-half', uid: '7.5' },
    ]);
    expect([...routed.entries()]).toEqual([
      ['seven', [bundles[0], bundles[2]]],
      ['eight', [bundles[1]]],
      ['seven-and-a-half', [bundles[3]]],
    ]);
    expect(unrouted).toEqual([]);
  });

  it('compares text exactly: case, padding and number formatting matter', () => {
    const { routed, unrouted } = route(
      [b('ABC'), b(' 7'), b(7), b(true), b([1, 2])],
      [
        { id: 'abc', uid: 'abc' },
        { id: 'seven', uid: '7.0' },
        { id: 'true', uid: 'true' },
        { id: 'list', uid: '1,2' },
      ],
    );
    expect([...routed.keys()]).toEqual(['true', 'list']);
    expect(unrouted.map((x) => x.uid)).toEqual(['ABC', ' 7', 7]);
  });

  it('sends a bundle to every connection with the same uid', () => {
    const bundle = b('t1');
    const { routed } = route(
      [bundle],
      [
        { id: 'c1', uid: 't1' },
        { id: 'c2', uid: 't1' },
        { id: 'c1', uid: 't1' },
      ],
    );
    expect(Object.fromEntries(routed)).toEqual({ c1: [bundle], c2: [bundle] });
  });

  it('leaves bundles with an undefined, null, empty or unknown uid unrouted', () => {
    const bundles = [{ output: 1 }, b(undefined), b(null), b(''), b('nobody')];
    const { routed, unrouted } = route(bundles, [
      { id: 'unset', uid: undefined },
      { id: 'null', uid: null },
      { id: 'empty', uid: '' },
    ]);
    expect(routed.size).toBe(0);
    expect(unrouted).toEqual(bundles);
  });

  it('only lists connections that receive bundles; no bundles, no routes', () => {
    expect(route([], [{ id: 'a', uid: 'x' }])).toEqual({ routed: new Map(), unrouted: [] });
    expect([
      ...route(
        [b('x')],
        [
          { id: 'a', uid: 'x' },
          { id: 'b', uid: 'y' },
        ],
      ).routed.keys(),
    ]).toEqual(['a']);
  });
});
