import type { IRecognitionException, IToken } from 'chevrotain';
import { arrayNode, type IrNode, literalNode, type ObjectEntry, objectNode } from '../ir/nodes.js';
import { exceedsDepth } from '../ir/walk.js';
import { ImlError } from '../source/error.js';
import { DEFAULT_LIMITS, type Limits } from '../source/limits.js';
import { SourceSet } from '../source/source-set.js';
import { lex } from './lexer.js';
import { ImlParser } from './parser.js';

/** parser represents the one module-level parser instance, reset through `.input` for every parse. */
const parser = new ImlParser();

/** ParseLimits represents the limits that apply while parsing. */
export type ParseLimits = Pick<Limits, 'maxDepth' | 'maxTemplateLength'>;

/** ParseOptions represents where a template sits among a value's sources and the parse limits. */
export interface ParseOptions {
  /** Global offset of the text's first character (SourceSet base); default 0. */
  base?: number;
  limits?: Partial<ParseLimits>;
}

function recognitionError(e: IRecognitionException): ImlError {
  const t = e.token as IToken;
  if (t.tokenType?.name === 'EOF' || Number.isNaN(t.startOffset)) {
    const at = parser.textSpan.end;
    return new ImlError('syntax/unexpected-token', 'Unexpected end of template', { start: at, end: at });
  }
  return new ImlError('syntax/unexpected-token', `Unexpected token "${t.image}"`, {
    start: t.startOffset,
    end: (t.endOffset as number) + 1,
  });
}

/**
 * parseTemplate returns the IR of one template string (SEMANTICS §1): a Literal for plain text, the typed
 * expression for a lone `{{expr}}`, otherwise a Template. Errors are ImlError with global offsets (unbound).
 */
export function parseTemplate(text: string, options: ParseOptions = {}): IrNode {
  const base = options.base ?? 0;
  const maxDepth = options.limits?.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const maxLength = options.limits?.maxTemplateLength ?? DEFAULT_LIMITS.maxTemplateLength;
  if (text.length > maxLength) {
    throw new ImlError(
      'syntax/too-long',
      `Template is ${text.length} characters long, over the limit of ${maxLength} (limits.maxTemplateLength)`,
      { start: base + maxLength, end: base + text.length },
    );
  }
  if (!text.includes('{{')) return literalNode(text, { start: base, end: base + text.length });
  const tokens = lex(text, { base, maxDepth });
  parser.textSpan = { start: base, end: base + text.length };
  parser.input = tokens;
  const node = parser.template();
  const first = parser.errors[0];
  if (first) throw recognitionError(first);
  // A tree cannot be deeper than its token count, so short templates skip the walk.
  if (tokens.length > maxDepth) {
    const deep = exceedsDepth(node, maxDepth);
    if (deep) {
      throw new ImlError('syntax/too-deep', `Expression is nested deeper than ${maxDepth} levels (limits.maxDepth)`, {
        start: deep.span.start,
        end: deep.span.end,
      });
    }
  }
  return node;
}

/** ParsedValue represents the IR of a whole IML value and the template strings its spans point into. */
export interface ParsedValue {
  ir: IrNode;
  sources: SourceSet;
}

const IDENT_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** childPath returns the JSON path of a property or element below `path`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENT_KEY.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * parseValue returns the IR of an IML value (SEMANTICS §1): strings are templates, arrays and objects are walked
 * (the key `{{...}}` is a spread), other JSON scalars are literals. Every error is bound to its string and path.
 */
export function parseValue(
  value: unknown,
  options: { limits?: Partial<ParseLimits>; path?: string } = {},
): ParsedValue {
  const sources = new SourceSet();
  const limits = options.limits ?? {};
  const maxDepth = limits.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const rootPath = options.path ?? (typeof value === 'string' ? undefined : '$');
  const walk = (v: unknown, path: string | undefined, depth: number): IrNode => {
    if (typeof v === 'string') {
      const base = sources.add(v, path);
      try {
        return parseTemplate(v, { base, limits });
      } catch (e) {
        throw e instanceof ImlError ? sources.bind(e) : e;
      }
    }
    const here = { start: 0, end: 0 };
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || v === undefined) return literalNode(v, here);
    if (depth >= maxDepth) {
      throw new ImlError(
        'syntax/too-deep',
        `Value is nested deeper than ${maxDepth} levels (limits.maxDepth)`,
        undefined,
        {
          path: path ?? '$',
        },
      );
    }
    const at = path ?? '$';
    // Array.from visits the holes of a sparse array too (as undefined); map would leave holes in the IR.
    if (Array.isArray(v))
      return arrayNode(
        Array.from(v, (item, i) => walk(item, childPath(at, i), depth + 1)),
        here,
      );
    if (typeof v === 'object' && !(v instanceof Date)) {
      const entries: ObjectEntry[] = [];
      for (const key of Object.keys(v)) {
        const spread = key === '{{...}}';
        entries.push({ key, spread, value: walk((v as Record<string, unknown>)[key], childPath(at, key), depth + 1) });
      }
      return objectNode(entries, here);
    }
    throw new ImlError(
      'syntax/unexpected-token',
      `A template cannot hold a ${v instanceof Date ? 'Date' : typeof v} value`,
      undefined,
      {
        path: at,
      },
    );
  };
  return { ir: walk(value, rootPath, 0), sources };
}
