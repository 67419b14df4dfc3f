// The README's main job: compiles every webhook spec in examples/, replays every recorded request, prints each
// response and its bundles, checks them against the expected results, then measures throughput.
//   npm run demo                 compact summary per request
//   npm run demo -- --json       full WebhookResult JSON per request
//   npm run demo -- github zoom  only these examples
// Exits 1 when a result differs from its expected file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { ImlError } from '../src/index.js';
import {
  type CompiledWebhook,
  compileWebhook,
  route,
  type WebhookBundle,
  type WebhookRequest,
  type WebhookResult,
  type WebhookSpec,
} from '../src/webhook/index.js';

const root = join(import.meta.dirname, '../examples');
// `npm run demo | head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
const { values, positionals } = parseArgs({ options: { json: { type: 'boolean' } }, allowPositionals: true });
const width = Math.max(80, Math.min(process.stdout.columns ?? 120, 160));
const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r${text}\x1b[K`) : () => {};

interface Replay {
  app: string;
  name: string;
  hook: CompiledWebhook;
  request: WebhookRequest;
  expected: unknown;
}

const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(join(root, ...parts), 'utf8'));
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const compact = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v));
const normalize = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
/** bodyText returns a response body for one summary line: raw text, line breaks shown as ⏎. */
const bodyText = (body: string) => (body === '' ? '(empty body)' : body.replace(/\r?\n/g, '⏎'));
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
/** itemCount returns how many items a request's container holds, for the items/s figure. */
const itemCount = (r: WebhookResult, request: WebhookRequest): number => {
  const body = request.body as Record<string, unknown> | unknown[] | undefined;
  const list = Array.isArray(body) ? body : Object.values(body ?? {}).find(Array.isArray);
  return Array.isArray(list) ? list.length : r.bundles.length;
};

function load(): Replay[] {
  const apps = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (positionals.length === 0 || positionals.includes(d.name)))
    .map((d) => d.name)
    .sort();
  const replays: Replay[] = [];
  const started = performance.now();
  for (const app of apps) {
    const hook = compileWebhook(readJson(app, 'spec.json') as WebhookSpec);
    for (const file of readdirSync(join(root, app, 'requests')).sort()) {
      const request = readJson(app, 'requests', file) as WebhookRequest;
      replays.push({
        app,
        name: file.replace(/\.json$/, ''),
        hook,
        request,
        expected: readJson(app, 'expected', file),
      });
    }
  }
  const ms = performance.now() - started;
  console.log(
    `iml-vm demo: ${plural(apps.length, 'webhook app')} compiled, ${plural(replays.length, 'recorded request')} (examples/, ${ms.toFixed(0)} ms incl. reading)\n`,
  );
  return replays;
}

function printBundles(bundles: WebhookBundle[], indent: string): void {
  const shown = bundles.length > 3 ? 2 : bundles.length;
  for (const b of bundles.slice(0, shown)) {
    const uid = 'uid' in b ? `uid ${compact(b.uid)}  ` : '';
    console.log(clip(`${indent}${uid}${compact(b.output)}`, width));
  }
  if (bundles.length > shown) console.log(`${indent}… ${plural(bundles.length - shown, 'more bundle')}`);
}

function printRouting(replay: Replay, bundles: WebhookBundle[], indent: string): void {
  let connections: Array<{ id: string; uid: unknown }>;
  try {
    connections = readJson(replay.app, 'connections.json') as typeof connections;
  } catch {
    return;
  }
  const { routed, unrouted } = route(bundles, connections);
  const parts = [...routed].map(([id, list]) => `${id} ← ${list.length}`);
  console.log(`${indent}routed: ${parts.join(', ') || 'none'}; unrouted: ${unrouted.length}`);
}

/** replayOne returns whether the result equals the expected file, after printing it. */
function replayOne(replay: Replay): boolean {
  let result: WebhookResult;
  const started = performance.now();
  try {
    result = replay.hook.handle(replay.request);
  } catch (e) {
    if (!(e instanceof ImlError)) throw e;
    console.log(`  ${replay.name.padEnd(nameWidth)} ✗ handle() threw ${e.code}: ${e.message}`);
    return false;
  }
  const ms = performance.now() - started;
  const ok = isDeepStrictEqual(normalize(result), replay.expected);
  if (values.json) {
    console.log(`  ${replay.name} ${ok ? '✓' : '✗ differs from expected'}`);
    console.log(JSON.stringify(result, null, 2).replace(/^/gm, '    '));
    return ok;
  }
  const { status, headers, body } = result.response;
  const head = `${result.verification ? 'verification ' : ''}${status} ${headers['content-type']}`;
  const took = ms >= 20 ? `  (${ms.toFixed(0)} ms)` : '';
  const tail = `  ${plural(result.bundles.length, 'bundle')}${result.errors.length ? `, ${plural(result.errors.length, 'error')}` : ''}  ${ok ? '✓' : '✗ differs from expected'}${took}`;
  const line = `  ${replay.name.padEnd(nameWidth)} ${head.padEnd(36)} ${bodyText(body)}`;
  console.log(`${clip(line, width - tail.length)}${tail}`);
  printBundles(result.bundles, '      ');
  if (replay.app === 'shared-webhook') printRouting(replay, result.bundles, '      ');
  return ok;
}

/** throughput returns requests/s (and items/s) of replaying requests until about `seconds` have passed. */
function throughput(replays: Replay[], seconds: number, label: string) {
  let requests = 0;
  let items = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let lastShown = 0;
  while (performance.now() < deadline) {
    for (const r of replays) {
      items += itemCount(r.hook.handle(r.request), r.request);
      requests++;
    }
    const now = performance.now();
    if (now - lastShown > 100) {
      lastShown = now;
      progress(`  measuring ${label}: ${((now - started) / 1000).toFixed(1)} s, ${plural(requests, 'request')}`);
    }
  }
  progress('');
  if (process.stderr.isTTY) process.stderr.write('\r');
  const s = (performance.now() - started) / 1000;
  return { requestsPerSecond: requests / s, itemsPerSecond: items / s };
}

const replays = load();
const nameWidth = Math.max(...replays.map((r) => r.name.length));
let failed = 0;
let app = '';
for (const replay of replays) {
  if (replay.app !== app) {
    app = replay.app;
    console.log(app);
  }
  if (!replayOne(replay)) failed++;
}
console.log(`\n${replays.length - failed}/${replays.length} requests match their expected results.`);

const batch = replays.filter((r) => itemCount(r.expected as WebhookResult, r.request) >= 1000);
const small = replays.filter((r) => !batch.includes(r));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const parts: string[] = [];
if (small.length > 0) {
  const t = throughput(small, 1, 'requests');
  parts.push(`${fmt(t.requestsPerSecond)} requests/s (the ${small.length} recorded requests, replayed for 1 s)`);
}
for (const r of batch) {
  const t = throughput([r], 1, `${r.app}/${r.name}`);
  const items = itemCount(r.expected as WebhookResult, r.request);
  parts.push(
    `${fmt(t.itemsPerSecond)} items/s (${r.app}/${r.name}: ${fmt(items)} items per request, ${t.requestsPerSecond.toFixed(1)} requests/s)`,
  );
}
console.log(`throughput: ${parts.join('; ')}`);
process.exitCode = failed > 0 ? 1 : 0;
