export { caretSnippet, type ErrorCode, ImlError, isImlError } from './error.js';
export { DEFAULT_LIMITS, type Limits, MAX_VALUE_DEPTH, resolveLimits } from './limits.js';
export { Source } from './source.js';
export { SourceSet } from './source-set.js';
export { type Pos, type Span, span } from './span.js';
