import type { IrNode } from './nodes.js';

/** children returns the direct child nodes of a node, in evaluation order. */
export function children(node: IrNode): IrNode[] {
  switch (node.kind) {
    case 'Literal':
    case 'Ident':
      return [];
    case 'Member':
      return [node.object];
    case 'Index':
      return node.index ? [node.object, node.index] : [node.object];
    case 'Unary':
      return [node.operand];
    case 'Binary':
    case 'Logical':
      return [node.left, node.right];
    case 'Call':
      return node.args;
    case 'Template':
      return node.parts;
    case 'Array':
      return node.items;
    case 'Object':
      return node.entries.map((e) => e.value);
  }
}

/** mapChildren returns the node with each child replaced by fn(child); the node itself when nothing changed. */
export function mapChildren(node: IrNode, fn: (child: IrNode) => IrNode): IrNode {
  switch (node.kind) {
    case 'Literal':
    case 'Ident':
      return node;
    case 'Member': {
      const object = fn(node.object);
      return object === node.object ? node : { ...node, object };
    }
    case 'Index': {
      const object = fn(node.object);
      const index = node.index ? fn(node.index) : null;
      return object === node.object && index === node.index ? node : { ...node, object, index };
    }
    case 'Unary': {
      const operand = fn(node.operand);
      return operand === node.operand ? node : { ...node, operand };
    }
    case 'Binary':
    case 'Logical': {
      const left = fn(node.left);
      const right = fn(node.right);
      return left === node.left && right === node.right ? node : { ...node, left, right };
    }
    case 'Call': {
      const args = mapList(node.args, fn);
      return args === node.args ? node : { ...node, args };
    }
    case 'Template': {
      const parts = mapList(node.parts, fn);
      return parts === node.parts ? node : { ...node, parts };
    }
    case 'Array': {
      const items = mapList(node.items, fn);
      return items === node.items ? node : { ...node, items };
    }
    case 'Object': {
      let changed = false;
      const entries = node.entries.map((e) => {
        const value = fn(e.value);
        if (value === e.value) return e;
        changed = true;
        return { ...e, value };
      });
      return changed ? { ...node, entries } : node;
    }
  }
}

function mapList(list: IrNode[], fn: (child: IrNode) => IrNode): IrNode[] {
  let out: IrNode[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as IrNode;
    const n = fn(c);
    if (n !== c && !out) out = list.slice(0, i);
    if (out) out.push(n);
  }
  return out ?? list;
}

/** transform returns the tree rewritten bottom-up: fn sees each node after its children were transformed. */
export function transform(node: IrNode, fn: (node: IrNode) => IrNode): IrNode {
  return fn(mapChildren(node, (c) => transform(c, fn)));
}

/** replace returns `next` carrying the span of `prev`, so a rewrite keeps pointing at the original source. */
export function replace<T extends IrNode>(prev: IrNode, next: T): T {
  return next.span === prev.span ? next : { ...next, span: prev.span };
}

/**
 * exceedsDepth returns the first node found deeper than `max` levels, or undefined. It walks with an explicit
 * stack, so a 100 000-level tree is measured without recursion.
 */
export function exceedsDepth(root: IrNode, max: number): IrNode | undefined {
  const nodes: IrNode[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop() as IrNode;
    const depth = depths.pop() as number;
    if (depth > max) return node;
    for (const c of children(node)) {
      nodes.push(c);
      depths.push(depth + 1);
    }
  }
  return undefined;
}

/** countNodes returns the number of nodes in a tree. */
export function countNodes(root: IrNode): number {
  let n = 1;
  for (const c of children(root)) n += countNodes(c);
  return n;
}

/** withoutSpans returns a deep copy of the tree with every span set to {0,0}, for structural comparison. */
export function withoutSpans(node: IrNode): IrNode {
  return { ...mapChildren(node, withoutSpans), span: { start: 0, end: 0 } } as IrNode;
}
