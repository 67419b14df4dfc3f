// Reading the repository's webhook examples (examples/<name>/spec.json, requests/, expected/) for the suites.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebhookSpec } from '../src/index.js';

/**
 * findRoot returns the checkout's root: the nearest folder above this module holding examples/ and bench/. The
 * module runs from bench/ under tsx and vitest, and from node_modules/.cache/iml-bench/ when bundled.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'examples')) && existsSync(join(dir, 'bench'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the repository root (a folder with examples/ and bench/)');
    dir = up;
  }
}

/** ROOT represents the repository root. */
export const ROOT = findRoot();

/** Example represents one webhook example: its spec, its recorded requests and their expected WebhookResults. */
export interface Example {
  spec: WebhookSpec;
  requests: Record<string, Record<string, unknown>>;
  expected: Record<string, unknown>;
}

const cache = new Map<string, Example>();

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** example returns the example in examples/<name> (read once per process). */
export function example(name: string): Example {
  const hit = cache.get(name);
  if (hit) return hit;
  const dir = join(ROOT, 'examples', name);
  const requests: Example['requests'] = {};
  const expected: Example['expected'] = {};
  for (const file of readdirSync(join(dir, 'requests')).sort()) {
    const key = file.replace(/\.json$/, '');
    requests[key] = readJson(join(dir, 'requests', file)) as Record<string, unknown>;
    expected[key] = readJson(join(dir, 'expected', file));
  }
  const ex = { spec: readJson(join(dir, 'spec.json')) as WebhookSpec, requests, expected };
  cache.set(name, ex);
  return ex;
}
