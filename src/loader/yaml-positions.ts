// The only module that walks yaml nodes: JSON path → position, with nearest-ancestor fallback.
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { yamlLib } from './yaml-lib.js';

export type JsonPath = readonly (string | number)[];

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where `path` is in the document. With `atKey`, the position of the key that holds the value
 * (so an unknown or misspelled key is shown at the key itself). A path that does not exist
 * falls back to its nearest existing ancestor.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: JsonPath, atKey = false): Span {
  const { isMap, isNode, isSeq } = yamlLib();
  let node: Node | null = isNode(doc.contents) ? doc.contents : null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) break;
      keyNode = isNode(pair.key) ? pair.key : null;
      node = isNode(pair.value) ? pair.value : keyNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) break;
      keyNode = null;
      node = item;
    } else {
      break;
    }
  }
  const target = atKey && keyNode ? keyNode : node;
  const range = target?.range ?? [0, 0, 0];
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(range[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/** Key → pair of a map, built once per map: a file with 100,000 keys must not make locating quadratic. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    const { isPair } = yamlLib();
    index = new Map();
    for (const p of map.items) {
      const key = isPair(p) ? scalarValue(p.key) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, p);
    }
    pairIndex.set(map, index);
  }
  return index;
}

function scalarValue(node: unknown): string | undefined {
  return yamlLib().isScalar(node) ? String(node.value) : undefined;
}
