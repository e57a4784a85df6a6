// Remembers where every parsed object came from, so later checks can point at file:line:column.
import type { Document, LineCounter } from 'yaml';
import { locate, type JsonPath, type Span } from './source-map.js';

export interface Origin {
  file: string;
  path: JsonPath;
}

export interface Location extends Span {
  file: string;
}

export class SourceMap {
  private readonly origins = new WeakMap<object, Origin>();
  private readonly docs = new Map<string, { doc: Document; lineCounter: LineCounter }>();

  addFile(file: string, doc: Document, lineCounter: LineCounter): void {
    this.docs.set(file, { doc, lineCounter });
  }

  /** Records `value` and every object inside it as coming from `file` at `path`. */
  record(value: unknown, file: string, path: JsonPath): void {
    if (value === null || typeof value !== 'object') return;
    this.origins.set(value, { file, path });
    if (Array.isArray(value)) value.forEach((item, i) => this.record(item, file, [...path, i]));
    else for (const [k, v] of Object.entries(value)) this.record(v, file, [...path, k]);
  }

  originOf(value: object): Origin | undefined {
    return this.origins.get(value);
  }

  /** Position of `value`, or of its property `key` (at the key itself with `atKey`). */
  locate(value: object, key?: string | number, atKey = false): Location {
    const origin = this.origins.get(value);
    if (!origin) return { file: '<onbekend>', line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.locatePath(origin.file, key === undefined ? origin.path : [...origin.path, key], atKey);
  }

  locatePath(file: string, path: JsonPath, atKey = false): Location {
    const entry = this.docs.get(file);
    if (!entry) return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { file, ...locate(entry.doc, entry.lineCounter, path, atKey) };
  }
}
