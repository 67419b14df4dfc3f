import { BUILTINS } from '../runtime/builtins/index.js';
import type { SourceSet } from '../source/source-set.js';
import { OPERAND, Op, OpName } from './opcodes.js';
import { type Bytecode, type Constant, Form, type PathSpec } from './program.js';

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

/** SYMBOL represents the source operator of each binary opcode (PathK's operand shows it). */
const SYMBOL: Readonly<Record<number, string>> = {
  [Op.Add]: '+',
  [Op.Sub]: '-',
  [Op.ForcedAdd]: '++',
  [Op.Mul]: '*',
  [Op.Div]: '/',
  [Op.Mod]: '%',
  [Op.Lt]: '<',
  [Op.Le]: '<=',
  [Op.Gt]: '>',
  [Op.Ge]: '>=',
  [Op.Eq]: '==',
  [Op.Ne]: '!=',
  [Op.StrictEq]: '===',
  [Op.StrictNe]: '!==',
};

/** pathOperandText returns one path of a path instruction, with PathK's operator and constant. */
function pathOperandText(p: PathSpec): string {
  return p.op < 0 ? pathText(p) : `${pathText(p)} ${SYMBOL[p.op] ?? '?'} ${constText(p.k)}`;
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
    case 'paths':
      return c.paths.map(pathOperandText).join(c.and ? ' && ' : ' || ');
    case 'call':
      return `${c.name}/${c.argc}`;
    case 'custom':
      return `${c.name}/${c.argc} (custom)`;
    case 'prop':
      return JSON.stringify(c.key);
  }
  // Hand-built bytecode may hold an operand of the wrong shape; the listing shows it instead of failing.
  return '?';
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

/** FORM_NAME represents the name of each whole-program fast form (see Form), indexed by its number. */
const FORM_NAME: readonly string[] = (() => {
  const names: string[] = [];
  for (const [name, n] of Object.entries(Form)) names[n] = name;
  return names;
})();

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
 * source position the VM reports when the instruction fails, e.g. `0000  LoadPath      0  body.user.name  @1:3`;
 * a PathK shows its path, operator and constant (`body.n > 100`), AndPaths/OrPaths their paths joined by `&&`/`||`.
 * The last line counts instructions and constants, and names the whole-program fast form of a program that has one.
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
  // A program that skips the VM loop says so: its listing is then exactly what one call runs.
  const form = bc.form === Form.Loop ? '' : `, form ${FORM_NAME[bc.form]}`;
  lines.push(`; ${bc.length} instructions, ${bc.consts.length} constants, stack ${bc.maxStack}${form}`);
  return lines.join('\n');
}
