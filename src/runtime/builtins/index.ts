import { arrayBuiltins } from './array.js';
import { arraySetBuiltins } from './array-set.js';
import { binaryBuiltins } from './binary.js';
import { dateBuiltins } from './date.js';
import { dateCalendarBuiltins } from './date-calendar.js';
import { generalBuiltins } from './general.js';
import { jsonBuiltins } from './json.js';
import { mathBuiltins } from './math.js';
import { numberBuiltins } from './number.js';
import { Registry } from './registry.js';
import { replaceBuiltins } from './replace.js';
import { sortBuiltins } from './sort.js';
import { stringBuiltins } from './string.js';
import { webBuiltins } from './web.js';

export { type Builtin, type LazyBuiltin, Registry, type StrictBuiltin, type Thunk } from './registry.js';

/** BUILTINS represents the registry of every built-in function of FUNCTIONS.md, in catalogue order. */
export const BUILTINS: Registry = new Registry([
  ...generalBuiltins,
  ...stringBuiltins,
  ...replaceBuiltins,
  ...binaryBuiltins,
  ...webBuiltins,
  ...mathBuiltins,
  ...numberBuiltins,
  ...dateBuiltins,
  ...dateCalendarBuiltins,
  ...arrayBuiltins,
  ...arraySetBuiltins,
  ...sortBuiltins,
  ...jsonBuiltins,
]);
