// FUNCTIONS.md §2, binary functions: base64, toBinary, toString, and the digests through node:crypto.
import { createHash, createHmac } from 'node:crypto';
import { bytes, describe, text } from '../convert.js';
import { typeError } from '../errors.js';
import { binaryText } from '../render.js';
import { type Builtin, strict } from './registry.js';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** toBuffer returns a Node Buffer view of bytes (no copy). */
function toBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** encodingName returns an encoding argument as lower-case text, or `fallback` when it is absent. */
function encodingName(v: unknown, fallback: string): string {
  if (v === undefined || v === null || v === '') return fallback;
  return text(v).toLowerCase();
}

/** decodeHex returns the bytes of hex text (even length, hex digits only). */
function decodeHex(s: string, fn: string): Buffer {
  if (!HEX.test(s)) throw typeError(`${fn}() got malformed hex ${describe(s)}`);
  return Buffer.from(s, 'hex');
}

/** decodeBase64 returns the bytes of standard or URL-safe Base64 text (padding optional, whitespace ignored). */
function decodeBase64(s: string, fn: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  const body = clean.replace(/=+$/, '');
  const padded = clean.length !== body.length;
  if (!BASE64.test(clean) || body.length % 4 === 1 || (padded && clean.length % 4 !== 0)) {
    throw typeError(`${fn}() got malformed Base64 ${describe(s)}`);
  }
  return Buffer.from(body, 'base64');
}

/** toBinary returns a buffer: a copy of a buffer argument, else the text decoded with the encoding. */
function toBinary(value: unknown, encoding: unknown): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value);
  const s = text(value);
  const enc = encodingName(encoding, 'utf8');
  switch (enc) {
    case 'utf8':
    case 'utf-8':
      return Buffer.from(s, 'utf8');
    case 'hex':
      return decodeHex(s, 'toBinary');
    case 'base64':
      return decodeBase64(s, 'toBinary');
    case 'latin1':
    case 'binary':
    case 'ascii':
      return Buffer.from(s, 'latin1');
    default:
      throw typeError(`toBinary() does not know the encoding ${describe(encoding)}`);
  }
}

/** toText returns a buffer decoded with an encoding, or any other value's text (the encoding ignored). */
function toText(value: unknown, encoding: unknown): string {
  if (!(value instanceof Uint8Array)) return text(value);
  const buf = toBuffer(value);
  switch (encodingName(encoding, 'utf8')) {
    case 'utf8':
    case 'utf-8':
      return binaryText(buf);
    case 'hex':
      return buf.toString('hex');
    case 'base64':
      return buf.toString('base64');
    case 'latin1':
    case 'binary':
      return buf.toString('latin1');
    case 'ascii': {
      const low = Buffer.from(buf);
      for (let i = 0; i < low.length; i++) low[i] = (low[i] as number) & 0x7f;
      return low.toString('latin1');
    }
    default:
      throw typeError(`toString() does not know the encoding ${describe(encoding)}`);
  }
}

/** digestEncoding returns the output encoding of a digest: hex (default), base64 or latin1. */
function digestEncoding(v: unknown, fn: string): 'hex' | 'base64' | 'latin1' {
  const enc = encodingName(v, 'hex');
  if (enc === 'hex' || enc === 'base64' || enc === 'latin1') return enc;
  if (enc === 'binary') return 'latin1';
  throw typeError(`${fn}() does not know the digest encoding ${describe(v)}`);
}

/** hmacKey returns the key bytes of an HMAC by keyEncoding: text (default), hex, base64, or binary (a buffer). */
function hmacKey(key: unknown, keyEncoding: unknown, fn: string): Buffer {
  switch (encodingName(keyEncoding, 'text')) {
    case 'text':
      return toBuffer(bytes(key));
    case 'hex':
      return decodeHex(text(key), fn);
    case 'base64':
      return decodeBase64(text(key), fn);
    case 'binary':
      if (key instanceof Uint8Array) return toBuffer(key);
      throw typeError(`${fn}() with key encoding "binary" needs a binary key, got ${describe(key)}`);
    default:
      throw typeError(`${fn}() does not know the key encoding ${describe(keyEncoding)}`);
  }
}

/** digest returns the hash (or, with a key that is not absent, the HMAC) of a value's bytes. */
function digest(algorithm: string, fn: string, args: readonly unknown[]): string {
  const [value, encoding, key, keyEncoding] = args;
  const out = digestEncoding(encoding, fn);
  const data = toBuffer(bytes(value));
  // An empty key text counts as no key: an unset parameter renders as "" and means "no HMAC".
  if (key === undefined || key === null || key === '') {
    return createHash(algorithm).update(data).digest().toString(out);
  }
  return createHmac(algorithm, hmacKey(key, keyEncoding, fn))
    .update(data)
    .digest()
    .toString(out);
}

/** binaryBuiltins represents the binary functions of FUNCTIONS.md §2. */
export const binaryBuiltins: Builtin[] = [
  strict('base64', 1, 1, (_ctx, v) => toBuffer(bytes(v)).toString('base64')),
  strict('toBinary', 1, 2, (_ctx, v, encoding) => toBinary(v, encoding)),
  strict('toString', 1, 2, (_ctx, v, encoding) => toText(v, encoding)),
  strict('md5', 1, 1, (_ctx, v) =>
    createHash('md5')
      .update(toBuffer(bytes(v)))
      .digest('hex'),
  ),
  strict('sha1', 1, 4, (_ctx, ...args) => digest('sha1', 'sha1', args)),
  strict('sha256', 1, 4, (_ctx, ...args) => digest('sha256', 'sha256', args)),
  strict('sha512', 1, 4, (_ctx, ...args) => digest('sha512', 'sha512', args)),
];
