import { describe, expect, it } from 'vitest';
import {
  closingNote,
  fastestPeer,
  formatOps,
  formatRatio,
  formatReport,
  keepFaster,
  type Report,
  reportJson,
  verdict,
} from '../../bench/report.js';

// The runner's output on a fake run: numbers chosen so every ratio is easy to work out by hand.
const machine = {
  cpu: 'Test CPU',
  cores: 2,
  node: 'v20.0.0',
  platform: 'linux-x64',
  date: '2026-01-01T00:00:00.000Z',
  load: 0.5,
};

const report: Report = {
  machine,
  maxTime: 0.5,
  suites: [
    { name: 'W1', title: 'body.user.name', unit: 'ops', notes: ['a note'] },
    { name: 'batch', title: '10 items', unit: 'requests', itemsPerOp: 10 },
  ],
  rows: [
    {
      suite: 'W1',
      shapes: 1,
      results: [
        { engine: 'js', kind: 'baseline', ops: 1_000_000 },
        { engine: 'vm', kind: 'iml', ops: 500_000 },
        { engine: 'cel-js', kind: 'peer', ops: 250_000 },
        { engine: 'jsonata', kind: 'peer', ops: 50_000 },
        { engine: 'filtrex', kind: 'peer', missing: 'cannot express it' },
      ],
    },
    {
      suite: 'batch',
      shapes: 16,
      results: [
        { engine: 'js', kind: 'baseline', ops: 40 },
        { engine: 'vm', kind: 'iml', ops: 10 },
        { engine: 'jsonata', kind: 'peer', ops: 20 },
      ],
    },
  ],
};

describe('bench report', () => {
  it('formats ops/s and ratios', () => {
    expect(formatOps(1234567.4)).toBe('1,234,567');
    expect(formatOps(12.345)).toBe('12.35');
    expect(formatOps(undefined)).toBe('-');
    expect(formatRatio(2)).toBe('2.00x');
    expect(formatRatio(0.05)).toBe('0.050x');
    expect(formatRatio(undefined)).toBe('-');
  });

  it('finds the fastest measured peer and the VM ratios of a row', () => {
    const [w1, batch] = report.rows as [Report['rows'][0], Report['rows'][0]];
    expect(fastestPeer(w1)?.engine).toBe('cel-js');
    expect(verdict(w1)).toEqual({
      suite: 'W1',
      shapes: 1,
      vm: 500_000,
      peer: 'cel-js',
      peerOps: 250_000,
      vsPeer: 2,
      vsJs: 0.5,
    });
    expect(verdict(batch).vsPeer).toBe(0.5);
  });

  it('prints the machine, one table per suite with ratios and items/s, the summary and every loss', () => {
    const text = formatReport(report);
    expect(text).toContain('Machine: Test CPU, 2 cores, Node v20.0.0 (linux-x64), load 0.50');
    expect(text).toMatch(/\| vm +\| +500,000 \| +0\.50x \| +2\.00x \|/);
    expect(text).toMatch(/\| jsonata +\| +50,000 \| +0\.050x \| +0\.20x \|/);
    expect(text).toMatch(/\| filtrex +\| +- \| +- \| +- \|/);
    expect(text).toContain('filtrex: - (cannot express it)');
    expect(text).toContain('a note');
    // batch: 10 requests/s × 10 items = 100 items/s.
    expect(text).toMatch(/\| vm +\| +10\.00 \| +100 \| +0\.25x \| +0\.50x \|/);
    expect(text).toMatch(/\| W1 +\| +1 \| +500,000 ops\/s \| +cel-js 250,000 \| +2\.00x \| +0\.50x \|/);
    expect(closingNote(report)).toBe(
      'The VM is NOT faster than every peer on 1 of 2 rows: batch (16 shapes) vm 10.00 vs jsonata 20.00.',
    );
  });

  it('says so when the VM wins every row, and lists failed rows', () => {
    const wins: Report = {
      ...report,
      rows: [report.rows[0] as Report['rows'][0], { suite: 'batch', shapes: 1, results: [], error: 'results differ' }],
    };
    expect(closingNote(wins)).toBe(
      'The VM is faster than every peer on all 1 measured rows. Failed rows (no numbers): batch/1.',
    );
    expect(formatReport(wins)).toContain('FAILED: results differ');
  });

  it('writes JSON with the machine, every result with its ratios, and each row verdict', () => {
    const json = JSON.parse(JSON.stringify(reportJson(report)));
    expect(json.machine).toEqual(machine);
    expect(json.rows[0].results[1]).toEqual({ engine: 'vm', kind: 'iml', ops: 500_000, vsJs: 0.5, vsBestPeer: 2 });
    expect(json.rows[0].results[4]).toEqual({ engine: 'filtrex', kind: 'peer', missing: 'cannot express it' });
    expect(json.rows[1].verdict).toEqual({
      suite: 'batch',
      shapes: 16,
      vm: 10,
      peer: 'jsonata',
      peerOps: 20,
      vsPeer: 0.5,
      vsJs: 0.25,
    });
    expect(json.closingNote).toContain('NOT faster');
    expect(json.passes).toBe(1);
  });

  it("keeps each engine's faster pass of a row, and a failed pass fails the row", () => {
    const first = {
      suite: 'W1',
      shapes: 16,
      results: [
        { engine: 'js', kind: 'baseline' as const, ops: 100, margin: 1, samples: 10 },
        { engine: 'vm', kind: 'iml' as const, ops: 30, margin: 2, samples: 10 },
        { engine: 'filtrex', kind: 'peer' as const, missing: 'cannot express it' },
      ],
    };
    const second = {
      ...first,
      results: [
        { engine: 'js', kind: 'baseline' as const, ops: 90, margin: 3, samples: 11 },
        { engine: 'vm', kind: 'iml' as const, ops: 40, margin: 4, samples: 12 },
        { engine: 'filtrex', kind: 'peer' as const, missing: 'cannot express it' },
      ],
    };
    expect(keepFaster(undefined, first)).toBe(first);
    expect(keepFaster(first, second).results).toEqual([first.results[0], second.results[1], first.results[2]]);
    const failed = { suite: 'W1', shapes: 16, results: [], error: 'child crashed' };
    expect(keepFaster(first, failed)).toBe(failed);
    expect(keepFaster(failed, second)).toBe(failed);
    expect(formatReport({ ...report, passes: 2 })).toContain('0.5 s per case, fastest of 2 passes');
  });
});
