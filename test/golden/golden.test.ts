// Golden disassembly (STYLE rule 9): every <name>.iml (template text) and <name>.json (an IML value) here is
// compiled optimized and unoptimized, and the listing must match <name>.disasm, so bytecode changes show up in
// review. `.strict.` in the name compiles with strictEquality; `.custom.` with the custom functions below.
// Regenerate after an intended change with `npx vitest run test/golden -u`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { disassemble } from '../../src/debug.js';
import { type CompileOptions, compile } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** GOLDEN_SOURCES represents the golden inputs: file name and IML value. */
export const GOLDEN_SOURCES: Array<{ file: string; template: unknown }> = readdirSync(here)
  .filter((f) => f.endsWith('.iml') || f.endsWith('.json'))
  .sort()
  .map((file) => {
    const text = readFileSync(join(here, file), 'utf8').replace(/\r?\n$/, '');
    return { file, template: file.endsWith('.json') ? JSON.parse(text) : text };
  });

function optionsFor(file: string): CompileOptions {
  const options: CompileOptions = {};
  if (file.includes('.strict.')) options.strictEquality = true;
  if (file.includes('.custom.')) {
    options.functions = { double: (x: unknown) => Number(x) * 2, triple: (...xs: unknown[]) => xs.length };
  }
  return options;
}

/** listing returns the golden text of a template: the optimized and the unoptimized disassembly. */
export function listing(file: string, template: unknown): string {
  const options = optionsFor(file);
  return [
    `; ${JSON.stringify(template)}`,
    '; optimize: true',
    disassemble(compile(template, options)),
    '; optimize: false',
    disassemble(compile(template, { ...options, optimize: false })),
    '',
  ].join('\n');
}

describe('golden disassembly', () => {
  it('has at least 20 golden templates', () => {
    expect(GOLDEN_SOURCES.length).toBeGreaterThanOrEqual(20);
  });
  for (const { file, template } of GOLDEN_SOURCES) {
    it(file, async () => {
      await expect(listing(file, template)).toMatchFileSnapshot(join(here, file.replace(/\.(iml|json)$/, '.disasm')));
    });
  }
});
