// Checks on a parsed YAML document before anything converts or validates it: duplicate and
// `__proto__` keys, nesting depth, alias count, aliases that contain themselves and what aliases
// expand to. Every later stage (toJS, zod, SourceMap.record, the engine's condition walk) recurses
// over the data, so bounding the depth here bounds them all. Iterative on purpose: a hostile file
// cannot overflow it.
import type { Document, LineCounter, Node, YAMLMap } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { clip } from './clip.js';

import { MAX_ALIAS_COUNT, MAX_ALIAS_EXPANSION, MAX_DEPTH } from './limits.js';

type Problem = Pick<Diagnostic, 'code' | 'message' | 'hint'>;

export const TOO_DEEP: Problem = {
  code: 'too-deep',
  message: `te diep genest: meer dan ${MAX_DEPTH} niveaus lijsten en mappen in elkaar`,
  hint: 'Een protocolbestand heeft zelden meer dan 15 niveaus; splits de voorwaarde of de flow op.',
};

const duplicateKey = (key: string, firstLine: number): Problem => ({
  code: 'duplicate-key',
  message: `dubbele sleutel "${clip(key, 40)}": die staat in deze map al op regel ${firstLine}`,
  hint: 'Haal een van de twee weg of geef ze verschillende namen; anders telt alleen de laatste.',
});

/**
 * `__proto__` is never a valid key, and some readers of plain objects (zod's records among them)
 * skip it silently: report it here, where the file is still text.
 */
const PROTO_KEY: Problem = {
  code: 'unknown-key',
  message: 'onbekende sleutel "__proto__"',
  hint: 'Haal deze sleutel weg; hij heeft in een protocol geen betekenis.',
};

/**
 * `<<: *naam` (a YAML 1.1 merge key) is not part of YAML 1.2: read as a plain key, it would leave
 * the step without the keys it was meant to copy, and the schema would report those instead.
 */
const MERGE_KEY: Problem = {
  code: 'yaml-alias',
  message: 'een YAML-samenvoegsleutel ("<<: *naam") wordt niet ondersteund',
  hint: 'Schrijf de sleutels gewoon uit in plaats van ze met "<<" over te nemen.',
};

/**
 * Keys that occur twice in one map, and `__proto__`. yaml's own duplicate check (`uniqueKeys`)
 * compares every key with every earlier one, which takes minutes on a file with 100,000 keys; this
 * takes one pass. Keys are compared as the text they become when read (`1` and `"1"` are the same).
 */
function checkKeys(map: YAMLMap, report: (key: Node, problem: Problem) => void, lineOf: (node: Node) => number): void {
  const { isScalar } = yamlLib();
  const seen = new Map<string, Node>();
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (key === '__proto__') report(pair.key, PROTO_KEY);
    else if (key === '<<' && !(isScalar(pair.key) && pair.key.type !== 'PLAIN')) report(pair.key, MERGE_KEY);
    else if (seen.has(key)) report(pair.key, duplicateKey(key, lineOf(seen.get(key)!)));
    if (!seen.has(key)) seen.set(key, pair.key);
  }
}

/** Checks `doc`: duplicate keys, depth and aliases. Reports a depth or alias problem once. */
export function checkStructure(file: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const { isAlias, isCollection, isMap, isPair, isScalar } = yamlLib();
  const out: Diagnostic[] = [];
  const at = (node: Node | null | undefined, problem: Problem) => {
    const once = problem.code !== 'duplicate-key' && problem !== PROTO_KEY && problem !== MERGE_KEY;
    if (once && out.some((d) => d.code === problem.code && d.message === problem.message)) return;
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    out.push({ severity: 'error', file, line, column: col, ...problem });
  };

  // Pass 1: the document as written, in document order. Finds what each alias points at (the last
  // anchor of that name before it, as YAML defines it) and checks the written depth.
  const anchors = new Map<string, Node>();
  const aliasTargets = new Map<Node, Node>();
  let aliasCount = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isPair(node)) {
      // Value first onto the stack so the key is visited first (document order).
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    if (isAlias(node)) {
      aliasCount++;
      if (aliasCount > MAX_ALIAS_COUNT) {
        at(node, {
          code: 'yaml-alias',
          message: `meer dan ${MAX_ALIAS_COUNT} YAML-aliassen (*naam) in één bestand`,
          hint: 'Schrijf de waarden gewoon uit; aliassen zijn in een protocol niet nodig.',
        });
        return out;
      }
      const target = anchors.get(node.source);
      if (target) aliasTargets.set(node, target);
      continue;
    }
    if (!isCollection(node) && !isScalar(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) continue;
    if (depth + 1 > MAX_DEPTH) {
      at(node, TOO_DEEP);
      return out;
    }
    if (isMap(node)) checkKeys(node, at, (key) => lineCounter.linePos(key.range?.[0] ?? 0).line);
    for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1 });
  }
  if (aliasTargets.size === 0 || out.length > 0) return out;

  // Pass 2: the document as it will be read, with every alias replaced by what it points at.
  // An alias inside its own anchor would make the data contain itself; an alias of an alias of
  // an alias can nest deeper than the text shows, and can multiply the data ("billion laughs").
  const onPath = new Set<Node>();
  let expanded = 0;
  type Frame = { node: unknown; depth: number; via?: Node } | { leave: Node };
  const frames: Frame[] = [{ node: doc.contents, depth: 0 }];
  while (frames.length > 0) {
    const frame = frames.pop()!;
    if ('leave' in frame) {
      onPath.delete(frame.leave);
      continue;
    }
    const { node, depth, via } = frame;
    if (via && ++expanded > MAX_ALIAS_EXPANSION) {
      at(via, {
        code: 'yaml-alias',
        message: 'de YAML-aliassen (*naam) in dit bestand dijen uit tot een enorme hoeveelheid gegevens',
        hint: 'Schrijf de waarden gewoon uit; aliassen zijn in een protocol niet nodig.',
      });
      return out;
    }
    if (isPair(node)) {
      frames.push({ node: node.value, depth, via }, { node: node.key, depth, via });
      continue;
    }
    if (isAlias(node)) {
      const target = aliasTargets.get(node);
      if (!target) continue;
      if (onPath.has(target)) {
        at(node, {
          code: 'yaml-alias',
          message: `de alias *${node.source} staat binnen zijn eigen anker &${node.source}: de waarde zou zichzelf bevatten`,
          hint: 'Haal de alias weg of verwijs naar een anker dat er niet omheen staat.',
        });
        return out;
      }
      // Depth and position are those of the alias: that is where the author can fix it.
      frames.push({ node: target, depth, via: via ?? node });
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth + 1 > MAX_DEPTH) {
      at(via ?? node, TOO_DEEP);
      return out;
    }
    onPath.add(node);
    frames.push({ leave: node });
    for (let i = node.items.length - 1; i >= 0; i--) frames.push({ node: node.items[i], depth: depth + 1, via });
  }
  return out;
}
