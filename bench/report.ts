// Turning measured rows into the terminal table, the closing verdict and bench/results/latest.json. Pure functions
// of the results (no timing, no I/O), so a test can format a fake run.
import { cpus } from 'node:os';
import type { EngineKind, Suite } from './suites/types.js';
import { HEADLINE } from './suites/types.js';

/** CaseResult represents one engine's measurement in a row, or why it has none. */
export interface CaseResult {
  engine: string;
  kind: EngineKind;
  /** Operations per second (undefined: not measured, see `missing`). */
  ops?: number;
  /** benny's relative margin of error, in percent. */
  margin?: number;
  samples?: number;
  /** Why there is no number (`-` in the table). */
  missing?: string;
}

/** RowResult represents one suite at one shape count. */
export interface RowResult {
  suite: string;
  shapes: number;
  results: CaseResult[];
  /** Set when the row failed (its correctness check, or the child process); the row has no numbers then. */
  error?: string;
}

/** Machine represents where a run happened. */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  date: string;
  /** The 1-minute load average when the run started: a busy machine makes every number noisier. */
  load: number;
}

/** SuiteInfo represents what the report shows about a suite besides its numbers. */
export type SuiteInfo = Pick<Suite, 'name' | 'title' | 'unit' | 'itemsPerOp' | 'notes' | 'approxNumbers'>;

/** Report represents a whole run. */
export interface Report {
  machine: Machine;
  /** Seconds benny spends per case. */
  maxTime: number;
  /** How many times each row was measured (each engine keeps its fastest); 1 when absent. */
  passes?: number;
  suites: SuiteInfo[];
  rows: RowResult[];
}

/** Verdict represents a row's headline: the VM against the fastest peer and the baseline. */
export interface Verdict {
  suite: string;
  shapes: number;
  vm?: number;
  peer?: string;
  peerOps?: number;
  /** vm ops/s ÷ the fastest peer's (above 1: the VM is faster). */
  vsPeer?: number;
  /** vm ops/s ÷ the baseline's. */
  vsJs?: number;
}

/** machine returns the current machine's description (os, cpu, Node version, date, load). */
export function machine(load: number, date = new Date()): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: date.toISOString(),
    load,
  };
}

const opsOf = (row: RowResult, engine: string) => row.results.find((r) => r.engine === engine)?.ops;

/** fastestPeer returns the peer with the most ops/s in a row, or undefined when no peer was measured. */
export function fastestPeer(row: RowResult): CaseResult | undefined {
  let best: CaseResult | undefined;
  for (const r of row.results)
    if (r.kind === 'peer' && r.ops !== undefined && (!best || r.ops > (best.ops ?? 0))) best = r;
  return best;
}

/** verdict returns a row's headline numbers. */
export function verdict(row: RowResult): Verdict {
  const vm = opsOf(row, HEADLINE);
  const peer = fastestPeer(row);
  const js = opsOf(row, 'js');
  const v: Verdict = { suite: row.suite, shapes: row.shapes };
  if (vm !== undefined) v.vm = vm;
  if (peer?.ops !== undefined) Object.assign(v, { peer: peer.engine, peerOps: peer.ops });
  if (vm !== undefined && peer?.ops) v.vsPeer = vm / peer.ops;
  if (vm !== undefined && js) v.vsJs = vm / js;
  return v;
}

/** formatOps returns ops/s for the table: grouped digits, two decimals below 100. */
export function formatOps(n: number | undefined): string {
  if (n === undefined) return '-';
  return n < 100 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US');
}

/** formatRatio returns a ratio as `1.23x` (three significant digits below 0.1), `-` when undefined. */
export function formatRatio(r: number | undefined): string {
  if (r === undefined || !Number.isFinite(r)) return '-';
  return `${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}x`;
}

/** markdownTable returns rows of cells as a Markdown table with padded columns (readable in a terminal too). */
export function markdownTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

const shapesLabel = (n: number) => `${n} shape${n === 1 ? '' : 's'}`;

/** suiteTable returns one suite's table: an engine per line, ops/s and both ratios per shape count. */
export function suiteTable(info: SuiteInfo, rows: RowResult[]): string {
  const engines: CaseResult[] = [];
  for (const row of rows) for (const r of row.results) if (!engines.some((e) => e.engine === r.engine)) engines.push(r);
  const head = ['engine'];
  for (const row of rows) {
    head.push(`${shapesLabel(row.shapes)}: ${info.unit}/s`);
    if (info.itemsPerOp) head.push('items/s');
    head.push('vs js', 'vs best peer');
  }
  const lines = engines.map((e) => {
    const cells = [e.engine];
    for (const row of rows) {
      const ops = opsOf(row, e.engine);
      const js = opsOf(row, 'js');
      const peer = fastestPeer(row)?.ops;
      cells.push(formatOps(ops));
      if (info.itemsPerOp) cells.push(formatOps(ops === undefined ? undefined : ops * info.itemsPerOp));
      cells.push(formatRatio(ops !== undefined && js ? ops / js : undefined));
      cells.push(formatRatio(ops !== undefined && peer ? ops / peer : undefined));
    }
    return cells;
  });
  const notes: string[] = [];
  for (const row of rows) {
    if (row.error) notes.push(`${shapesLabel(row.shapes)}: FAILED: ${row.error}`);
    for (const r of row.results) {
      const note = r.missing && `${r.engine}: - (${r.missing})`;
      if (note && !notes.includes(note)) notes.push(note);
    }
  }
  if (info.approxNumbers) notes.push(info.approxNumbers);
  notes.push(...(info.notes ?? []));
  const title = `${info.name}: ${info.title}`;
  return [title, '', markdownTable(head, lines), ...notes.map((n) => `  * ${n}`)].join('\n');
}

/** summaryTable returns the closing table: per row, the VM against the fastest peer and the baseline. */
export function summaryTable(report: Report): string {
  const lines = report.rows.map((row) => {
    const v = verdict(row);
    const unit = report.suites.find((s) => s.name === row.suite)?.unit ?? 'ops';
    return [
      row.suite,
      String(row.shapes),
      `${formatOps(v.vm)} ${unit}/s`,
      v.peer ? `${v.peer} ${formatOps(v.peerOps)}` : '-',
      formatRatio(v.vsPeer),
      formatRatio(v.vsJs),
    ];
  });
  return markdownTable(['suite', 'shapes', 'vm', 'fastest peer', 'vm ÷ fastest peer', 'vm ÷ js'], lines);
}

/** closingNote returns the one-paragraph verdict: where the VM beats every peer, and every row where it does not. */
export function closingNote(report: Report): string {
  const measured = report.rows.map(verdict).filter((v) => v.vsPeer !== undefined);
  const losses = measured.filter((v) => (v.vsPeer as number) <= 1);
  const failed = report.rows.filter((r) => r.error).map((r) => `${r.suite}/${r.shapes}`);
  const parts = [
    losses.length === 0
      ? `The VM is faster than every peer on all ${measured.length} measured rows.`
      : `The VM is NOT faster than every peer on ${losses.length} of ${measured.length} rows: ` +
        losses
          .map(
            (v) => `${v.suite} (${shapesLabel(v.shapes)}) vm ${formatOps(v.vm)} vs ${v.peer} ${formatOps(v.peerOps)}`,
          )
          .join('; ') +
        '.',
  ];
  if (failed.length > 0) parts.push(`Failed rows (no numbers): ${failed.join(', ')}.`);
  return parts.join(' ');
}

/** machineLine returns the machine as one line, for the top of the report. */
export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, Node ${m.node} (${m.platform}), load ${m.load.toFixed(2)}, ${m.date}`;
}

/** formatReport returns the whole terminal report: machine line, one table per suite, summary, closing note. */
export function formatReport(report: Report): string {
  const passes = report.passes ?? 1;
  const best = passes > 1 ? `, fastest of ${passes} passes` : '';
  const blocks = [`Machine: ${machineLine(report.machine)}; ${report.maxTime} s per case${best}`];
  for (const info of report.suites) {
    const rows = report.rows.filter((r) => r.suite === info.name);
    if (rows.length > 0) blocks.push(suiteTable(info, rows));
  }
  blocks.push(`Summary (vs fastest peer above 1.00x: the VM is faster)\n\n${summaryTable(report)}`);
  blocks.push(closingNote(report));
  return `${blocks.join('\n\n')}\n`;
}

/** reportJson returns latest.json's content: the run with each row's ratios and verdict worked out. */
export function reportJson(report: Report): unknown {
  return {
    machine: report.machine,
    maxTime: report.maxTime,
    passes: report.passes ?? 1,
    suites: report.suites,
    rows: report.rows.map((row) => {
      const js = opsOf(row, 'js');
      const peer = fastestPeer(row)?.ops;
      return {
        ...row,
        results: row.results.map((r) => ({
          ...r,
          ...(r.ops !== undefined && js ? { vsJs: r.ops / js } : {}),
          ...(r.ops !== undefined && peer ? { vsBestPeer: r.ops / peer } : {}),
        })),
        verdict: verdict(row),
      };
    }),
    closingNote: closingNote(report),
  };
}

/**
 * keepFaster returns a row's results from two passes: per engine the faster measurement (interference from
 * outside only ever slows one down). A pass that failed fails the row.
 */
export function keepFaster(a: RowResult | undefined, b: RowResult): RowResult {
  if (a === undefined || a.error) return a ?? b;
  if (b.error) return b;
  const results = a.results.map((r) => {
    const other = b.results.find((x) => x.engine === r.engine);
    return other?.ops !== undefined && (r.ops === undefined || other.ops > r.ops) ? other : r;
  });
  return { ...a, results };
}
