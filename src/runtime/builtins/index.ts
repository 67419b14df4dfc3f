import { generalBuiltins } from './general.js';
import { Registry } from './registry.js';
import { stringBuiltins } from './string.js';

export { type Builtin, type LazyBuiltin, Registry, type StrictBuiltin, type Thunk } from './registry.js';

/** BUILTINS represents the registry of every built-in function of FUNCTIONS.md. */
export const BUILTINS: Registry = new Registry([...generalBuiltins, ...stringBuiltins]);
