// Writes grammar/diagrams.html, the railroad diagrams of the Chevrotain grammar (`npm run gen`).
// test/unit/grammar.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagramsHtml } from '../src/parser/diagrams.js';

const out = fileURLToPath(new URL('../grammar/diagrams.html', import.meta.url));
writeFileSync(out, diagramsHtml());
console.log(`wrote ${out}`);
