import { BUILTINS } from '../runtime/builtins/index.js';
import type { SourceSet } from '../source/source-set.js';
import { OPERAND, OpName } from './opcodes.js';
import type { Bytecode, Constant, PathSpec } from './program.js';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** pathText returns a path operand as IML source text: `body.user.name`, `` a.`x y` ``, `items[]`. */
function pathText(p: PathSpec): string {
  let out = p.root === '' ? '<top>' : p.root;
  for (const k of p.keys) {
    if (k === null) out += '[]';
    else out += IDENT.test(k) ? `.${k}` : `.\`${k.replace(/[\\`]/g, (c) => `\\${c}`)}\``;
  }
  return out;
}

/** constText returns a constant as a short readable operand. */
export function constText(c: Constant): string {
  if (c === undefined) return 'undefined';
  if (typeof c === 'number') return Object.is(c, -0) ? '-0' : String(c);
  if (typeof c !== 'object' || c === null) {
    const text = JSON.stringify(c);
    return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
  }
  switch (c.kind) {
    case 'path':
      return pathText(c);
    case 'call':
      return `${c.name}/${c.argc}`;
    case 'custom':
      return `${c.name}/${c.argc} (custom)`;
    case 'prop':
      return JSON.stringify(c.key);
  }
}

/** operandText returns the rendered operand of instruction i. */
function operandText(bc: Bytecode, i: number): string {
  const op = bc.code[i] as number;
  const arg = bc.args[i] as number;
  switch (OPERAND[op]) {
    case 'const':
      return constText(bc.consts[arg] as Constant);
    case 'jump':
      return `-> ${String(i + 1 + arg).padStart(4, '0')}`;
    case 'builtin':
      return BUILTINS.list[arg]?.name ?? '?';
    case 'count':
      return `n=${arg}`;
    default:
      return '';
  }
}

/** Locator represents a mapping of global offsets to `line:col` (with the JSON path of a template leaf). */
type Locator = (start: number, end: number) => string;

/** locator returns the `line:col` of global offsets, recomputing each template's base as SourceSet assigns it. */
function locator(sources: SourceSet): Locator {
  const bases: number[] = [];
  let next = 0;
  for (const s of sources.sources) {
    bases.push(next);
    next += s.text.length + 1;
  }
  return (start, end) => {
    // A zero-width span at 0 is the placeholder of JSON structure (arrays, objects, scalars): no source text.
    if ((start === 0 && end === 0) || bases.length === 0) return '-';
    let i = bases.length - 1;
    while (i > 0 && (bases[i] as number) > start) i--;
    const source = sources.sources[i];
    if (!source) return '-';
    const pos = source.posAt(start - (bases[i] as number));
    const where = source.path === undefined || sources.sources.length === 1 ? '' : `${source.path} `;
    return `${where}${pos.line}:${pos.column}`;
  };
}

/**
 * disassembleBytecode returns one line per instruction: index, opcode, raw operand, rendered operand and the
 * source position the VM reports when the instruction fails, e.g. `0000  LoadPath      0  body.user.name  @1:3`.
 */
export function disassembleBytecode(bc: Bytecode): string {
  const at = locator(bc.sources);
  const lines: string[] = [];
  for (let i = 0; i < bc.length; i++) {
    const op = bc.code[i] as number;
    const name = OpName[op] ?? `Op${op}`;
    // A built-in's registry index moves whenever built-ins are added; its name is the stable operand.
    const raw = OPERAND[op] === 'none' || OPERAND[op] === 'builtin' ? '' : String(bc.args[i]);
    const where = at(bc.spans[2 * i] as number, bc.spans[2 * i + 1] as number);
    const left = `${String(i).padStart(4, '0')}  ${name.padEnd(20)}${raw.padStart(5)}  ${operandText(bc, i)}`;
    lines.push(`${left.padEnd(60)} @${where}`.trimEnd());
  }
  lines.push(`; ${bc.length} instructions, ${bc.consts.length} constants, stack ${bc.maxStack}`);
  return lines.join('\n');
}
