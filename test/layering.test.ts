// Layering (STYLE.md "Dependency direction", docs/architecture.md): every import of every module in src/ must stay
// inside its folder's allow-list. A folder missing from the table fails the test, so the table stays complete.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Rule represents what one folder may import besides its own files. */
interface Rule {
  /** src/ folders it may import from. */
  folders: readonly string[];
  /** Top-level src/*.ts files (or single files of other folders) it may import. */
  files?: readonly string[];
  /** npm packages and node: built-ins it may import. */
  packages?: readonly (string | RegExp)[];
}

const NODE = /^node:/;
const DATE_AND_MIME =
  /^(mime|mime-types|mime-db|luxon|dayjs|moment|moment-timezone|date-fns|date-fns-tz|@date-fns\/tz)$/;
const ANY_SRC = [
  'source',
  'runtime',
  'ir',
  'parser',
  'checker',
  'optimizer',
  'compiler',
  'vm',
  'reference',
  'webhook',
  'testing',
  'cli',
];

/** RULES represents the allow-list, one row per folder; `(top)` is the top-level src/*.ts files. */
const RULES: Readonly<Record<string, Rule>> = {
  source: { folders: [] },
  runtime: { folders: ['source'], packages: [NODE, 'decimal.js', DATE_AND_MIME] },
  ir: { folders: ['source'] },
  parser: { folders: ['ir', 'source'], packages: ['chevrotain'] },
  checker: { folders: ['ir', 'runtime', 'source'] },
  optimizer: { folders: ['ir', 'runtime', 'source'] },
  compiler: { folders: ['ir', 'vm', 'runtime', 'source'] },
  vm: { folders: ['runtime', 'source'] },
  reference: { folders: ['ir', 'runtime', 'source', 'parser', 'checker'] },
  webhook: { folders: ['runtime', 'source', 'parser'], files: ['index.ts', 'options.ts'] },
  testing: { folders: ['runtime', 'ir', 'source'], files: ['index.ts', 'options.ts'], packages: ['fast-check'] },
  // The CLI also reads ../package.json for `iml --version`: package metadata, not a module of the pipeline.
  cli: { folders: [], files: ['index.ts', 'debug.ts', 'webhook/index.ts', '../package.json'], packages: [NODE] },
  '(top)': { folders: ANY_SRC, files: ['*'] },
};

/** OPTIONS_TYPES represents the file whose type-only imports every folder may use: the public option types. */
const OPTIONS_TYPES = 'options.ts';

/** ImportRef represents one import of one module. */
interface ImportRef {
  from: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** importsOf returns every static import, re-export and dynamic import() of a file (comments are not imports). */
function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: ImportRef[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ from: file, specifier: node.moduleSpecifier.text, typeOnly: !!node.importClause?.isTypeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ from: file, specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const arg = node.arguments[0];
      out.push({ from: file, specifier: arg && ts.isStringLiteral(arg) ? arg.text : '<computed>', typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** folderOf returns the src/ folder of a file, or `(top)` for src/*.ts. */
function folderOf(srcRelative: string): string {
  const parts = srcRelative.split('/');
  return parts.length === 1 ? '(top)' : (parts[0] as string);
}

const matches = (pkg: string, allowed: readonly (string | RegExp)[] = []) =>
  allowed.some((a) => (typeof a === 'string' ? a === pkg : a.test(pkg)));

/** violation returns why an import breaks the layering, or undefined when it is allowed. */
function violation(ref: ImportRef): string | undefined {
  const here = relative(SRC, ref.from).split(sep).join('/');
  const folder = folderOf(here);
  const rule = RULES[folder];
  if (!rule) return `folder "${folder}" has no row in the layering table`;
  if (!ref.specifier.startsWith('.')) {
    const pkg = ref.specifier.startsWith('@') ? ref.specifier.split('/').slice(0, 2).join('/') : ref.specifier;
    const name = pkg.startsWith('node:') ? pkg : (pkg.split('/')[0] as string);
    return matches(ref.specifier, rule.packages) || matches(name, rule.packages) ? undefined : `package ${pkg}`;
  }
  const target = relative(SRC, resolve(dirname(ref.from), ref.specifier.replace(/\.js$/, '.ts')))
    .split(sep)
    .join('/');
  if (rule.files?.includes(target)) return undefined;
  if (target.startsWith('..')) return `${target} is outside src/`;
  const to = folderOf(target);
  if (to === folder && folder !== '(top)') return undefined;
  if (rule.files?.includes('*') && to === '(top)') return undefined;
  if (to !== '(top)' && rule.folders.includes(to)) return undefined;
  if (ref.typeOnly && target === OPTIONS_TYPES) return undefined;
  return target;
}

const files = sourceFiles(SRC);
const refs = files.flatMap(importsOf);

describe('layering', () => {
  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(refs.length).toBeGreaterThan(50);
  });

  it('every folder of src/ has a row in the table', () => {
    const folders = new Set(files.map((f) => folderOf(relative(SRC, f).split(sep).join('/'))));
    expect([...folders].filter((f) => !RULES[f])).toEqual([]);
  });

  it('every import stays inside its allow-list', () => {
    const bad = refs
      .map((ref) => ({ ref, why: violation(ref) }))
      .filter((v) => v.why !== undefined)
      .map(({ ref, why }) => `${relative(SRC, ref.from)} imports '${ref.specifier}' (${why})`);
    expect(bad).toEqual([]);
  });

  it('the checker itself catches a violation', () => {
    const at = (file: string, specifier: string, typeOnly = false) =>
      violation({ from: join(SRC, file), specifier, typeOnly });
    expect(at('vm/vm.ts', '../parser/parse.js')).toBe('parser/parse.ts');
    expect(at('vm/vm.ts', '../ir/nodes.js', true)).toBe('ir/nodes.ts');
    expect(at('source/error.ts', 'node:fs')).toBe('package node:fs');
    expect(at('runtime/ops.ts', 'chevrotain')).toBe('package chevrotain');
    expect(at('cli/main.ts', '../compiler/compile.js')).toBe('compiler/compile.ts');
    expect(at('cli/main.ts', '../webhook/spec.js')).toBe('webhook/spec.ts');
    expect(at('newstage/x.ts', '../source/span.js')).toMatch(/no row/);
    expect(at('vm/vm.ts', '../runtime/ops.js')).toBeUndefined();
    expect(at('cli/main.ts', '../webhook/index.js')).toBeUndefined();
    expect(at('reference/program.ts', '../options.js', true)).toBeUndefined();
    expect(at('reference/program.ts', '../options.js', false)).toBe('options.ts');
  });
});
