// Every suite, in the order `npm run bench` runs and reports them.
import { compileSuites } from './compile.js';
import type { Suite } from './types.js';
import { webhookSuites } from './webhooks.js';
import { microSuites } from './workloads.js';

const [w5, spec, evaluate] = compileSuites as [Suite, Suite, Suite];

/** SUITES represents every suite: W1–W5, the webhook examples, compiling a spec, evaluate()'s cache. */
export const SUITES: readonly Suite[] = [...microSuites, w5, ...webhookSuites, spec, evaluate];

/** findSuite returns the suite of a command-line name (case-insensitive), or undefined. */
export function findSuite(name: string): Suite | undefined {
  return SUITES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
