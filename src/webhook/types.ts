import type { ImlError } from '../source/error.js';

/** WebhookRespond represents a `respond` directive: how the reply to a request is built (SEMANTICS §7). */
export interface WebhookRespond {
  /** `json` (default), `urlencoded` or `text`; a literal, never a template. */
  type?: 'json' | 'urlencoded' | 'text';
  /** A number, or a string (literal decimal text or a template); default 200. */
  status?: number | string;
  /** Header values are templates, numbers or booleans; names are lower-cased in the reply. */
  headers?: Record<string, string | number | boolean>;
  /** Any IML value; serialized according to `type`. */
  body?: unknown;
}

/** WebhookSpec represents a webhook specification in Make's format (the seed's directives). */
export interface WebhookSpec {
  verification?: { condition?: string | boolean; respond?: WebhookRespond };
  condition?: string | boolean;
  iterate?: string | { container: string; condition?: string | boolean };
  uid?: string;
  output?: unknown;
  respond?: WebhookRespond;
}

/** WebhookRequest represents one incoming request, body already parsed (API.md). */
export interface WebhookRequest {
  /** Default "POST"; exposed upper-cased as `method`. */
  method?: string;
  /** Names are matched case-insensitively and exposed lower-cased; an array of values is joined with ", ". */
  headers?: Record<string, string | string[]>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** The webhook's own parameters, exposed as `parameters` and its alias `data`. */
  parameters?: Record<string, unknown>;
}

/** WebhookResponse represents the serialized reply of a request. */
export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** WebhookBundle represents one produced bundle: the output, and the uid when the spec has a `uid` directive. */
export interface WebhookBundle {
  output: unknown;
  uid?: unknown;
}

/** WebhookItemError represents an isolated failure: an item's 0-based container position, or -1 for a dropped header. */
export interface WebhookItemError {
  index: number;
  error: ImlError;
}

/** WebhookResult represents what handle() returns for one request (API.md). */
export interface WebhookResult {
  /** True when verification.condition matched (the reply is the verification reply and there are no bundles). */
  verification: boolean;
  response: WebhookResponse;
  bundles: WebhookBundle[];
  errors: WebhookItemError[];
}

/** WebhookConnection represents a connection of a shared webhook: its id and the uid stored with it. */
export interface WebhookConnection {
  id: string;
  uid: unknown;
}

/** RouteResult represents bundles grouped by connection id, and the bundles no connection claimed. */
export interface RouteResult {
  routed: Map<string, WebhookBundle[]>;
  unrouted: WebhookBundle[];
}
