// The registry against FUNCTIONS.md: the catalogue's names (copied here from §1–§6 and §8, since the spec folder is
// not in CI), arities, laziness and purity, in both directions; §7's names must stay unknown functions.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/index.js';
import { BUILTINS } from '../../../src/runtime/builtins/index.js';
import { catchError } from '../../support/cases.js';

const N = Number.POSITIVE_INFINITY;

/** Arity represents [min, max, lazy]. */
type Arity = [number, number, boolean];
const a = (min: number, max: number, lazy = false): Arity => [min, max, lazy];

/** CATALOGUE represents FUNCTIONS.md §8: name → [min, max, lazy]. */
// biome-ignore format: a table
const CATALOGUE: Record<string, Arity> = {
  if: a(2, 3, true), ifempty: a(2, N, true), switch: a(3, N, true), get: a(2, 2), pick: a(2, N),
  omit: a(2, N), mergeCollections: a(2, N), length: a(1, 1), lower: a(1, 1),
  upper: a(1, 1), capitalize: a(1, 1), startcase: a(1, 1), trim: a(1, 1),
  substring: a(2, 3), indexOf: a(2, 3), contains: a(2, 3), replace: a(3, 3),
  replaceEmojiCharacters: a(2, 2), split: a(2, 2), join: a(1, 2), base64: a(1, 1),
  toBinary: a(1, 2), toString: a(1, 2), md5: a(1, 1), sha1: a(1, 4), sha256: a(1, 4),
  sha512: a(1, 4), ascii: a(1, 2), encodeURL: a(1, 1), decodeURL: a(1, 1),
  stripHTML: a(1, 1), escapeHTML: a(1, 1), escapeMarkdown: a(1, 1), mime: a(1, 1),
  round: a(1, 2), trunc: a(1, 2), floor: a(1, 1), ceil: a(1, 1), abs: a(1, 1),
  min: a(1, N), max: a(1, N), average: a(1, N), median: a(1, N), sum: a(1, N),
  stdevS: a(1, N), stdevP: a(1, N), parseNumber: a(1, 2), formatNumber: a(1, 4),
  parseDate: a(1, 3), formatDate: a(1, 3), dateDifference: a(2, 3), dateDiff: a(2, 3),
  addSeconds: a(2, 2), addMinutes: a(2, 2), addHours: a(2, 2), addDays: a(2, 2),
  addMonths: a(2, 2), addYears: a(2, 2), setSecond: a(2, 2), setMinute: a(2, 2),
  setHour: a(2, 2), setDate: a(2, 2), setYear: a(2, 2), setDay: a(2, 2),
  setMonth: a(2, 2), first: a(1, 1), last: a(1, 1), add: a(2, N), remove: a(2, N),
  map: a(2, 4), sort: a(1, 3), reverse: a(1, 1), shuffle: a(1, 1), slice: a(2, 3),
  merge: a(1, N), flatten: a(1, 2), distinct: a(1, 2), deduplicate: a(1, 1),
  keys: a(1, 1), toArray: a(1, 1), toCollection: a(3, 3), arrayDiff: a(2, 2),
  arrayIntersect: a(2, 2), parseJSON: a(1, 1), createJSON: a(1, 1), isArray: a(1, 1),
};

/** IMPURE represents the functions that read the run timezone, `now` or randomness (never folded at compile time). */
// biome-ignore format: a table
const IMPURE = new Set([
  'parseDate', 'formatDate', 'dateDifference', 'dateDiff', 'addSeconds', 'addMinutes', 'addHours', 'addDays',
  'addMonths', 'addYears', 'setSecond', 'setMinute', 'setHour', 'setDate', 'setYear', 'setDay', 'setMonth', 'shuffle',
]);

/** NOT_PROVIDED represents FUNCTIONS.md §7. */
// biome-ignore format: a table
const NOT_PROVIDED = [
  'toDataStructure', 'pop', 'shift', 'jwt', 'generateJwtWithKeyId', 'cryptoSign', 'parseXML', 'createXML',
  'errorFactory', 'set', 'equal', 'startCase', 'isBlank', 'in', 'ifin', 'case', 'arrayElement', 'arrayDifference',
  'startOfMonth',
];

describe('registry against FUNCTIONS.md', () => {
  it('has every catalogue function and nothing else', () => {
    expect(new Set(BUILTINS.names())).toEqual(new Set(Object.keys(CATALOGUE)));
    expect(BUILTINS.names()).toHaveLength(Object.keys(CATALOGUE).length);
  });

  for (const [name, [min, max, lazy]] of Object.entries(CATALOGUE)) {
    it(`${name}: arity ${min}..${max}, ${lazy ? 'lazy' : 'strict'}, ${IMPURE.has(name) ? 'impure' : 'pure'}`, () => {
      const b = BUILTINS.get(name);
      expect(b).toBeDefined();
      expect([b?.min, b?.max, b?.lazy, b?.pure]).toEqual([min, max, lazy, !IMPURE.has(name)]);
      expect(BUILTINS.list[BUILTINS.indexOf(name)]).toBe(b);
    });

    it(`${name}: a call outside its arity is compile/arity at the name`, () => {
      const call = (n: number) => `{{ ${name}(${Array.from({ length: n }, (_, i) => i).join(', ')}) }}`;
      if (min > 0) {
        const e = catchError(() => compile(call(min - 1)));
        expect([e.code, e.line, e.column]).toEqual(['compile/arity', 1, 4]);
      }
      if (Number.isFinite(max)) expect(catchError(() => compile(call(max + 1))).code).toBe('compile/arity');
    });
  }

  for (const name of NOT_PROVIDED) {
    it(`${name} is compile/unknown-function, even in a branch that never runs`, () => {
      const e = catchError(() => compile(`{{if(false, ${name}(1))}}`));
      expect([e.code, e.line, e.column]).toEqual(['compile/unknown-function', 1, 13]);
    });

    it(`${name} can be supplied as a custom function`, () => {
      expect(compile(`{{${name}(2)}}`, { functions: { [name]: (x: unknown) => [x] } }).run()).toEqual([2]);
    });
  }
});
