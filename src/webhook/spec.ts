import { childPath } from '../parser/parse.js';
import { kindOf } from '../runtime/value.js';
import { ImlError } from '../source/error.js';

/** WebhookWarning represents a spec problem that does not stop compilation (an ignored key). */
export interface WebhookWarning {
  path: string;
  message: string;
}

/** SpecReport represents every problem validateSpec found: errors (`webhook/invalid-spec`) and warnings. */
export interface SpecReport {
  errors: ImlError[];
  warnings: WebhookWarning[];
}

/** RESPOND_TYPES represents the accepted spellings of `respond.type`. */
export const RESPOND_TYPES: readonly string[] = ['json', 'urlencoded', 'text'];

const TOP_LEVEL_KEYS = ['verification', 'condition', 'iterate', 'uid', 'output', 'respond'];
const VERIFICATION_KEYS = ['condition', 'respond'];
const ITERATE_KEYS = ['container', 'condition'];
const RESPOND_KEYS = ['type', 'status', 'headers', 'body'];

/** STATUS_TEXT represents the decimal text of a status code in 100..999. */
export const STATUS_TEXT = /^[1-9][0-9]{2}$/;

const hasOwn = Object.prototype.hasOwnProperty;

/** ownField returns an own property of a JSON object (undefined when absent or inherited). */
export function ownField(obj: object, key: string): unknown {
  return hasOwn.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** isSpecObject returns whether a spec value is a JSON object (a plain object, not an array or null). */
export function isSpecObject(v: unknown): v is Record<string, unknown> {
  return kindOf(v) === 'object';
}

/** invalidSpec returns the `webhook/invalid-spec` error of a spec value at a JSON path. */
export function invalidSpec(reason: string, path: string): ImlError {
  return new ImlError('webhook/invalid-spec', reason, undefined, { path });
}

type JsonType = 'string' | 'boolean' | 'number' | 'object';

function describe(v: unknown): string {
  const kind = kindOf(v);
  return kind === 'other' ? typeof v : kind;
}

/** Checker accumulates every problem of one spec, so `iml check` can report them all in one run. */
class Checker {
  readonly errors: ImlError[] = [];
  readonly warnings: WebhookWarning[] = [];

  /** typed records an error unless the value is one of the JSON types; returns whether it is. */
  typed(v: unknown, types: readonly JsonType[], path: string, what: string): boolean {
    const kind = kindOf(v);
    if ((types as readonly string[]).includes(kind)) return true;
    const list = types.length === 1 ? `a ${types[0]}` : `a ${types.slice(0, -1).join(', ')} or ${types.at(-1)}`;
    this.errors.push(invalidSpec(`${what} must be ${list}, not ${describe(v)}`, path));
    return false;
  }

  unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: string, where: string): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) {
        this.warnings.push({
          path: childPath(path, key),
          message: `Unknown key ${JSON.stringify(key)} in ${where} is ignored`,
        });
      }
    }
  }

  condition(v: unknown, path: string, what: string): void {
    if (v !== undefined) this.typed(v, ['string', 'boolean'], path, what);
  }

  respond(v: unknown, path: string, what: string): void {
    if (!this.typed(v, ['object'], path, what)) return;
    const r = v as Record<string, unknown>;
    this.unknownKeys(r, RESPOND_KEYS, path, what);
    const type = ownField(r, 'type');
    if (type !== undefined && (typeof type !== 'string' || !RESPOND_TYPES.includes(type))) {
      const shown = typeof type === 'string' ? JSON.stringify(type) : describe(type);
      this.errors.push(
        invalidSpec(`${what}.type must be "json", "urlencoded" or "text", not ${shown}`, `${path}.type`),
      );
    }
    this.status(ownField(r, 'status'), `${path}.status`, `${what}.status`);
    const headers = ownField(r, 'headers');
    if (headers !== undefined && this.typed(headers, ['object'], `${path}.headers`, `${what}.headers`)) {
      for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
        const at = childPath(`${path}.headers`, name);
        this.typed(value, ['string', 'number', 'boolean'], at, `Header ${JSON.stringify(name)}`);
      }
    }
  }

  /** status checks the JSON type and, for a template-free value, the range 100..999. */
  status(v: unknown, path: string, what: string): void {
    if (v === undefined || !this.typed(v, ['number', 'string'], path, what)) return;
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 100 || v > 999) {
        this.errors.push(invalidSpec(`${what} must be an integer from 100 to 999, not ${v}`, path));
      }
    } else if (!(v as string).includes('{{') && !STATUS_TEXT.test(v as string)) {
      this.errors.push(
        invalidSpec(`${what} must be a template or an integer from 100 to 999, not ${JSON.stringify(v)}`, path),
      );
    }
  }

  iterate(v: unknown): void {
    if (!this.typed(v, ['string', 'object'], '$.iterate', 'iterate')) return;
    if (typeof v === 'string') return;
    const it = v as Record<string, unknown>;
    this.unknownKeys(it, ITERATE_KEYS, '$.iterate', 'iterate');
    const container = ownField(it, 'container');
    if (container === undefined) {
      this.errors.push(invalidSpec('iterate.container is required when iterate is an object', '$.iterate.container'));
    } else {
      this.typed(container, ['string'], '$.iterate.container', 'iterate.container');
    }
    this.condition(ownField(it, 'condition'), '$.iterate.condition', 'iterate.condition');
  }

  verification(v: unknown): void {
    if (!this.typed(v, ['object'], '$.verification', 'verification')) return;
    const ver = v as Record<string, unknown>;
    this.unknownKeys(ver, VERIFICATION_KEYS, '$.verification', 'verification');
    this.condition(ownField(ver, 'condition'), '$.verification.condition', 'verification.condition');
    const respond = ownField(ver, 'respond');
    if (respond !== undefined) this.respond(respond, '$.verification.respond', 'verification.respond');
  }
}

/**
 * validateSpec returns every structural problem of a webhook spec (SEMANTICS §7 "Valid spec"): each directive's
 * JSON type, the `respond.type` enum, a literal status in 100..999, a required `iterate.container`. Unknown keys
 * are warnings. Templates are not compiled here.
 */
export function validateSpec(spec: unknown): SpecReport {
  const c = new Checker();
  if (!c.typed(spec, ['object'], '$', 'A webhook spec')) return c;
  const s = spec as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      c.warnings.push({
        path: childPath('$', key),
        message: `Unknown top-level key ${JSON.stringify(key)} is ignored`,
      });
    }
  }
  const verification = ownField(s, 'verification');
  if (verification !== undefined) c.verification(verification);
  c.condition(ownField(s, 'condition'), '$.condition', 'condition');
  const iterate = ownField(s, 'iterate');
  if (iterate !== undefined) c.iterate(iterate);
  const uid = ownField(s, 'uid');
  if (uid !== undefined) c.typed(uid, ['string'], '$.uid', 'uid');
  const respond = ownField(s, 'respond');
  if (respond !== undefined) c.respond(respond, '$.respond', 'respond');
  return c;
}
