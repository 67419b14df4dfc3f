import { describe, expect, it } from 'vitest';
import { type IrNode, literalNode, unaryNode } from '../../src/ir/nodes.js';
import { print } from '../../src/ir/print.js';
import {
  children,
  countNodes,
  exceedsDepth,
  mapChildren,
  replace,
  transform,
  withoutSpans,
} from '../../src/ir/walk.js';
import { parseTemplate, parseValue } from '../../src/parser/parse.js';

const expr = (text: string) => parseTemplate(`{{${text}}}`);

describe('children', () => {
  it('lists direct children in evaluation order', () => {
    expect(children(expr('a.b[c]')).map(print)).toEqual(['a.b', 'c']);
    expect(children(expr('a[]')).map(print)).toEqual(['a']);
    expect(children(expr('f(1, x, "y")')).map(print)).toEqual(['1', 'x', "'y'"]);
    expect(children(expr('a && b')).map(print)).toEqual(['a', 'b']);
    expect(children(expr('-a')).map(print)).toEqual(['a']);
    expect(children(expr('1'))).toEqual([]);
    expect(children(parseTemplate('x{{a}}')).map(print)).toEqual(["'x'", 'a']);
    expect(children(parseValue({ k: '{{a}}', '{{...}}': '{{b}}' }).ir).map(print)).toEqual(['a', 'b']);
    expect(children(parseValue([1, '{{a}}']).ir).map(print)).toEqual(['1', 'a']);
  });
});

describe('mapChildren and transform', () => {
  it('mapChildren returns the very same node when no child changed', () => {
    for (const text of ['a.b', 'a[1]', 'a[]', '-a', 'a + b', 'a || b', 'f(a)', '1']) {
      const node = expr(text);
      expect(mapChildren(node, (c) => c)).toBe(node);
    }
    const value = parseValue({ a: ['{{x}}'] }).ir;
    expect(mapChildren(value, (c) => c)).toBe(value);
  });

  it('mapChildren copies only the changed node', () => {
    const node = expr('f(a, b)');
    const out = mapChildren(node, (c) => (print(c) === 'b' ? literalNode(2, c.span) : c));
    expect(print(out)).toBe('f(a, 2)');
    expect(print(node)).toBe('f(a, b)');
  });

  it('transform rewrites bottom-up: a parent sees its rewritten children', () => {
    const seen: string[] = [];
    const out = transform(expr('-(1 + 2) * 3'), (n) => {
      seen.push(print(n));
      return n.kind === 'Literal' && typeof n.value === 'number' ? literalNode(n.value * 10, n.span) : n;
    });
    expect(print(out)).toBe('-(10 + 20) * 30');
    expect(seen).toEqual(['1', '2', '10 + 20', '-(10 + 20)', '3', '-(10 + 20) * 30']);
  });

  it('replace keeps the span of the node it replaces', () => {
    const prev = expr('  a + b');
    const next = replace(prev, literalNode(3, { start: 0, end: 0 }));
    expect(next.span).toEqual(prev.span);
    const same = literalNode(1, prev.span);
    expect(replace(prev, same)).toBe(same);
  });
});

describe('depth and size', () => {
  it('exceedsDepth finds a node deeper than the limit without recursion', () => {
    let deep: IrNode = literalNode(1, { start: 0, end: 0 });
    for (let i = 0; i < 100_000; i++) deep = unaryNode('-', deep, { start: 0, end: 0 });
    expect(exceedsDepth(deep, 256)).toBeDefined();
    expect(exceedsDepth(expr('(1 + 2) * 3'), 3)).toBeUndefined();
    expect(print(exceedsDepth(expr('(1 + 2) * 3'), 2) as IrNode)).toMatch(/^[12]$/);
  });

  it('countNodes counts every node', () => {
    expect(countNodes(expr('a.b + f(1, c[])'))).toBe(7);
    expect(countNodes(expr('x'))).toBe(1);
  });

  it('withoutSpans zeroes every span and keeps the original', () => {
    const node = expr('a + f(b)');
    const flat = withoutSpans(node);
    const spans: unknown[] = [];
    const collect = (n: IrNode) => {
      spans.push(n.span);
      children(n).forEach(collect);
    };
    collect(flat);
    expect(spans.every((s) => JSON.stringify(s) === '{"start":0,"end":0}')).toBe(true);
    expect(node.span).toEqual({ start: 2, end: 10 });
    expect(print(flat)).toBe(print(node));
  });
});
