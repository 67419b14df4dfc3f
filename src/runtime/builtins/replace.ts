// FUNCTIONS.md §2: replace (regular expression or literal search) and replaceEmojiCharacters.
import type { CallContext } from '../context.js';
import { text } from '../convert.js';
import { typeError } from '../errors.js';
import { ensureTextLength } from '../size.js';
import { type Builtin, strict } from './registry.js';

const REGEX_SEARCH = /^\/([\s\S]+)\/([gimsu]*)$/;
const MAX_CACHED_REGEXES = 256;
const regexCache = new Map<string, RegExp>();

/**
 * EMOJI represents one emoji sequence of FUNCTIONS.md §2: a regional-indicator pair, a keycap, or a pictograph
 * with its variation selectors, skin-tone modifiers and tag characters, and the ZWJ-joined pictographs after it.
 */
const EMOJI =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:[\uFE00-\uFE0F\u{E0020}-\u{E007F}]|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:[\uFE00-\uFE0F\u{E0020}-\u{E007F}]|\p{Emoji_Modifier})*)*/gu;

/** hasNamedGroup returns whether a pattern declares a named group `(?<name>` (outside classes and escapes). */
function hasNamedGroup(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && pattern.startsWith('?<', i + 1)) {
      const next = pattern[i + 3];
      if (next !== '=' && next !== '!') return true;
    }
  }
  return false;
}

/** searchRegex returns the RegExp of a `/pattern/flags` search text, or undefined for a literal search. */
function searchRegex(search: string): RegExp | undefined {
  const m = REGEX_SEARCH.exec(search);
  if (!m) return undefined;
  const cached = regexCache.get(search);
  if (cached) return cached;
  const [, pattern, flags] = m as unknown as [string, string, string];
  if (hasNamedGroup(pattern)) throw typeError(`replace() does not support named groups: ${search}`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags);
  } catch (e) {
    throw typeError(`replace() got an invalid regular expression ${search}: ${(e as Error).message}`);
  }
  if (regexCache.size < MAX_CACHED_REGEXES) regexCache.set(search, re);
  return re;
}

/**
 * expand returns a replacement text with `$$`, `$&` and `$1`…`$99` expanded as JS does (a two-digit group wins
 * when it exists; a reference to a missing group stays literal). Other `$` sequences are kept as they are.
 */
function expand(replacement: string, match: string, groups: readonly unknown[]): string {
  if (!replacement.includes('$')) return replacement;
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '$' || i + 1 >= replacement.length) {
      out += c;
      continue;
    }
    const next = replacement[i + 1] as string;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += match;
      i++;
    } else if (next >= '0' && next <= '9') {
      const pair = replacement.slice(i + 1, i + 3);
      const two = Number(pair);
      const one = Number(next);
      if (/^\d\d$/.test(pair) && two >= 1 && two <= groups.length) {
        out += (groups[two - 1] as string | undefined) ?? '';
        i += 2;
      } else if (one >= 1 && one <= groups.length) {
        out += (groups[one - 1] as string | undefined) ?? '';
        i++;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** replace returns the text with a regex search (first or, with `g`, every match) or a literal search (every occurrence) replaced. */
function replace(ctx: CallContext, value: unknown, search: unknown, replacement: unknown): string {
  const s = text(value);
  const find = text(search);
  const rep = text(replacement);
  const re = searchRegex(find);
  if (!re) {
    if (find === '') return s;
    const pieces = s.split(find);
    const expanded = expand(rep, find, []);
    ensureTextLength(s.length + (pieces.length - 1) * (expanded.length - find.length), ctx.limits);
    return pieces.join(expanded);
  }
  re.lastIndex = 0;
  let size = s.length;
  return s.replace(re, (...args: unknown[]) => {
    const match = args[0] as string;
    // The replacer gets (match, group 1..n, offset, input): no named groups, so no trailing groups object.
    const out = expand(rep, match, args.slice(1, -2));
    size += out.length - match.length;
    ensureTextLength(size, ctx.limits);
    return out;
  });
}

/** replaceEmoji returns the text with every emoji sequence replaced by the replacement text. */
function replaceEmoji(ctx: CallContext, value: unknown, replacement: unknown): string {
  const s = text(value);
  const rep = text(replacement);
  let size = s.length;
  return s.replace(EMOJI, (match) => {
    size += rep.length - match.length;
    ensureTextLength(size, ctx.limits);
    return rep;
  });
}

/** replaceBuiltins represents `replace` and `replaceEmojiCharacters` of FUNCTIONS.md §2. */
export const replaceBuiltins: Builtin[] = [
  strict('replace', 3, 3, replace),
  strict('replaceEmojiCharacters', 2, 2, replaceEmoji),
];
