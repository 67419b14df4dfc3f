import { type IrNode, type Literal, literalNode, templateNode } from '../ir/nodes.js';
import { render } from '../runtime/render.js';
import type { OptimizeEnv } from './env.js';

/**
 * template returns a text template with adjacent constant parts merged into one text part, and a template made
 * only of constants as that text. Text longer than maxStringLength stays a template, so the run reports it.
 */
export function template(node: IrNode, env: OptimizeEnv): IrNode {
  if (node.kind !== 'Template') return node;
  const parts: IrNode[] = [];
  let run: Literal[] = [];
  const flush = () => {
    const first = run[0];
    if (!first) return;
    const only = run.length === 1 && typeof first.value === 'string';
    const last = run[run.length - 1] as Literal;
    parts.push(
      only
        ? first
        : literalNode(run.map((p) => render(p.value)).join(''), { start: first.span.start, end: last.span.end }),
    );
    run = [];
  };
  for (const part of node.parts) {
    if (part.kind === 'Literal') run.push(part);
    else {
      flush();
      parts.push(part);
    }
  }
  flush();
  const only = parts[0];
  if (parts.length === 1 && only?.kind === 'Literal' && (only.value as string).length <= env.limits.maxStringLength) {
    return literalNode(only.value, node.span);
  }
  const same = parts.length === node.parts.length && parts.every((p, i) => p === node.parts[i]);
  return same ? node : templateNode(parts, node.span);
}
