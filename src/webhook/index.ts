/**
 * The webhook runtime: compileWebhook (spec → CompiledWebhook with handle()), route (shared webhooks) and
 * checkWebhook (every problem of a spec at once, for `iml check`).
 */
export { checkWebhook } from './check.js';
export { type CompiledWebhook, compileWebhook } from './compile.js';
export { route } from './route.js';
export type { SpecReport, WebhookWarning } from './spec.js';
export type {
  RouteResult,
  WebhookBundle,
  WebhookConnection,
  WebhookItemError,
  WebhookRequest,
  WebhookRespond,
  WebhookResponse,
  WebhookResult,
  WebhookSpec,
} from './types.js';
