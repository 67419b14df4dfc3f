import { createSyntaxDiagramsCode } from 'chevrotain';
import { ImlParser } from './parser.js';

/** diagramsHtml returns the HTML page of railroad diagrams for the IML grammar (grammar/diagrams.html). */
export function diagramsHtml(): string {
  const productions = new ImlParser().getSerializedGastProductions();
  return createSyntaxDiagramsCode(productions, { resourceBase: 'https://unpkg.com/chevrotain@11.2.0/diagrams/' });
}
