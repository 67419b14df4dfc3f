import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  arrayNode,
  type BinaryOp,
  binaryNode,
  callNode,
  type IrNode,
  identNode,
  indexNode,
  type LiteralValue,
  literalNode,
  logicalNode,
  memberNode,
  templateNode,
  type UnaryOp,
  unaryNode,
} from '../ir/nodes.js';
import { PRECEDENCE } from '../ir/print.js';
import { ImlError } from '../source/error.js';
import type { Span } from '../source/span.js';
import * as T from './tokens.js';

const KEYWORD_VALUES: Readonly<Record<string, LiteralValue>> = {
  true: true,
  false: false,
  null: null,
  undefined: undefined,
  emptystring: '',
  space: ' ',
  nbsp: '\u00a0',
  tab: '\t',
  newline: '\n',
  carriagereturn: '\r',
  erase: null,
  ignore: undefined,
};

/** OPERATORS maps each binary operator token to its IR operator (`&` and `&&` are one, `=`/`==`/`===` are one). */
const OPERATORS: ReadonlyMap<TokenType, string> = new Map<TokenType, string>([
  [T.Star, '*'],
  [T.Slash, '/'],
  [T.Percent, '%'],
  [T.Plus, '+'],
  [T.Minus, '-'],
  [T.PlusPlus, '++'],
  [T.Less, '<'],
  [T.LessEqual, '<='],
  [T.Greater, '>'],
  [T.GreaterEqual, '>='],
  [T.Equal, '='],
  [T.NotEqual, '!='],
  [T.And, '&&'],
  [T.Or, '||'],
]);

const UNARY: ReadonlyMap<TokenType, UnaryOp> = new Map<TokenType, UnaryOp>([
  [T.Bang, '!'],
  [T.Minus, '-'],
  [T.Plus, '+'],
]);

const tokenSpan = (t: IToken): Span => ({ start: t.startOffset, end: (t.endOffset as number) + 1 });

/** operatorTable returns a table indexed by token type index (an array read, cheaper than a Map lookup). */
function operatorTable<V>(value: (op: string) => V, none: V): V[] {
  const table: V[] = new Array(T.allTokens.length + 1).fill(none);
  for (const [type, op] of OPERATORS) table[type.tokenTypeIdx as number] = value(op);
  return table;
}

/** OPERATOR_OF represents the IR operator of each binary operator token, by token type index. */
const OPERATOR_OF: readonly string[] = operatorTable((op) => op, '');
/** LEVEL_OF represents the PRECEDENCE level of each binary operator token, by token type index. */
const LEVEL_OF: readonly number[] = operatorTable((op) => PRECEDENCE[op] as number, 0);

function combine(type: number, left: IrNode, right: IrNode): IrNode {
  const op = OPERATOR_OF[type] as string;
  const s = { start: left.span.start, end: right.span.end };
  return op === '&&' || op === '||' ? logicalNode(op, left, right, s) : binaryNode(op as BinaryOp, left, right, s);
}

/** reduce replaces the last two values with the last pending operator applied to them. */
function reduce(values: IrNode[], pending: number[]): void {
  const right = values.pop() as IrNode;
  const left = values.pop() as IrNode;
  values.push(combine(pending.pop() as number, left, right));
}

/**
 * climb returns the tree of `first (op operand)*` with SEMANTICS §2 precedence, every level left-associative; the
 * operators and their right operands are ops[from..] and operands[from..]. It is one iterative loop
 * (shunting-yard), so a long operator chain never recurses.
 */
function climb(first: IrNode, operands: IrNode[], ops: IToken[], from: number): IrNode {
  if (ops.length === from + 1) return combine((ops[from] as IToken).tokenTypeIdx, first, operands[from] as IrNode);
  const values: IrNode[] = [first];
  // Pending operators as token type indexes.
  const pending: number[] = [];
  for (let i = from; i < ops.length; i++) {
    const type = (ops[i] as IToken).tokenTypeIdx;
    const level = LEVEL_OF[type] as number;
    while (pending.length > 0 && (LEVEL_OF[pending[pending.length - 1] as number] as number) >= level) {
      reduce(values, pending);
    }
    pending.push(type);
    values.push(operands[i] as IrNode);
  }
  while (pending.length > 0) reduce(values, pending);
  return values[0] as IrNode;
}

/**
 * ImlParser represents the Chevrotain grammar of IML templates and expressions (grammar/iml.ebnf, rule for rule).
 * Rules build IR nodes directly (embedded actions; `RECORDING_PHASE` guards the actions so no closure is made
 * per action); binary operators are one precedence-climbing loop, and an operand's prefix operators, primary and
 * postfix chain are one rule, which keeps rule invocations (Chevrotain's main cost) few.
 */
export class ImlParser extends EmbeddedActionsParser {
  /** The span of the whole template text being parsed (set before each parse). */
  textSpan: Span = { start: 0, end: 0 };
  // Chevrotain's performance guide: cache OR alternatives, fields declared in the constructor. Cached alternatives
  // and repetition actions cannot close over a rule's locals (a closure per invocation is what caching avoids),
  // so the state they share with their rule is in fields, each read before anything nested can overwrite it:
  // the template's parts (the template rule never nests), an operand's prefix tokens, the node a postfix extends,
  // the name a call starts with, and the operator chains of the expressions being parsed (one stack, each
  // expression above its own mark).
  private primaryAlts: IOrAlt<IrNode>[] | undefined;
  private partAlts: IOrAlt<void>[] | undefined;
  private postfixAlts: IOrAlt<IrNode>[] | undefined;
  private nameAlts: IOrAlt<IToken>[] | undefined;
  private parts: IrNode[];
  private texts: number;
  private prefix: IToken[] | undefined;
  private postfixOf: IrNode;
  private callee: IToken | undefined;
  private readonly operators: IToken[];
  private readonly operands: IrNode[];

  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.primaryAlts = undefined;
    this.partAlts = undefined;
    this.postfixAlts = undefined;
    this.nameAlts = undefined;
    this.parts = [];
    this.texts = 0;
    this.prefix = undefined;
    this.postfixOf = literalNode(undefined, this.textSpan);
    this.callee = undefined;
    this.operators = [];
    this.operands = [];
    this.performSelfAnalysis();
  }

  /** template = ( Text | MustacheOpen expression MustacheClose )* */
  template = this.RULE('template', (): IrNode => {
    const parts: IrNode[] = [];
    this.parts = parts;
    this.texts = 0;
    // A parse that failed may have left operator chains behind.
    if (this.operators.length > 0) {
      this.operators.length = 0;
      this.operands.length = 0;
    }
    this.partAlts ??= [
      {
        ALT: () => {
          const t = this.CONSUME(T.Text);
          if (!this.RECORDING_PHASE) {
            this.parts.push(literalNode(t.image, tokenSpan(t)));
            this.texts++;
          }
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.MustacheOpen);
          const e = this.SUBRULE(this.expression);
          this.parts.push(e);
          this.CONSUME(T.MustacheClose);
        },
      },
    ];
    this.MANY(this.part);
    const texts = this.texts;
    if (this.RECORDING_PHASE) return parts[0] as IrNode;
    if (parts.length === 0) return literalNode('', this.textSpan);
    // A lone mustache is typed; text alone is a literal; anything else is a text template.
    if (parts.length === 1 && texts === 0) return parts[0] as IrNode;
    if (parts.length === 1) return literalNode((parts[0] as { value: string }).value, this.textSpan);
    return templateNode(parts, this.textSpan);
  });

  /** part is the template's repetition: one text or one mustache. */
  private readonly part = (): void => this.OR(this.partAlts as IOrAlt<void>[]);

  /** expression = operand ( BinaryOperator operand )* */
  expression = this.RULE('expression', (): IrNode => {
    const first = this.SUBRULE(this.operand);
    const mark = this.operators.length;
    this.MANY(this.binary);
    if (this.operators.length === mark) return first;
    const node = this.RECORDING_PHASE ? first : climb(first, this.operands, this.operators, mark);
    // Popped, not truncated: setting `length` is a runtime call, popping a few entries is not.
    while (this.operators.length > mark) {
      this.operators.pop();
      this.operands.pop();
    }
    return node;
  });

  /** binary is the expression's repetition: it pushes an operator and its right operand above the mark. */
  private readonly binary = (): void => {
    const op = this.CONSUME(T.BinaryOperator);
    const right = this.SUBRULE2(this.operand);
    // Pushed after the operand: any expression nested in it has taken its own entries off again.
    this.operators.push(op);
    this.operands.push(right);
  };

  /**
   * operand = UnaryOperator* primary ( Dot ( Name | BacktickName ) | LBracket expression? RBracket )*
   * Prefix operators bind looser than the postfix chain: `-a.b` is `-(a.b)`.
   */
  operand = this.RULE('operand', (): IrNode => {
    this.prefix = undefined;
    this.MANY(this.unary);
    // Set by `unary` (TypeScript cannot see the callback assign it).
    const prefix = this.prefix as IToken[] | undefined;
    this.postfixOf = this.SUBRULE(this.primary);
    this.postfixAlts ??= [
      {
        ALT: () => {
          const object = this.postfixOf;
          this.CONSUME(T.Dot);
          this.nameAlts ??= [{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.BacktickName) }];
          const t = this.OR2(this.nameAlts);
          if (this.RECORDING_PHASE) return object;
          const name = t.tokenType === T.BacktickName ? (t.payload as string) : t.image;
          return memberNode(object, name, { start: object.span.start, end: (t.endOffset as number) + 1 });
        },
      },
      {
        ALT: () => {
          const object = this.postfixOf;
          this.CONSUME(T.LBracket);
          const index = this.OPTION(this.indexExpression);
          const close = this.CONSUME(T.RBracket);
          if (this.RECORDING_PHASE) return object;
          return indexNode(object, index ?? null, { start: object.span.start, end: (close.endOffset as number) + 1 });
        },
      },
    ];
    this.MANY2(this.postfix);
    let node = this.postfixOf;
    if (prefix && !this.RECORDING_PHASE) {
      for (let k = prefix.length - 1; k >= 0; k--) {
        const t = prefix[k] as IToken;
        node = unaryNode(UNARY.get(t.tokenType) as UnaryOp, node, { start: t.startOffset, end: node.span.end });
      }
    }
    return node;
  });

  /** unary is the operand's prefix repetition (it nests nothing, so `prefix` is the operand's own). */
  private readonly unary = (): void => {
    const t = this.CONSUME(T.UnaryOperator);
    (this.prefix ??= []).push(t);
  };

  /** postfix is the operand's postfix repetition: `postfixOf` becomes the member or index of itself. */
  private readonly postfix = (): void => {
    this.postfixOf = this.OR(this.postfixAlts as IOrAlt<IrNode>[]);
  };

  /** indexExpression is the optional expression between brackets. */
  private readonly indexExpression = (): IrNode => this.SUBRULE(this.expression);

  /** primary = NumberLiteral | StringLiteral | Keyword | Identifier ( LParen arguments? RParen )? | LParen expression RParen */
  primary = this.RULE('primary', (): IrNode => {
    this.primaryAlts ??= [
      {
        ALT: () => {
          const t = this.CONSUME(T.NumberLiteral);
          return this.RECORDING_PHASE ? (t as never) : literalNode(Number(t.image), tokenSpan(t));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.StringLiteral);
          return this.RECORDING_PHASE ? (t as never) : literalNode(t.payload as string, tokenSpan(t));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.Keyword);
          if (this.RECORDING_PHASE) return t as never;
          return t.image === 'emptyarray'
            ? arrayNode([], tokenSpan(t))
            : literalNode(KEYWORD_VALUES[t.image], tokenSpan(t));
        },
      },
      {
        ALT: () => {
          const id = this.CONSUME(T.Identifier);
          this.callee = id;
          const call = this.OPTION2(this.call);
          if (this.RECORDING_PHASE) return id as never;
          return call ?? identNode(id.image, tokenSpan(id));
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen);
          const e = this.SUBRULE2(this.expression);
          this.CONSUME2(T.RParen);
          return e;
        },
      },
    ];
    return this.OR(this.primaryAlts);
  });

  /** call is the optional argument list after a name: the Call of `callee`. */
  private readonly call = (): IrNode => {
    const id = this.callee as IToken;
    this.CONSUME(T.LParen);
    const args = this.OPTION3(this.callArguments) ?? [];
    const close = this.CONSUME(T.RParen);
    if (this.RECORDING_PHASE) return id as never;
    return callNode(id.image, args, { start: id.startOffset, end: (close.endOffset as number) + 1 });
  };

  /** callArguments is the call's optional arguments. */
  private readonly callArguments = (): IrNode[] => this.SUBRULE(this.arguments);

  /** arguments = expression ( Separator expression )* — one call uses one kind of separator */
  arguments = this.RULE('arguments', (): IrNode[] => {
    const args: IrNode[] = [this.SUBRULE(this.expression)];
    let kind: TokenType | undefined;
    this.MANY(() => {
      const sep = this.CONSUME(T.Separator);
      if (!this.RECORDING_PHASE) {
        kind ??= sep.tokenType;
        if (sep.tokenType !== kind) {
          throw new ImlError(
            'syntax/unexpected-token',
            `Unexpected token "${sep.image}": one call separates its arguments either with "," or with ";"`,
            tokenSpan(sep),
          );
        }
      }
      args.push(this.SUBRULE2(this.expression));
    });
    return args;
  });
}
