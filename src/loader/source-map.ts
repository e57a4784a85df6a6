// Where every parsed object came from, so later checks can point at file:line:column. Positions
// are worked out only when asked for: the file is then parsed again with positions (once per file),
// and the objects' paths are indexed on the first question. A valid protocol costs neither.
import { MAX_DEPTH, MAX_FILE_NODES } from './limits.js';
import { parseYaml, type YamlPositions } from './parse-yaml.js';
import { locatePlain, readPlainYaml, type PlainPositions } from './plain-yaml.js';
import { locate, type JsonPath, type Span } from './yaml-positions.js';

export interface Origin {
  file: string;
  path: JsonPath;
}

export interface Location extends Span {
  file: string;
}

/** The file name of a position that cannot be found (an object the loader did not make). */
export const UNKNOWN_FILE = '<onbekend>';

/** The start of `file`: where a problem goes that has no better place. */
export const startOf = (file = UNKNOWN_FILE): Location => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 });

/** Where an object is: its parent's link and its key there, or at the top the item's file and path. */
interface Link {
  parent: Link | Origin;
  key: string | number;
}

export class SourceMap {
  private readonly texts = new Map<string, string>();
  private readonly positions = new Map<string, YamlPositions | PlainPositions>();
  /** Items recorded but not yet indexed. */
  private pending: { value: object; origin: Origin }[] = [];
  /** Every recorded object → where it is; built on the first question (a Map: cheaper to fill than a WeakMap). */
  private links: Map<object, Link | Origin> | undefined;

  /** A file whose objects may be recorded; `positions` when it was parsed with them already. */
  addFile(file: string, text: string, positions?: YamlPositions): void {
    this.texts.set(file, text);
    if (positions) this.positions.set(file, positions);
  }

  /** Records `value` and every object inside it as coming from `file` at `path`. */
  record(value: unknown, file: string, path: JsonPath): void {
    if (value === null || typeof value !== 'object') return;
    if (this.links) index(this.links, value, { file, path });
    else this.pending.push({ value, origin: { file, path } });
  }

  originOf(value: object): Origin | undefined {
    if (!this.links) {
      this.links = new Map();
      for (const { value: v, origin } of this.pending) index(this.links, v, origin);
      this.pending = [];
    }
    const keys: (string | number)[] = [];
    let at = this.links.get(value);
    if (!at) return undefined;
    while ('parent' in at) {
      keys.push(at.key);
      at = at.parent;
    }
    return { file: at.file, path: [...at.path, ...keys.reverse()] };
  }

  /** Position of `value`, or of its property `key` (at the key itself with `atKey`). */
  locate(value: object, key?: string | number, atKey = false): Location {
    const origin = this.originOf(value);
    if (!origin) return startOf();
    return this.locatePath(origin.file, key === undefined ? origin.path : [...origin.path, key], atKey);
  }

  locatePath(file: string, path: JsonPath, atKey = false): Location {
    let entry = this.positions.get(file);
    if (!entry) {
      const text = this.texts.get(file);
      if (text === undefined) return startOf(file);
      // The fast reader read it before, so it reads it again, now with positions; else the full parser.
      const plain = readPlainYaml(text, { maxNodes: MAX_FILE_NODES, maxDepth: MAX_DEPTH }, true);
      if (plain.kind === 'data' && plain.positions) entry = plain.positions;
      else {
        const parsed = parseYaml(file, text);
        entry = { doc: parsed.doc, lineCounter: parsed.lineCounter };
      }
      this.positions.set(file, entry);
    }
    return { file, ...('doc' in entry ? locate(entry.doc, entry.lineCounter, path, atKey) : locatePlain(entry, path, atKey)) };
  }
}

/**
 * Indexes `value` and every object inside it. Children are visited last to first, so an object that
 * appears twice (a YAML alias) is placed at its first appearance in the item.
 */
function index(links: Map<object, Link | Origin>, value: object, origin: Origin): void {
  links.set(value, origin);
  const visit = (v: object, at: Link | Origin) => {
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') add(item, at, i);
      }
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const item: unknown = (v as Record<string, unknown>)[keys[i]!];
        if (item !== null && typeof item === 'object') add(item, at, keys[i]!);
      }
    }
  };
  const add = (item: object, parent: Link | Origin, key: string | number) => {
    const link = { parent, key };
    links.set(item, link);
    visit(item, link);
  };
  visit(value, origin);
}
