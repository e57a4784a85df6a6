// `convenant graph [flow]`: registration only; the work is in graph-run.ts.
import { Option } from 'commander';
import { GRAPH_FORMATS } from './formats.js';
import type { Register } from './index.js';
import { formatOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface GraphOptions extends LookupOptions {
  format: string;
  calls?: boolean;
  output?: string;
  force?: boolean;
}

export const registerGraph: Register = (program, io, outcome) => {
  program
    .command('graph')
    .description('Teken de flows als diagram: de vragen, de antwoorden, welke partners en regels de hulp adviseert, en de overdrachten naar andere flows.')
    .argument('[flow]', 'teken alleen deze flow, bijvoorbeeld fysiek-geweld (zonder flow: alle flows)')
    .addOption(formatOption(GRAPH_FORMATS, 'mermaid (voor GitHub en GitLab), dot (voor Graphviz) of svg (afbeelding)', 'mermaid'))
    .addOption(new Option('--calls', 'teken ook de flows waar deze flow naar overdraagt'))
    .addOption(new Option('-o, --output <bestand>', 'bewaar het diagram in dit bestand'))
    .addOption(new Option('--force', 'overschrijf het bestand van --output als het al bestaat'))
    .addOption(protocolsOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant graph fysiek-geweld
      De flow "fysiek geweld" als Mermaid-diagram. Zet het in een \`\`\`mermaid-blok in een
      README of issue; GitHub en GitLab tekenen het dan.
  convenant graph fysiek-geweld --calls --format svg --output fysiek-geweld.svg
      Als afbeelding, met de flows waar fysiek geweld naar doorverwijst (zoals de meldcode).
  convenant graph --format dot | dot -Tpdf -o protocol.pdf
      Het hele protocol voor Graphviz.

Geel zijn de partners (id · hoe snel) en regels die de hulp adviseert; blauw is een overdracht
naar een andere flow. Voor SVG is geen Graphviz nodig.

Afsluitcodes: 0 gelukt, 2 onbekende flow, verkeerd gebruik of ongeldig protocol.`,
    )
    .action(async (flow: string | undefined, options: GraphOptions) => {
      const { runGraph } = await import('./graph-run.js');
      outcome.code = await runGraph(io, flow, options);
    });
};
