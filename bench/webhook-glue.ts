// The webhook runtime a user of an expression engine would write around it: build the variables of a request, run
// the directives (verification, condition, iterate, uid, output, respond) as SEMANTICS §7 orders them, serialize
// the reply. The peers and the reference interpreter run through it; the VM runs through compileWebhook().handle().
// A sync and an async copy, because jsonata's evaluate() returns a Promise and sync peers must not pay for awaits.
import type { Fn } from './engines.js';

/** Respond represents a compiled `respond` directive: its serialization, status and body expression. */
export interface Respond {
  type: 'json' | 'urlencoded' | 'text';
  status?: number;
  body?: Fn;
}

/**
 * Directives represents a webhook spec's directives compiled by one engine. `outputs` replaces container,
 * itemCondition and output for engines that filter and map a whole collection in one expression.
 */
export interface Directives {
  verification?: { condition: Fn; respond?: Respond };
  condition?: Fn;
  container?: Fn;
  itemCondition?: Fn;
  uid?: Fn;
  output?: Fn;
  outputs?: Fn;
  respond?: Respond;
}

/** Bundle represents one produced bundle. */
export interface Bundle {
  output: unknown;
  uid?: unknown;
}

/** Result represents what a handler returns for a request (the WebhookResult of API.md, with no item errors). */
export interface Result {
  verification: boolean;
  response: { status: number; headers: Record<string, string>; body: string };
  bundles: Bundle[];
  errors: never[];
}

/** Request represents a recorded request: {method, headers, query, body, parameters}. */
export type Request = Record<string, unknown>;

const CONTENT_TYPE = { json: 'application/json', urlencoded: 'application/x-www-form-urlencoded', text: 'text/plain' };

/** requestContext returns the variables of a request: lower-cased headers, method, query, body, parameters/data. */
export function requestContext(request: Request): Record<string, unknown> {
  const headers: Record<string, string> = {};
  const raw = (request.headers ?? {}) as Record<string, string>;
  for (const name of Object.keys(raw)) headers[name.toLowerCase()] = raw[name] as string;
  const parameters = (request.parameters ?? {}) as Record<string, unknown>;
  return {
    body: request.body,
    query: request.query ?? {},
    headers,
    method: typeof request.method === 'string' ? request.method.toUpperCase() : 'POST',
    parameters,
    data: parameters,
    environment: {},
  };
}

/** serialize returns a reply body as its respond type writes it (urlencoded: flat objects only, as in the examples). */
export function serialize(type: Respond['type'], body: unknown): string {
  if (body === undefined || body === null) return '';
  if (type === 'json') return JSON.stringify(body);
  if (type === 'text') return String(body);
  return Object.entries(body as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** reply returns the response of a respond directive whose body is already evaluated. */
export function reply(respond: Respond | undefined, body: unknown): Result['response'] {
  if (!respond) return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Accepted' };
  return {
    status: respond.status ?? 200,
    headers: { 'content-type': CONTENT_TYPE[respond.type] },
    body: serialize(respond.type, body),
  };
}

function asItems(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

/** handle returns the Result of a request for directives whose expressions are synchronous. */
export function handle(d: Directives, request: Request): Result {
  const base = requestContext(request);
  const v = d.verification;
  if (v?.condition(base)) {
    return { verification: true, response: reply(v.respond, v.respond?.body?.(base)), bundles: [], errors: [] };
  }
  const bundles: Bundle[] = [];
  if (!d.condition || d.condition(base)) {
    if (d.outputs) {
      for (const output of asItems(d.outputs(base))) bundles.push({ output });
    } else {
      for (const item of d.container ? asItems(d.container(base)) : [base.body]) {
        const ctx = { ...base, item };
        if (d.itemCondition && !d.itemCondition(ctx)) continue;
        const output = d.output ? d.output(ctx) : item;
        bundles.push(d.uid ? { output, uid: d.uid(ctx) } : { output });
      }
    }
  }
  return { verification: false, response: reply(d.respond, d.respond?.body?.(base)), bundles, errors: [] };
}

/** handleAsync returns the Result of a request for directives whose expressions return Promises (each awaited). */
export async function handleAsync(d: Directives, request: Request): Promise<Result> {
  const base = requestContext(request);
  const v = d.verification;
  if (v && (await v.condition(base))) {
    const body = v.respond?.body ? await v.respond.body(base) : undefined;
    return { verification: true, response: reply(v.respond, body), bundles: [], errors: [] };
  }
  const bundles: Bundle[] = [];
  if (!d.condition || (await d.condition(base))) {
    if (d.outputs) {
      for (const output of asItems(await d.outputs(base))) bundles.push({ output });
    } else {
      for (const item of d.container ? asItems(await d.container(base)) : [base.body]) {
        const ctx = { ...base, item };
        if (d.itemCondition && !(await d.itemCondition(ctx))) continue;
        const output = d.output ? await d.output(ctx) : item;
        bundles.push(d.uid ? { output, uid: await d.uid(ctx) } : { output });
      }
    }
  }
  const body = d.respond?.body ? await d.respond.body(base) : undefined;
  return { verification: false, response: reply(d.respond, body), bundles, errors: [] };
}
