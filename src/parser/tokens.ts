import { createToken, Lexer, type TokenType } from 'chevrotain';

// Tokens are produced by the char-code lexer in lexer.ts (about 4x faster than Chevrotain's own lexer), so every
// pattern is Lexer.NA: Chevrotain only uses these types, their names and their categories.
const token = (name: string, label: string, categories: TokenType[] = []): TokenType =>
  createToken({ name, label, pattern: Lexer.NA, categories });

/** BinaryOperator represents the category of every binary operator token. */
export const BinaryOperator = token('BinaryOperator', 'binary operator');
/** UnaryOperator represents the category of the prefix operator tokens `!`, `-`, `+`. */
export const UnaryOperator = token('UnaryOperator', 'unary operator');
/** Name represents the category of tokens that may follow a `.`: identifiers and keywords. */
export const Name = token('Name', 'name');
/** Separator represents the category of argument separators `,` and `;`. */
export const Separator = token('Separator', 'separator');

/** Text represents literal template text outside mustaches. */
export const Text = token('Text', 'text');
/** MustacheOpen represents `{{`. */
export const MustacheOpen = token('MustacheOpen', "'{{'");
/** MustacheClose represents `}}`. */
export const MustacheClose = token('MustacheClose', "'}}'");
/** NumberLiteral represents `12`, `1.5`, `1e3`. */
export const NumberLiteral = token('NumberLiteral', 'number');
/** StringLiteral represents `'…'` or `"…"`; the decoded value is the token payload. */
export const StringLiteral = token('StringLiteral', 'string');
/** BacktickName represents `` `any text` ``; the decoded name is the token payload. */
export const BacktickName = token('BacktickName', 'backtick name');
/** Identifier represents `[A-Za-z_$][A-Za-z0-9_$]*` that is not a keyword. */
export const Identifier = token('Identifier', 'identifier', [Name]);
/** Keyword represents `true`, `null`, `emptystring`, … (SEMANTICS §4); the value is the token payload. */
export const Keyword = token('Keyword', 'keyword', [Name]);
/** LParen represents `(`. */
export const LParen = token('LParen', "'('");
/** RParen represents `)`. */
export const RParen = token('RParen', "')'");
/** LBracket represents `[`. */
export const LBracket = token('LBracket', "'['");
/** RBracket represents `]`. */
export const RBracket = token('RBracket', "']'");
/** Dot represents `.`. */
export const Dot = token('Dot', "'.'");
/** Comma represents `,`. */
export const Comma = token('Comma', "','", [Separator]);
/** Semicolon represents `;` (Make's scenario dialect). */
export const Semicolon = token('Semicolon', "';'", [Separator]);

/** Bang represents `!`. */
export const Bang = token('Bang', "'!'", [UnaryOperator]);
/** Minus represents `-`, unary or binary. */
export const Minus = token('Minus', "'-'", [UnaryOperator, BinaryOperator]);
/** Plus represents `+`, unary or binary. */
export const Plus = token('Plus', "'+'", [UnaryOperator, BinaryOperator]);
/** PlusPlus represents `++`, the forced numeric addition. */
export const PlusPlus = token('PlusPlus', "'++'", [BinaryOperator]);
/** Star represents `*`. */
export const Star = token('Star', "'*'", [BinaryOperator]);
/** Slash represents `/`. */
export const Slash = token('Slash', "'/'", [BinaryOperator]);
/** Percent represents `%`. */
export const Percent = token('Percent', "'%'", [BinaryOperator]);
/** Less represents `<`. */
export const Less = token('Less', "'<'", [BinaryOperator]);
/** LessEqual represents `<=`. */
export const LessEqual = token('LessEqual', "'<='", [BinaryOperator]);
/** Greater represents `>`. */
export const Greater = token('Greater', "'>'", [BinaryOperator]);
/** GreaterEqual represents `>=`. */
export const GreaterEqual = token('GreaterEqual', "'>='", [BinaryOperator]);
/** Equal represents `=`, `==` and `===` (one operator). */
export const Equal = token('Equal', "'='", [BinaryOperator]);
/** NotEqual represents `!=` and `!==` (one operator). */
export const NotEqual = token('NotEqual', "'!='", [BinaryOperator]);
/** And represents `&&` and `&`. */
export const And = token('And', "'&&'", [BinaryOperator]);
/** Or represents `||` and `|`. */
export const Or = token('Or', "'||'", [BinaryOperator]);

/** allTokens represents the parser's vocabulary. */
export const allTokens: TokenType[] = [
  BinaryOperator,
  UnaryOperator,
  Name,
  Separator,
  Text,
  MustacheOpen,
  MustacheClose,
  NumberLiteral,
  StringLiteral,
  BacktickName,
  Identifier,
  Keyword,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Dot,
  Comma,
  Semicolon,
  Bang,
  Minus,
  Plus,
  PlusPlus,
  Star,
  Slash,
  Percent,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Equal,
  NotEqual,
  And,
  Or,
];
