import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliConfig } from '../../tsup.config.js';

// The built `iml` binary as a user runs it. It is built here from the current sources with the project's own
// CLI build settings (tsup.config.ts), so the test never runs a stale dist/.
const root = join(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'iml-bin-'));
const cli = join(outDir, 'cli.js');

beforeAll(async () => {
  await build({ ...cliConfig, outDir, silent: true, config: false });
});

const iml = (args: string[], input = '') => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('dist/cli.js', () => {
  it('is one executable ESM file with a node shebang and every dependency bundled in', () => {
    const text = readFileSync(cli, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
    // Only node: builtins may be loaded at run time; chevrotain unbundled would cost ~0.5 s per start.
    const imports = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map(
      (m) => m[1],
    );
    expect(
      imports.filter(
        (name) => !/^(node:)?[a-z_]+(\/[a-z_]+)?$/.test(name ?? '') || /chevrotain|decimal|mime/.test(name ?? ''),
      ),
    ).toEqual([]);
  });

  it('iml eval "{{1 + 1}}" prints 2', () => {
    expect(iml(['eval', '{{1 + 1}}'])).toEqual({ code: 0, out: '2\n', err: '' });
  });

  it('reads standard input', () => {
    expect(iml(['eval', '{{body.n + 1}}', '--context', '-'], '{"body": {"n": 41}}').out).toBe('42\n');
  });

  it('iml webhook prints the expected WebhookResult of an example', () => {
    const r = iml(['webhook', 'examples/github/spec.json', 'examples/github/requests/push.json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toStrictEqual(
      JSON.parse(readFileSync(join(root, 'examples/github/expected/push.json'), 'utf8')),
    );
  });

  it.each([
    [['eval', '{{1}}', '--context', 'no/such.json'], 1],
    [['check', 'no/such.json'], 1],
    [['webhook', 'examples/github/spec.json'], 2],
    [['frobnicate'], 2],
  ])('%j fails with one line and no stack trace', (args, code) => {
    const r = iml(args);
    expect(r.code).toBe(code);
    const text = (r.err + r.out).trimEnd();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/\n\s+at |node:internal|Error:/);
  });

  it('a template error exits 1 with the caret message', () => {
    const r = iml(['eval', '{{upper(}}']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error syntax\/unexpected-token: .*\(1:9\)\n {2}\{\{upper\(\}\}\n {10}\^\n$/);
  });
});
