// SEMANTICS §4 names: context roots and the built-in variables.
import { describe, expect, it } from 'vitest';
import { runCases, runWay, WAYS } from '../support/cases.js';

const now = new Date('2021-06-15T12:34:56.789Z');
const at = { now };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

runCases('§4 built-in variables', [
  { src: '{{now}}', options: at, want: now },
  { src: '{{now}}', options: at, env: { body: {} }, want: now },
  { src: 'at {{now}}', options: at, want: 'at 2021-06-15T12:34:56.789Z' },
  { src: '{{timestamp}}', options: at, want: 1623760496, name: 'timestamp is whole seconds of now' },
  {
    src: '{{timestamp}}',
    options: { now: new Date('1969-12-31T23:59:59.500Z') },
    want: -1,
    name: 'timestamp rounds toward -Infinity before 1970',
  },
  { src: '{{now - 0}}', options: at, want: now.getTime() },
  { src: '{{pi}}', want: Math.PI },
  { src: '{{pi * 2}}', want: 6.283185307179586 },
  { src: '{{executionId}}', options: { executionId: 'exec-42' }, want: 'exec-42' },
  { src: '{{executionId}}', want: undefined, name: 'executionId without RunOptions.executionId' },
  { src: '{{uuid}}', want: expect.stringMatching(UUID_V4) },
  { src: '{{length(uuid)}}', want: 36 },
  { src: '{{now}}', env: { now: 'mine' }, options: at, want: 'mine', name: 'the context wins over a built-in' },
  { src: '{{pi}}', env: { pi: 3 }, want: 3 },
  { src: '{{uuid}}', env: { uuid: 'fixed' }, want: 'fixed' },
  { src: '{{random}}', env: { random: 4 }, want: 4 },
  { src: '{{timestamp}}', env: { timestamp: null }, want: null, name: 'a context null still wins' },
  { src: '{{executionId}}', env: { executionId: 'ctx' }, options: { executionId: 'opt' }, want: 'ctx' },
  { src: '{{now.x}}', options: at, want: undefined, name: 'members of a Date are undefined' },
  { src: '{{environment}}', want: undefined, name: 'evaluate() contexts supply their own roots' },
  { src: '{{Now}}', options: at, want: undefined, name: 'built-in names are case-sensitive' },
]);

describe('§4 built-in variables that change between uses', () => {
  for (const way of WAYS) {
    it(`${way}: now is fixed for a whole evaluation`, () => {
      const [a, b] = runWay(way, ['{{now}}', '{{now}}']) as [Date, Date];
      expect(a).toBeInstanceOf(Date);
      expect(b.getTime()).toBe(a.getTime());
    });
    it(`${way}: now without RunOptions.now is the current time`, () => {
      const before = Date.now();
      const v = runWay(way, '{{now}}') as Date;
      expect(v.getTime()).toBeGreaterThanOrEqual(before);
      expect(v.getTime()).toBeLessThanOrEqual(Date.now());
    });
    it(`${way}: uuid is a fresh v4 UUID at each use`, () => {
      const [a, b] = runWay(way, ['{{uuid}}', '{{uuid}}']) as [string, string];
      expect(a).toMatch(UUID_V4);
      expect(b).toMatch(UUID_V4);
      expect(a).not.toBe(b);
    });
    it(`${way}: random is in [0, 1) and changes`, () => {
      const values = runWay(
        way,
        Array.from({ length: 50 }, () => '{{random}}'),
      ) as number[];
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
      }
      expect(new Set(values).size).toBeGreaterThan(1);
    });
    it(`${way}: emptyarray is a fresh array at each use`, () => {
      const [a, b] = runWay(way, ['{{emptyarray}}', '{{emptyarray}}']) as [unknown[], unknown[]];
      expect(a).toEqual([]);
      expect(a).not.toBe(b);
    });
  }
});
