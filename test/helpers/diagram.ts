// Reading the diagrams back in tests: a line grammar for our Mermaid output, a structural check for
// DOT, and the nodes of a Graphviz SVG (title and text lines).

/** Every line of `convenant graph --format mermaid` matches one of these; anything else is a syntax risk. */
const MERMAID_LINE = [
  /^%% .*$/,
  /^flowchart TD$/,
  /^ {2}subgraph ([A-Za-z0-9_]+)\["[^"]*"\]$/,
  /^ {4}direction TB$/,
  /^ {4}([A-Za-z0-9_]+)(\["[^"]*"\]|\{"[^"]*"\}|\("[^"]*"\)|\[\["[^"]*"\]\]|\(\["[^"]*"\]\))$/,
  /^ {2}end$/,
  /^ {2}([A-Za-z0-9_]+) (-->|-\.->)(\|"[^"]*"\|)? ([A-Za-z0-9_]+)$/,
  /^ {2}classDef [a-z]+ [a-z0-9:#,. -]+$/,
  /^ {2}class [A-Za-z0-9_,]+ [a-z]+$/,
];

export interface MermaidModel {
  subgraphs: { id: string; title: string; nodes: string[] }[];
  nodes: Map<string, string>;
  edges: { from: string; to: string; label?: string; dotted: boolean }[];
  badLines: string[];
}

const decodeMermaid = (s: string) =>
  s
    .replace(/#quot;/g, '"')
    .replace(/#lt;/g, '<')
    .replace(/#gt;/g, '>')
    .replace(/#amp;/g, '&')
    .replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

export function parseMermaid(text: string): MermaidModel {
  const model: MermaidModel = { subgraphs: [], nodes: new Map(), edges: [], badLines: [] };
  let current: MermaidModel['subgraphs'][number] | undefined;
  for (const line of text.trimEnd().split('\n')) {
    if (!MERMAID_LINE.some((re) => re.test(line))) {
      model.badLines.push(line);
      continue;
    }
    let m;
    if ((m = /^ {2}subgraph ([A-Za-z0-9_]+)\["([^"]*)"\]$/.exec(line))) {
      current = { id: m[1]!, title: decodeMermaid(m[2]!), nodes: [] };
      model.subgraphs.push(current);
    } else if (/^ {2}end$/.test(line)) {
      current = undefined;
    } else if ((m = /^ {4}([A-Za-z0-9_]+)[[{(]+"([^"]*)"/.exec(line))) {
      model.nodes.set(m[1]!, decodeMermaid(m[2]!.replace(/<br>/g, '\n')));
      current?.nodes.push(m[1]!);
    } else if ((m = /^ {2}([A-Za-z0-9_]+) (-->|-\.->)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$/.exec(line))) {
      model.edges.push({ from: m[1]!, to: m[4]!, ...(m[3] !== undefined ? { label: decodeMermaid(m[3].replace(/<br>/g, ' ')) } : {}), dotted: m[2] === '-.->' });
    }
  }
  return model;
}

export interface DotModel {
  clusters: string[];
  nodes: Map<string, string>;
  edges: { from: string; to: string; attrs: string }[];
  balanced: boolean;
}

/** Node and edge statements of our DOT output (one statement per line, quoted ids). */
export function parseDot(text: string): DotModel {
  const quoted = '"((?:[^"\\\\]|\\\\.)*)"';
  const model: DotModel = { clusters: [], nodes: new Map(), edges: [], balanced: false };
  let depth = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('//')) continue;
    // Braces inside quoted strings do not count.
    const bare = line.replace(new RegExp(quoted, 'g'), '""');
    depth += (bare.match(/{/g) ?? []).length - (bare.match(/}/g) ?? []).length;
    let m;
    if ((m = new RegExp(`^ {2}subgraph ${quoted} \\{$`).exec(line))) model.clusters.push(m[1]!);
    else if ((m = new RegExp(`^ {4}${quoted} \\[label=${quoted}, (.*)\\];$`).exec(line))) model.nodes.set(m[1]!, m[2]!);
    else if ((m = new RegExp(`^ {2}${quoted} -> ${quoted}(?: \\[(.*)\\])?;$`).exec(line))) model.edges.push({ from: m[1]!, to: m[2]!, attrs: m[3] ?? '' });
  }
  model.balanced = depth === 0;
  return model;
}

export interface SvgNode {
  title: string;
  texts: string[];
}

const decodeXml = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The nodes of a Graphviz SVG: `<g class="node"><title>id</title> … <text>line</text> … </g>`. */
export function svgNodes(svg: string): SvgNode[] {
  const nodes: SvgNode[] = [];
  // Graphviz writes node groups without nested groups, so the first </g> closes one.
  for (const m of svg.matchAll(/<g id="node\d+" class="node">([\s\S]*?)<\/g>/g)) {
    const body = m[1]!;
    const title = /<title>([\s\S]*?)<\/title>/.exec(body)?.[1] ?? '';
    const texts = [...body.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((t) => decodeXml(t[1]!));
    nodes.push({ title: decodeXml(title), texts });
  }
  return nodes;
}

/** The cluster titles of a Graphviz SVG. */
export function svgClusters(svg: string): { title: string; label: string }[] {
  return [...svg.matchAll(/<g id="clust\d+" class="cluster">\s*<title>([\s\S]*?)<\/title>[\s\S]*?<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => ({
    title: decodeXml(m[1]!),
    label: decodeXml(m[2]!),
  }));
}
