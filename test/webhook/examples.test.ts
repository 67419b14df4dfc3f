import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWebhook, route, type WebhookResult } from '../../src/webhook/index.js';

// Every recorded request of every example in examples/ against its expected WebhookResult (examples/README.md).
const root = join(import.meta.dirname, '../../examples');
const readJson = (...parts: string[]): unknown => JSON.parse(readFileSync(join(root, ...parts), 'utf8'));
const normalize = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const apps = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('examples', () => {
  it('has every app of the shared examples plus the batch and routing ones', () => {
    expect(apps).toEqual(
      expect.arrayContaining(['github', 'hubspot', 'sendgrid-batch', 'shared-webhook', 'telemetry-batch', 'zoom']),
    );
    expect(apps.length).toBeGreaterThanOrEqual(14);
  });

  for (const app of apps) {
    const requests = readdirSync(join(root, app, 'requests')).filter((f) => f.endsWith('.json'));
    describe(app, () => {
      it('has an expected result for every request', () => {
        expect(requests.length).toBeGreaterThan(0);
        expect(readdirSync(join(root, app, 'expected')).sort()).toEqual([...requests].sort());
      });
      for (const file of requests) {
        it(file.replace(/\.json$/, ''), () => {
          const hook = compileWebhook(readJson(app, 'spec.json') as never);
          const result = hook.handle(readJson(app, 'requests', file) as never);
          const expected = readJson(app, 'expected', file) as WebhookResult;
          // The whole result: bundles after JSON normalization (undefined uid/output keys vanish), the rest exactly.
          expect({ ...result, bundles: normalize(result.bundles) }).toStrictEqual(expected);
        });
      }
    });
  }
});

describe('shared-webhook routing end to end', () => {
  const app = 'shared-webhook';
  const connections = readJson(app, 'connections.json') as Array<{ id: string; uid: unknown }>;
  for (const file of readdirSync(join(root, app, 'routes'))) {
    it(file.replace(/\.json$/, ''), () => {
      const hook = compileWebhook(readJson(app, 'spec.json') as never);
      const { bundles } = hook.handle(readJson(app, 'requests', file) as never);
      const { routed, unrouted } = route(bundles, connections);
      expect(normalize({ routed: Object.fromEntries(routed), unrouted })).toStrictEqual(readJson(app, 'routes', file));
    });
  }
});
