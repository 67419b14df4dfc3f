import { defineConfig, type Options } from 'tsup';

/**
 * cliConfig represents the build of the `iml` binary: one self-contained ESM file. Every dependency (chevrotain,
 * decimal.js, mime-types, ...) is bundled in, because resolving and loading chevrotain's unbundled module graph
 * costs about 0.5 s per start; bundled, `iml eval` starts in well under 300 ms.
 */
export const cliConfig: Options = {
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  noExternal: [/./],
  // Bundled CommonJS dependencies (mime-types) call require('path'); an ESM file has no require, so make one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __imlRequire } from 'node:module';\nconst require = __imlRequire(import.meta.url);",
  },
  splitting: false,
  sourcemap: false,
  dts: false,
  clean: false,
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', debug: 'src/debug.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    external: ['fast-check'],
  },
  cliConfig,
]);
