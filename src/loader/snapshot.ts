// A load result saved at build time for one exact set of protocol files (the shipped protocol), so
// `incident` and `validate` start without parsing YAML or running the schema checks. A snapshot
// holds the files' names and texts and is used only when every file is exactly the same: any
// change to any file is a miss, and the folder is loaded as usual. Positions are kept per file as a tree of spans, made with
// the real source map and parsed only when a finding needs a position. Pure: no I/O, no yaml, no zod.
import type { Diagnostic } from '../diagnostics/index.js';
import type { Protocol } from '../model/index.js';
import type { ProtocolSourceFile } from './load.js';
import type { Location } from './source-map-index.js';
import type { JsonPath } from './source-map.js';

export const SNAPSHOT_FORMAT = 2;

/** What the analysis and the CLI need of a source map: positions of parsed objects and paths. */
export interface Locator {
  locate(value: object, key?: string | number, atKey?: boolean): Location;
  locatePath(file: string, path: JsonPath, atKey?: boolean): Location;
}

/** A source map as made by the loader (the parts a snapshot is made from). */
interface SourceMapLike extends Locator {
  originOf(value: object): { file: string; path: JsonPath } | undefined;
}

/**
 * One node of a file's position tree: the value's span, the span of the key that holds it (for a map
 * entry; else the value's again), and the children by key (map) or index (sequence).
 */
type PositionNode = [line: number, column: number, endLine: number, endColumn: number, keyLine: number, keyColumn: number, keyEndLine: number, keyEndColumn: number, children: Record<string, PositionNode> | PositionNode[] | 0];

type Section = 'sources' | 'partners' | 'rules' | 'flows' | 'checklist';
const SECTIONS: readonly Section[] = ['sources', 'partners', 'rules', 'flows', 'checklist'];

/** Where an item came from: file index and path in that file. */
type Origin = [file: number, path: (string | number)[]];

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  key: string;
  /** The files' paths inside the folder (`rel`), in read order. */
  files: string[];
  /** Their texts: a snapshot is used only for exactly these. */
  texts: string[];
  ok: boolean;
  protocol?: Protocol;
  /** The loader's diagnostics, `file` replaced by an index into `files`. */
  diagnostics: (Omit<Diagnostic, 'file'> & { file: number })[];
  /** Origin of the metadata and of every item of each section, in protocol order. */
  origins: { meta?: Origin } & Partial<Record<Section, Origin[]>>;
  /** Per file index: the JSON text of its position tree (parsed on first use). */
  positions: Record<number, string>;
}

/** The part of a load result a snapshot restores. */
export interface SnapshotLoad {
  protocol?: Protocol;
  ok: boolean;
  diagnostics: Diagnostic[];
  sourceMap: Locator;
}

/**
 * The name of the snapshot for a set of files: a hash of their paths and lengths (cheap: no
 * hashing of the contents and no crypto module at start-up). Files with the same key are not
 * necessarily the same: `restoreSnapshot` compares the texts.
 */
export function snapshotKey(files: readonly ProtocolSourceFile[]): string {
  // cyrb53 (public domain): two 32-bit FNV-like lanes, mixed.
  let h1 = 0xdeadbeef ^ files.length;
  let h2 = 0x41c6ce57 ^ files.length;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  for (const f of files) add(`${f.rel ?? f.name}\u0000${f.text.length}\u0000`);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}

/** Makes the snapshot of a load result (at build time). Files without `rel` cannot be snapshotted. */
export function makeSnapshot(files: readonly ProtocolSourceFile[], loaded: { protocol?: Protocol; ok: boolean; diagnostics: readonly Diagnostic[]; sourceMap: SourceMapLike }): Snapshot {
  const rels = files.map((f) => {
    if (f.rel === undefined) throw new Error(`makeSnapshot: ${f.name} has no path inside the folder`);
    return f.rel;
  });
  const byName = new Map(files.map((f, i) => [f.name, i]));
  const fileIndex = (name: string) => {
    const i = byName.get(name);
    if (i === undefined) throw new Error(`makeSnapshot: unknown file ${name}`);
    return i;
  };
  const origins: Snapshot['origins'] = {};
  const trees = new Map<number, PositionNode>();
  const { sourceMap, protocol } = loaded;

  const node = (file: number, path: JsonPath): PositionNode => {
    const name = files[file]!.name;
    let tree = trees.get(file);
    if (!tree) trees.set(file, (tree = spans(sourceMap, name, [])));
    let current = tree;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (current[8] === 0) current[8] = typeof segment === 'number' ? [] : {};
      const children = current[8];
      const key = String(segment);
      let child = Array.isArray(children) ? children[segment as number] : Object.hasOwn(children, key) ? children[key] : undefined;
      if (!child) {
        child = spans(sourceMap, name, path.slice(0, i + 1));
        if (Array.isArray(children)) children[segment as number] = child;
        else children[key] = child;
      }
      current = child;
    }
    return current;
  };
  /** Records `value` (and everything inside) as found at `path` in `file`: positions of it and of each key. */
  const record = (value: unknown, file: number, path: (string | number)[]) => {
    if (value === null || typeof value !== 'object') return;
    node(file, path);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [k, v] of entries) {
      node(file, [...path, k]);
      record(v, file, [...path, k]);
    }
  };
  const originOf = (item: object): Origin => {
    const origin = sourceMap.originOf(item);
    if (!origin) throw new Error('makeSnapshot: an item without origin');
    return [fileIndex(origin.file), [...origin.path]];
  };

  if (protocol) {
    origins.meta = originOf(protocol.meta);
    record(protocol.meta, ...origins.meta);
    for (const section of SECTIONS) {
      origins[section] = protocol[section].map((item) => {
        const origin = originOf(item);
        record(item, ...origin);
        return origin;
      });
    }
  }
  return {
    format: SNAPSHOT_FORMAT,
    key: snapshotKey(files),
    files: rels,
    texts: files.map((f) => f.text),
    ok: loaded.ok,
    ...(protocol ? { protocol } : {}),
    diagnostics: loaded.diagnostics.map((d) => ({ ...d, file: fileIndex(d.file) })),
    origins,
    positions: Object.fromEntries([...trees].map(([file, tree]) => [file, JSON.stringify(tree)])),
  };
}

/**
 * The file text of a snapshot: JSON with every character beyond ASCII written as a \u escape, so
 * the reader takes the file as latin1 (a byte copy, no UTF-8 decoding; readSnapshotText in read.ts)
 * and V8 parses a one-byte string. A snapshot written otherwise is read wrongly and so not used.
 */
export function snapshotJson(snapshot: Snapshot): string {
  return JSON.stringify(snapshot).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function spans(sourceMap: Locator, file: string, path: JsonPath): PositionNode {
  const v = sourceMap.locatePath(file, path, false);
  const k = sourceMap.locatePath(file, path, true);
  return [v.line, v.column, v.endLine, v.endColumn, k.line, k.column, k.endLine, k.endColumn, 0];
}

/**
 * The load result of `files` from a snapshot (parsed JSON), or undefined when the snapshot is not
 * for exactly these files. Diagnostics and positions name the files as `files` do.
 */
export function restoreSnapshot(snapshot: Snapshot, files: readonly ProtocolSourceFile[]): SnapshotLoad | undefined {
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.files.length !== files.length || snapshot.texts.length !== files.length) return undefined;
  const names: string[] = [];
  for (let i = 0; i < files.length; i++) {
    if (files[i]!.rel !== snapshot.files[i] || files[i]!.text !== snapshot.texts[i]) return undefined;
    names.push(files[i]!.name);
  }
  return {
    ok: snapshot.ok,
    ...(snapshot.protocol ? { protocol: snapshot.protocol } : {}),
    diagnostics: snapshot.diagnostics.map((d) => ({ ...d, file: names[d.file]! })),
    sourceMap: new SnapshotLocator(snapshot, names),
  };
}

const UNKNOWN_FILE = '<onbekend>';

/** Where an object sits: in its parent under a key, or (an item) at its origin. */
type Link = { parent: object; key: string | number } | { origin: Origin };
const nowhere = (file: string): Location => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 });

/** Answers `locate` as the loader's SourceMap does, from the snapshot's position trees. */
class SnapshotLocator implements Locator {
  private origins?: WeakMap<object, Link>;
  private readonly trees = new Map<number, PositionNode>();
  private readonly fileIndex: Map<string, number>;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly names: readonly string[],
  ) {
    this.fileIndex = new Map(names.map((n, i) => [n, i]));
  }

  locate(value: object, key?: string | number, atKey = false): Location {
    const origin = this.originOf(value);
    if (!origin) return nowhere(UNKNOWN_FILE);
    return this.at(origin.file, key === undefined ? origin.path : [...origin.path, key], atKey);
  }

  locatePath(file: string, path: JsonPath, atKey = false): Location {
    const index = this.fileIndex.get(file);
    return index === undefined ? nowhere(file) : this.at(index, path, atKey);
  }

  /** The deepest existing node on `path` (a missing key falls back to its nearest ancestor, as the loader's does). */
  private at(file: number, path: JsonPath, atKey: boolean): Location {
    let current = this.tree(file);
    if (!current) return nowhere(this.names[file]!);
    for (const segment of path) {
      const children: PositionNode[8] = current[8];
      if (children === 0) break;
      let child: PositionNode | undefined;
      if (Array.isArray(children)) child = typeof segment === 'number' ? children[segment] : undefined;
      else child = Object.hasOwn(children, String(segment)) ? children[String(segment)] : undefined;
      if (!child) break;
      current = child;
    }
    const [line, column, endLine, endColumn, keyLine, keyColumn, keyEndLine, keyEndColumn] = current;
    return atKey
      ? { file: this.names[file]!, line: keyLine, column: keyColumn, endLine: keyEndLine, endColumn: keyEndColumn }
      : { file: this.names[file]!, line, column, endLine, endColumn };
  }

  private tree(file: number): PositionNode | undefined {
    let tree = this.trees.get(file);
    if (!tree) {
      const text = this.snapshot.positions[file];
      if (text === undefined) return undefined;
      this.trees.set(file, (tree = JSON.parse(text) as PositionNode));
    }
    return tree;
  }

  /** Origins of every object of the protocol, as the loader records them: an item's, then path + key inside it. */
  private originOf(value: object): { file: number; path: JsonPath } | undefined {
    if (!this.origins) {
      // Each object is linked to its parent and key; the path is made only for objects asked for.
      const links = new WeakMap<object, Link>();
      const link = (v: unknown, up: Link) => {
        if (v === null || typeof v !== 'object') return;
        links.set(v, up);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) link(v[i], { parent: v, key: i });
        } else {
          for (const k in v) if (Object.hasOwn(v, k)) link((v as Record<string, unknown>)[k], { parent: v, key: k });
        }
      };
      const { protocol, origins: items } = this.snapshot;
      if (protocol && items.meta) link(protocol.meta, { origin: items.meta });
      if (protocol) for (const section of SECTIONS) protocol[section].forEach((item, i) => link(item, { origin: items[section]![i]! }));
      this.origins = links;
    }
    const path: (string | number)[] = [];
    for (let up = this.origins.get(value); up; ) {
      if ('origin' in up) return { file: up.origin[0], path: [...up.origin[1], ...path.reverse()] };
      path.push(up.key);
      up = this.origins.get(up.parent);
    }
    return undefined;
  }
}
