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

function combine(op: string, left: IrNode, right: IrNode): IrNode {
  const s = { start: left.span.start, end: right.span.end };
  return op === '&&' || op === '||' ? logicalNode(op, left, right, s) : binaryNode(op as BinaryOp, left, right, s);
}

/**
 * climb returns the tree of `operand (op operand)*` with SEMANTICS §2 precedence, every level left-associative.
 * It is one iterative loop (shunting-yard), so a long operator chain never recurses.
 */
function climb(operands: IrNode[], ops: IToken[]): IrNode {
  if (ops.length === 0) return operands[0] as IrNode;
  const values: IrNode[] = [operands[0] as IrNode];
  const pending: string[] = [];
  const reduce = () => {
    const right = values.pop() as IrNode;
    const left = values.pop() as IrNode;
    values.push(combine(pending.pop() as string, left, right));
  };
  for (let i = 0; i < ops.length; i++) {
    const op = OPERATORS.get((ops[i] as IToken).tokenType) as string;
    const level = PRECEDENCE[op] as number;
    while (pending.length > 0 && (PRECEDENCE[pending[pending.length - 1] as string] as number) >= level) reduce();
    pending.push(op);
    values.push(operands[i + 1] as IrNode);
  }
  while (pending.length > 0) reduce();
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
  // Chevrotain's performance guide: cache OR alternatives (4+ alternatives), fields declared in the constructor.
  private primaryAlts: IOrAlt<IrNode>[] | undefined;

  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.primaryAlts = undefined;
    this.performSelfAnalysis();
  }

  /** template = ( Text | MustacheOpen expression MustacheClose )* */
  template = this.RULE('template', (): IrNode => {
    const parts: IrNode[] = [];
    let texts = 0;
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const t = this.CONSUME(T.Text);
            if (!this.RECORDING_PHASE) {
              parts.push(literalNode(t.image, tokenSpan(t)));
              texts++;
            }
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.MustacheOpen);
            parts.push(this.SUBRULE(this.expression));
            this.CONSUME(T.MustacheClose);
          },
        },
      ]);
    });
    if (this.RECORDING_PHASE) return parts[0] as IrNode;
    if (parts.length === 0) return literalNode('', this.textSpan);
    // A lone mustache is typed; text alone is a literal; anything else is a text template.
    if (parts.length === 1 && texts === 0) return parts[0] as IrNode;
    if (parts.length === 1) return literalNode((parts[0] as { value: string }).value, this.textSpan);
    return templateNode(parts, this.textSpan);
  });

  /** expression = operand ( BinaryOperator operand )* */
  expression = this.RULE('expression', (): IrNode => {
    const first = this.SUBRULE(this.operand);
    let operands: IrNode[] | undefined;
    let ops: IToken[] | undefined;
    this.MANY(() => {
      const op = this.CONSUME(T.BinaryOperator);
      const right = this.SUBRULE2(this.operand);
      (ops ??= []).push(op);
      (operands ??= [first]).push(right);
    });
    return ops && !this.RECORDING_PHASE ? climb(operands as IrNode[], ops) : first;
  });

  /**
   * operand = UnaryOperator* primary ( Dot ( Name | BacktickName ) | LBracket expression? RBracket )*
   * Prefix operators bind looser than the postfix chain: `-a.b` is `-(a.b)`.
   */
  operand = this.RULE('operand', (): IrNode => {
    let prefix: IToken[] | undefined;
    this.MANY(() => {
      const t = this.CONSUME(T.UnaryOperator);
      (prefix ??= []).push(t);
    });
    let node = this.SUBRULE(this.primary);
    this.MANY2(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            const t = this.OR2([{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.BacktickName) }]);
            if (!this.RECORDING_PHASE) {
              const name = t.tokenType === T.BacktickName ? (t.payload as string) : t.image;
              node = memberNode(node, name, { start: node.span.start, end: (t.endOffset as number) + 1 });
            }
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            const index = this.OPTION(() => this.SUBRULE(this.expression));
            const close = this.CONSUME(T.RBracket);
            if (!this.RECORDING_PHASE) {
              node = indexNode(node, index ?? null, { start: node.span.start, end: (close.endOffset as number) + 1 });
            }
          },
        },
      ]);
    });
    if (prefix && !this.RECORDING_PHASE) {
      for (let k = prefix.length - 1; k >= 0; k--) {
        const t = prefix[k] as IToken;
        node = unaryNode(UNARY.get(t.tokenType) as UnaryOp, node, { start: t.startOffset, end: node.span.end });
      }
    }
    return node;
  });

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
          let args: IrNode[] | undefined;
          let end = 0;
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            args = this.OPTION3(() => this.SUBRULE(this.arguments)) ?? [];
            end = (this.CONSUME(T.RParen).endOffset as number) + 1;
          });
          if (this.RECORDING_PHASE) return id as never;
          return args ? callNode(id.image, args, { start: id.startOffset, end }) : identNode(id.image, tokenSpan(id));
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
