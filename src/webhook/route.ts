import { render } from '../runtime/render.js';
import type { RouteResult, WebhookBundle, WebhookConnection } from './types.js';

/** uidText returns the text a uid is compared by (SEMANTICS §5 rendering), or undefined for a uid that matches nothing. */
function uidText(uid: unknown): string | undefined {
  if (uid === undefined || uid === null) return undefined;
  const text = render(uid);
  // An empty uid is an unset one: it must not pair bundles with every connection whose uid was never stored.
  return text === '' ? undefined : text;
}

/**
 * route returns the bundles of a shared webhook grouped by connection (SEMANTICS §7): a bundle goes to every
 * connection whose stored uid, as text, equals the bundle's uid as text (so the number 62515 matches "62515").
 * Bundles whose uid is undefined, null or "" or matches no connection are returned in `unrouted`. Order is kept;
 * only connections that receive at least one bundle appear in `routed`.
 * @example
 * route([{ output: 1, uid: 7 }, { output: 2, uid: 8 }], [{ id: 'a', uid: '7' }]);
 * // { routed: Map { 'a' => [{ output: 1, uid: 7 }] }, unrouted: [{ output: 2, uid: 8 }] }
 */
export function route(bundles: readonly WebhookBundle[], connections: readonly WebhookConnection[]): RouteResult {
  const byUid = new Map<string, string[]>();
  for (const connection of connections) {
    const text = uidText(connection.uid);
    if (text === undefined) continue;
    const ids = byUid.get(text);
    if (!ids) byUid.set(text, [connection.id]);
    else if (!ids.includes(connection.id)) ids.push(connection.id);
  }
  const routed = new Map<string, WebhookBundle[]>();
  const unrouted: WebhookBundle[] = [];
  for (const bundle of bundles) {
    const text = uidText(bundle.uid);
    const ids = text === undefined ? undefined : byUid.get(text);
    if (!ids) {
      unrouted.push(bundle);
      continue;
    }
    for (const id of ids) {
      const list = routed.get(id);
      if (list) list.push(bundle);
      else routed.set(id, [bundle]);
    }
  }
  return { routed, unrouted };
}
