import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagramsHtml } from '../../src/parser/diagrams.js';
import { ImlParser } from '../../src/parser/parser.js';

const grammarFile = (name: string) => readFileSync(new URL(`../../grammar/${name}`, import.meta.url), 'utf8');

describe('grammar/', () => {
  it('diagrams.html is what `npm run gen` writes from the current grammar', () => {
    expect(grammarFile('diagrams.html'), 'grammar/diagrams.html is stale: run `npm run gen`').toBe(diagramsHtml());
  });

  it('iml.ebnf defines exactly the parser rules, by the same names', () => {
    const ebnf = grammarFile('iml.ebnf').replace(/\(\*[\s\S]*?\*\)/g, '');
    const defined = [...ebnf.matchAll(/^([a-z][A-Za-z]*)\s*=/gm)].map((m) => m[1]);
    const ruleNames = new ImlParser().getGAstProductions();
    const parserRules = [...Object.keys(ruleNames)].sort();
    const grammarRules = defined.filter((n) => !['escape', 'letter', 'digit', 'hex'].includes(n as string)).sort();
    expect(grammarRules).toEqual(parserRules);
  });
});
