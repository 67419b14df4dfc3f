import type { Span } from '../source/span.js';

/** LiteralValue represents the constant values a Literal node can hold. */
export type LiteralValue = string | number | boolean | null | undefined;

/** Literal represents a number, string or keyword constant (also the JSON scalars of an IML value). */
export interface Literal {
  kind: 'Literal';
  span: Span;
  value: LiteralValue;
}

/** Ident represents a root name: a context variable (`body`) or a built-in variable (`now`). */
export interface Ident {
  kind: 'Ident';
  span: Span;
  name: string;
}

/** Member represents `object.name` or ``object.`any name` ``. */
export interface Member {
  kind: 'Member';
  span: Span;
  object: IrNode;
  name: string;
}

/** Index represents `object[index]`; a null index is `object[]` (the first element). */
export interface Index {
  kind: 'Index';
  span: Span;
  object: IrNode;
  index: IrNode | null;
}

/** UnaryOp represents the prefix operators of SEMANTICS §2. */
export type UnaryOp = '!' | '-' | '+';

/** Unary represents `!x`, `-x` or `+x`. */
export interface Unary {
  kind: 'Unary';
  span: Span;
  op: UnaryOp;
  operand: IrNode;
}

/** BinaryOp represents the strict (non-short-circuit) binary operators; `=` stands for `=`/`==`/`===`, `!=` for `!=`/`!==`. */
export type BinaryOp = '*' | '/' | '%' | '+' | '-' | '++' | '<' | '<=' | '>' | '>=' | '=' | '!=';

/** Binary represents a strict binary operation. */
export interface Binary {
  kind: 'Binary';
  span: Span;
  op: BinaryOp;
  left: IrNode;
  right: IrNode;
}

/** LogicalOp represents the short-circuit operators (`&` is `&&`, `|` is `||`). */
export type LogicalOp = '&&' | '||';

/** Logical represents `a && b` or `a || b`, returning the deciding operand. */
export interface Logical {
  kind: 'Logical';
  span: Span;
  op: LogicalOp;
  left: IrNode;
  right: IrNode;
}

/** Call represents `name(args)`; its span starts at the function name. */
export interface Call {
  kind: 'Call';
  span: Span;
  name: string;
  args: IrNode[];
}

/** Template represents a text template: literal text and rendered expressions concatenated. */
export interface Template {
  kind: 'Template';
  span: Span;
  parts: IrNode[];
}

/** ArrayNode represents an IML array value (or `emptyarray`): a fresh array of its evaluated items. */
export interface ArrayNode {
  kind: 'Array';
  span: Span;
  items: IrNode[];
}

/** ObjectEntry represents one property of an IML object value; `spread` is the `"{{...}}"` key. */
export interface ObjectEntry {
  key: string;
  value: IrNode;
  spread: boolean;
}

/** ObjectNode represents an IML object value: a fresh object of its evaluated properties. */
export interface ObjectNode {
  kind: 'Object';
  span: Span;
  entries: ObjectEntry[];
}

/** IrNode represents every node of the intermediate representation. */
export type IrNode =
  | Literal
  | Ident
  | Member
  | Index
  | Unary
  | Binary
  | Logical
  | Call
  | Template
  | ArrayNode
  | ObjectNode;

/** IrKind represents the `kind` tags of IrNode. */
export type IrKind = IrNode['kind'];

/** literalNode returns a Literal node. */
export function literalNode(value: LiteralValue, span: Span): Literal {
  return { kind: 'Literal', span, value };
}

/** identNode returns an Ident node. */
export function identNode(name: string, span: Span): Ident {
  return { kind: 'Ident', span, name };
}

/** memberNode returns a Member node. */
export function memberNode(object: IrNode, name: string, span: Span): Member {
  return { kind: 'Member', span, object, name };
}

/** indexNode returns an Index node. */
export function indexNode(object: IrNode, index: IrNode | null, span: Span): Index {
  return { kind: 'Index', span, object, index };
}

/** unaryNode returns a Unary node. */
export function unaryNode(op: UnaryOp, operand: IrNode, span: Span): Unary {
  return { kind: 'Unary', span, op, operand };
}

/** binaryNode returns a Binary node. */
export function binaryNode(op: BinaryOp, left: IrNode, right: IrNode, span: Span): Binary {
  return { kind: 'Binary', span, op, left, right };
}

/** logicalNode returns a Logical node. */
export function logicalNode(op: LogicalOp, left: IrNode, right: IrNode, span: Span): Logical {
  return { kind: 'Logical', span, op, left, right };
}

/** callNode returns a Call node. */
export function callNode(name: string, args: IrNode[], span: Span): Call {
  return { kind: 'Call', span, name, args };
}

/** templateNode returns a Template node. */
export function templateNode(parts: IrNode[], span: Span): Template {
  return { kind: 'Template', span, parts };
}

/** arrayNode returns an Array node. */
export function arrayNode(items: IrNode[], span: Span): ArrayNode {
  return { kind: 'Array', span, items };
}

/** objectNode returns an Object node. */
export function objectNode(entries: ObjectEntry[], span: Span): ObjectNode {
  return { kind: 'Object', span, entries };
}
