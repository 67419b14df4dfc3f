// The opcode table (STYLE rule 2): numbers defined once, every opcode with a VM case, a disassembler case and a
// golden file that uses it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/compiler/emitter.js';
import { disassemble } from '../../src/debug.js';
import { compile } from '../../src/index.js';
import { SourceSet } from '../../src/source/source-set.js';
import { disassembleBytecode } from '../../src/vm/disasm.js';
import { OP_COUNT, OPERAND, Op, type OpKey, OpName } from '../../src/vm/opcodes.js';

const keys = Object.keys(Op) as OpKey[];
const root = join(import.meta.dirname, '..', '..');

describe('opcode table', () => {
  it('numbers the opcodes 0..OP_COUNT-1, each once, with a name and an operand kind', () => {
    expect(keys.map((k) => Op[k]).sort((a, b) => a - b)).toEqual([...Array(OP_COUNT).keys()]);
    for (const k of keys) {
      expect(OpName[Op[k]]).toBe(k);
      expect(['none', 'const', 'jump', 'builtin', 'count']).toContain(OPERAND[Op[k]]);
    }
    expect(OpName).toHaveLength(OP_COUNT);
    expect(Object.isFrozen(Op)).toBe(true);
  });

  it('has exactly one VM case per opcode, labelled with its number', () => {
    const vm = readFileSync(join(root, 'src/vm/vm.ts'), 'utf8');
    const cases = [...vm.matchAll(/case (\d+):(?: \{)?\s*\/\/ (\w+)/g)].map(
      (m) => [Number(m[1]), m[2] as string] as const,
    );
    expect(cases.map(([, name]) => name).sort()).toEqual([...keys].sort());
    for (const [n, name] of cases) expect(n, name).toBe(Op[name as OpKey]);
  });

  it('has a disassembler rendering for every opcode', () => {
    const spec = {
      kind: 'path',
      root: 'a',
      builtin: false,
      keys: ['b', null],
      nums: [0, 1],
      slots: [0, -1],
      rootSlot: 0,
      op: -1,
      k: undefined,
    };
    const site = (and: boolean, ...paths: unknown[]) => ({ kind: 'paths', and, paths, spans: [0, 1, 0, 1] });
    const gt = { ...spec, op: Op.Gt, k: 100 };
    const eq = { ...spec, root: 'c', keys: ['d e'], op: Op.Eq, k: 'x' };
    const custom = { kind: 'custom', fn: () => 1, name: 'f', argc: 2 };
    const call = { kind: 'call', index: 3, name: 'pick', argc: 4 };
    const operandOf = (k: OpKey): unknown => {
      switch (k) {
        case 'SetProp':
          return { kind: 'prop', key: 'k', slot: 0 };
        case 'CallN':
          return call;
        case 'CallCustom':
          return custom;
        case 'PathK':
          return site(true, gt);
        case 'AndPaths':
          return site(true, spec, gt, eq);
        case 'OrPaths':
          return site(false, eq, spec);
        case 'LoadVar':
        case 'LoadPath':
        case 'GetPath':
          return site(true, spec);
        default:
          return 'text';
      }
    };
    const bc = (() => {
      const e2 = new Emitter();
      for (const k of keys) {
        const op = Op[k];
        let arg = 2;
        if (OPERAND[op] === 'const') {
          arg = e2.addConst(operandOf(k) as never, k);
        } else if (OPERAND[op] === 'builtin') arg = 9;
        else if (OPERAND[op] === 'jump') arg = 0;
        e2.emit(op, arg, { start: 0, end: 1 }, 0);
      }
      e2.move(1); // a listing, never run: only the final depth check of finish() needs a value
      return e2.finish(new SourceSet(), { start: 0, end: 0 });
    })();
    const text = disassembleBytecode(bc).split('\n');
    keys.forEach((k, i) => {
      const line = text[i] as string;
      expect(line).toContain(k);
      expect(line, k).not.toContain('?');
      if (OPERAND[Op[k]] === 'jump') expect(line).toContain(`-> ${String(i + 1).padStart(4, '0')}`);
      if (OPERAND[Op[k]] === 'count') expect(line).toContain('n=2');
    });
    expect(text.find((l) => l.includes('LoadPath'))).toContain('a.b[]');
    expect(text.find((l) => l.includes('PathK'))).toContain('a.b[] > 100');
    expect(text.find((l) => l.includes('AndPaths'))).toContain('a.b[] && a.b[] > 100 && c.`d e` == "x"');
    expect(text.find((l) => l.includes('OrPaths'))).toContain('c.`d e` == "x" || a.b[]');
    expect(text.find((l) => l.includes('CallCustom'))).toContain('f/2 (custom)');
    expect(text.find((l) => l.includes('CallN'))).toContain('pick/4');
  });

  it('shows the path instructions with their source positions and names a whole-program fast form', () => {
    const strict = disassemble(compile("{{a.b != 'x'}}", { strictEquality: true })).split('\n');
    expect(strict[0]).toMatch(/^0000 {2}PathK +0 {2}a\.b !== "x" +@1:3$/);
    expect(strict.at(-1)).toBe('; 2 instructions, 1 constants, stack 1, form Paths');
    const text = disassemble(compile('x{{a * 2 || b.c}} {{pi > 3}}')).split('\n');
    expect(text[1]).toMatch(/^0001 {2}OrPaths +1 {2}a \* 2 \|\| b\.c +@1:4$/);
    expect(text.find((l) => l.includes('PathK'))).toMatch(/pi > 3 +@1:21$/);
    expect(text.at(-1)).not.toContain('form');
    expect(disassemble(compile("{{'a' + 'b'}}")).split('\n').at(-1)).toMatch(/, form Const$/);
    expect(disassemble(compile('{{pi}}')).split('\n').at(-1)).not.toContain('form');
  });

  it('uses every opcode in at least one golden file', () => {
    const dir = join(root, 'test/golden');
    const golden = readdirSync(dir)
      .filter((f) => f.endsWith('.disasm'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const missing = keys.filter((k) => !new RegExp(`^\\d{4}  ${k}\\b`, 'm').test(golden));
    expect(missing).toEqual([]);
  });
});
