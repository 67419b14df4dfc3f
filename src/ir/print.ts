import type { IrNode, Literal } from './nodes.js';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** PRECEDENCE represents the binding power of each binary operator (higher binds tighter), SEMANTICS §2. */
export const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '=': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '++': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const UNARY_LEVEL = 7;
const POSTFIX_LEVEL = 8;
const PRIMARY_LEVEL = 9;

function levelOf(node: IrNode): number {
  switch (node.kind) {
    case 'Binary':
    case 'Logical':
      return PRECEDENCE[node.op] as number;
    case 'Unary':
      return UNARY_LEVEL;
    case 'Member':
    case 'Index':
      return POSTFIX_LEVEL;
    case 'Literal':
      return typeof node.value === 'number' && (node.value < 0 || Object.is(node.value, -0))
        ? UNARY_LEVEL
        : PRIMARY_LEVEL;
    default:
      return PRIMARY_LEVEL;
  }
}

/** quoteString returns IML string-literal text for a string, in single quotes with canonical escapes. */
export function quoteString(s: string, quote = "'"): string {
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 32 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + quote;
}

function printLiteral(node: Literal): string {
  const v = node.value;
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '(0 / 0)';
    // `1e400` parses to the Literal Infinity itself (a division would parse to a Binary node).
    if (v === Number.POSITIVE_INFINITY) return '1e400';
    if (v === Number.NEGATIVE_INFINITY) return '-1e400';
    return Object.is(v, -0) ? '-0' : String(v);
  }
  return v === undefined ? 'undefined' : String(v);
}

function wrap(node: IrNode, minLevel: number): string {
  const text = print(node);
  return levelOf(node) < minLevel ? `(${text})` : text;
}

/**
 * print returns the canonical IML expression text of a node: single-quoted strings, `=` for equality, `&&`/`||`,
 * `,` separators and the fewest parentheses. Parsing the text of a parsed expression gives the same IR.
 * Array and object nodes other than `emptyarray` have no expression syntax and print as a debug form.
 */
export function print(node: IrNode): string {
  switch (node.kind) {
    case 'Literal':
      return printLiteral(node);
    case 'Ident':
      return node.name;
    case 'Member':
      return `${wrap(node.object, POSTFIX_LEVEL)}.${IDENT.test(node.name) ? node.name : quoteString(node.name, '`')}`;
    case 'Index':
      return `${wrap(node.object, POSTFIX_LEVEL)}[${node.index ? print(node.index) : ''}]`;
    case 'Unary': {
      const operand = wrap(node.operand, UNARY_LEVEL);
      return node.op === '+' && operand.startsWith('+') ? `+ ${operand}` : `${node.op}${operand}`;
    }
    case 'Binary':
    case 'Logical': {
      const level = PRECEDENCE[node.op] as number;
      return `${wrap(node.left, level)} ${node.op} ${wrap(node.right, level + 1)}`;
    }
    case 'Call':
      return `${node.name}(${node.args.map(print).join(', ')})`;
    case 'Template':
      return `(${printTemplateAsExpression(node.parts)})`;
    case 'Array':
      return node.items.length === 0 ? 'emptyarray' : `[${node.items.map(print).join(', ')}]`;
    case 'Object':
      return `{${node.entries.map((e) => `${e.spread ? '...' : JSON.stringify(e.key)}: ${print(e.value)}`).join(', ')}}`;
  }
}

function printTemplateAsExpression(parts: IrNode[]): string {
  return ["''", ...parts.map((p) => wrap(p, (PRECEDENCE['+'] as number) + 1))].join(' + ');
}

function isTextPart(s: string): boolean {
  return s !== '' && !s.includes('{{');
}

/** printTemplate returns the template text of a string leaf: literal text as is, expressions in mustaches. */
export function printTemplate(node: IrNode): string {
  if (node.kind === 'Literal' && typeof node.value === 'string' && !node.value.includes('{{')) return node.value;
  if (node.kind !== 'Template') return `{{${print(node)}}}`;
  let out = '';
  // A parsed template never has two text parts in a row nor an empty one, so only such a string part is printed
  // as text; the others (string literals from mustaches) keep their mustache and the IR reads back unchanged.
  let afterText = false;
  for (const p of node.parts) {
    afterText = !afterText && p.kind === 'Literal' && typeof p.value === 'string' && isTextPart(p.value);
    out += afterText ? (p as Literal).value : `{{${print(p)}}}`;
  }
  // A lone expression part is text-rendered; `{{x}}` alone would read back as the typed value.
  return node.parts.length === 1 && out.startsWith('{{') ? `${out}{{''}}` : out;
}

/** printValue returns the IML value (JSON with template strings) that compiles to the given node. */
export function printValue(node: IrNode): unknown {
  switch (node.kind) {
    case 'Literal': {
      const v = node.value;
      if (typeof v === 'string') return printTemplate(node);
      if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
      return `{{${print(node)}}}`;
    }
    case 'Array':
      return node.items.map(printValue);
    case 'Object': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        Object.defineProperty(out, e.spread ? '{{...}}' : e.key, {
          value: printValue(e.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    default:
      return printTemplate(node);
  }
}

/** dumpIr returns an indented debug dump of a tree, one node per line with its kind, payload and span. */
export function dumpIr(node: IrNode, indent = ''): string {
  const at = `@${node.span.start}..${node.span.end}`;
  const head = (payload: string) => `${indent}${node.kind}${payload ? ` ${payload}` : ''} ${at}\n`;
  const sub = `${indent}  `;
  switch (node.kind) {
    case 'Literal':
      return head(printLiteral(node));
    case 'Ident':
      return head(node.name);
    case 'Member':
      return head(JSON.stringify(node.name)) + dumpIr(node.object, sub);
    case 'Index':
      return head(node.index ? '' : '[]') + dumpIr(node.object, sub) + (node.index ? dumpIr(node.index, sub) : '');
    case 'Unary':
      return head(node.op) + dumpIr(node.operand, sub);
    case 'Binary':
    case 'Logical':
      return head(node.op) + dumpIr(node.left, sub) + dumpIr(node.right, sub);
    case 'Call':
      return head(node.name) + node.args.map((a) => dumpIr(a, sub)).join('');
    case 'Template':
      return head('') + node.parts.map((p) => dumpIr(p, sub)).join('');
    case 'Array':
      return head('') + node.items.map((p) => dumpIr(p, sub)).join('');
    case 'Object':
      return (
        head('') +
        node.entries
          .map((e) => `${sub}${e.spread ? '...' : JSON.stringify(e.key)}:\n${dumpIr(e.value, `${sub}  `)}`)
          .join('')
      );
  }
}
