import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchCheckout, benchRunner, missingDependencies } from '../../src/cli/bench.js';
import { runCli } from '../../src/cli/run.js';

// `iml bench` only starts the repository's runner (no timing here): it must find a checkout, or say in one line
// how to run the benchmarks.
const root = join(import.meta.dirname, '../..');

async function iml(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => '' });
  return { code, out, err };
}

describe('iml bench', () => {
  it('finds the checkout from any folder inside it', () => {
    expect(benchCheckout([join(root, 'src', 'cli')])).toBe(root);
    expect(benchCheckout([join(root, 'bench', 'suites')])).toBe(root);
  });

  it('finds nothing outside a checkout, or in a folder that only looks like one', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'iml-bench-'));
    expect(benchCheckout([tmp])).toBeUndefined();
    mkdirSync(join(tmp, 'bench'));
    writeFileSync(join(tmp, 'bench', 'run.ts'), '');
    writeFileSync(join(tmp, 'package.json'), '{"name": "other"}');
    expect(benchCheckout([tmp])).toBeUndefined();
    writeFileSync(join(tmp, 'package.json'), '{"name": "iml-vm"}');
    expect(benchCheckout([tmp])).toBe(tmp);
    expect(missingDependencies(tmp)).toEqual(['esbuild', 'benny', '@marcbachmann/cel-js', 'jsonata', 'filtrex']);
  });

  it('explains in one line how to run the benchmarks outside a checkout or without devDependencies', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'iml-bench-'));
    expect(() => benchRunner([tmp])).toThrow(
      'the benchmarks run from a checkout of the iml-vm repository: clone it, npm install, then iml bench (or npm run bench)',
    );
    mkdirSync(join(tmp, 'bench'));
    writeFileSync(join(tmp, 'bench', 'run.ts'), '');
    writeFileSync(join(tmp, 'package.json'), '{"name": "iml-vm"}');
    expect(() => benchRunner([tmp])).toThrow(
      `run npm install in ${tmp} first (missing devDependencies: esbuild, benny,`,
    );
    expect(benchRunner([join(root, 'bench')])).toBe(root);
  });

  it('has its devDependencies installed in this checkout', () => {
    expect(missingDependencies(root)).toEqual([]);
  });

  it('is listed in iml --help and has its own help', async () => {
    expect((await iml(['--help'])).out).toMatch(/\n {2}bench +run the benchmark suites/);
    const help = await iml(['bench', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: iml bench [suite...] [options]');
  });

  it('rejects a bad --time in one line with exit code 2', async () => {
    const r = await iml(['bench', '--time', 'soon']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'iml bench: --time: expected seconds > 0, got soon (see "iml bench --help")\n',
    });
  });
});
