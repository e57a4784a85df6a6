// A fast reader for the plain YAML that protocol files are written in: block maps and lists,
// plain and quoted one-line scalars, folded and literal block text, and one-line flow lists and
// maps. It gives exactly what `yaml` would (test/loader/plain-yaml.test.ts compares them), and
// gives up on anything else: tabs, anchors, tags, duplicate keys, odd indentation, syntax errors.
// The caller then uses the full parser, which also reports the problems with their positions.
// Why: the full parser builds a document with positions for every node, most of a load's time,
// while positions are only needed for the few files that have findings.
import { SCHEMA_KEYS } from '../model/generated/valid.js';

export type PlainYaml =
  | { kind: 'data'; data: unknown; nodes: number; positions?: PlainPositions }
  /** More than `maxNodes` values; `line` is where the count passed the limit. */
  | { kind: 'too-many-nodes'; line: number }
  /** Lists and maps nested deeper than `maxDepth`, first at `line`:`column`. */
  | { kind: 'too-deep'; line: number; column: number }
  | { kind: 'unsupported' };

export interface PlainLimits {
  maxNodes: number;
  maxDepth: number;
}

/** [line, column], 1-based. */
type Point = [number, number];

/**
 * Where a value is, as `yaml` reports it: start, end (of a block collection or text: the start of
 * the line after it), the key that holds it, and its children by key or index.
 */
export interface PlainPositions {
  start: Point;
  end: Point;
  key?: [Point, Point];
  kids?: Map<string | number, PlainPositions>;
  /** The last line (0-based) with text of this value. */
  lastLine: number;
  /** An empty value with nothing after it on its line: a collection ending with it ends there too. */
  open?: boolean;
}

const BAIL = new Error('plain-yaml: unsupported');
class TooManyNodes {
  constructor(readonly line: number) {}
}
class TooDeep {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {}
}

/** Anything the simple reader does not handle the way YAML does: control characters, tabs, CR, BOM, NEL, line separators. */
const UNSUPPORTED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/**
 * A plain key and its colon. Keys YAML reads as null or a boolean, and `__proto__`, are left out:
 * the line then reads as text with ": " in it, which the reader leaves to the full parser.
 */
const KEY = /(?!(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__):)([A-Za-z_][A-Za-z0-9_.-]*):(?: +|$)/y;
/** Ends a plain value inside a flow list or map. */
const FLOW_INDICATOR = /[,[\]{}]/g;
const BLOCK_HEADER = /^([|>])(-?) *$/;

/**
 * The schema's keys by length and first letter. A key read from a file is looked up here, so the
 * reader hands out the schema's own string: no new string per key, and objects are built with
 * keys V8 already knows (a new string must first be hashed and looked up on every property access).
 */
const SCHEMA_KEYS_BY_START = new Map<number, string[]>();
const keyStart = (length: number, firstChar: number) => length * 128 + firstChar;
for (const key of SCHEMA_KEYS) {
  const start = keyStart(key.length, key.charCodeAt(0));
  SCHEMA_KEYS_BY_START.set(start, [...(SCHEMA_KEYS_BY_START.get(start) ?? []), key]);
}

/** The key in `line` from `from` to `to`: the schema's string when it is one of its keys. */
function keyText(line: string, from: number, to: number): string {
  const candidates = SCHEMA_KEYS_BY_START.get(keyStart(to - from, line.charCodeAt(from)));
  if (candidates) for (const key of candidates) if (line.startsWith(key, from)) return key;
  return line.slice(from, to);
}

/**
 * Reads the plain key at `from` in `line` (see KEY): the key, and `after`, the column after its
 * colon and spaces; undefined when there is none.
 */
function readKey(line: string, from: number): { key: string; after: number } | undefined {
  KEY.lastIndex = from;
  if (!KEY.test(line)) return undefined;
  // A key has no colon in it: the first colon from `from` ends it.
  return { key: keyText(line, from, line.indexOf(':', from)), after: KEY.lastIndex };
}

/** With `positions`, also where every value is (for the few files that have findings). */
export function readPlainYaml(source: string, limits: PlainLimits, positions = false): PlainYaml {
  // Windows line ends read as plain ones; a lone CR is left to the full parser.
  const text = source.includes('\r') ? source.replace(/\r\n/g, '\n') : source;
  if (UNSUPPORTED_CHARS.test(text)) return { kind: 'unsupported' };
  const reader = new Reader(text, limits, positions);
  try {
    const data = reader.document();
    return { kind: 'data', data, nodes: reader.nodes, ...(positions ? { positions: reader.last ?? EMPTY } : {}) };
  } catch (error) {
    if (error instanceof TooManyNodes) return { kind: 'too-many-nodes', line: error.line };
    if (error instanceof TooDeep) return { kind: 'too-deep', line: error.line, column: error.column };
    if (error === BAIL) return { kind: 'unsupported' };
    // A deep flow list can overflow the stack: the full parser deals with it.
    if (error instanceof RangeError) return { kind: 'unsupported' };
    throw error;
  }
}

const LEADING_SPACES = / */y;
const indentOf = (line: string): number => {
  if (line.charCodeAt(0) !== 32) return 0;
  LEADING_SPACES.lastIndex = 0;
  LEADING_SPACES.test(line);
  return LEADING_SPACES.lastIndex;
};

const EMPTY: PlainPositions = { start: [1, 1], end: [1, 1], lastLine: 0 };

class Reader {
  private readonly lines: string[];
  /** Leading spaces of each line. */
  private readonly indents: Int32Array;
  /** A line starts with a directive or a document marker (`%`, `---`, `...`). */
  private readonly hasDocumentMarker: boolean;
  private pos = 0;
  nodes = 0;
  /** Positions of the value read last (only when tracking). */
  last: PlainPositions | undefined;

  constructor(
    text: string,
    private readonly limits: PlainLimits,
    readonly track: boolean,
  ) {
    this.lines = text.split('\n');
    // Every line's indent, measured once: the reader looks at most lines several times.
    this.indents = new Int32Array(this.lines.length);
    let marker = false;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      const first = line.charCodeAt(0);
      if (first === 32) this.indents[i] = indentOf(line);
      else if (first === 37 /* % */ || (first === 45 /* - */ && line.startsWith('---')) || (first === 46 /* . */ && line.startsWith('...'))) marker = true;
    }
    this.hasDocumentMarker = marker;
  }

  /** A line with nothing but spaces, or a comment. */
  private isBlank(i: number): boolean {
    const line = this.lines[i]!;
    const at = this.indents[i]!;
    return at === line.length || line.charCodeAt(at) === 35; // '#'
  }

  /** Sets the end of a block collection (tracking only). */
  private finish(node: PlainPositions): void {
    // yaml's end of a collection that ends in an empty value depends on the comments after it:
    // rare enough to leave to the full parser.
    if (node.open) throw BAIL;
    node.end = this.blockEnd(node.lastLine);
    this.last = node;
  }

  /** The end of a block value whose text ends on line `last` (0-based): the start of the next line. */
  private blockEnd(last: number): Point {
    return last + 1 < this.lines.length ? [last + 2, 1] : [last + 1, this.lines[last]!.length + 1];
  }

  count(): void {
    if (++this.nodes > this.limits.maxNodes) throw new TooManyNodes(Math.min(this.pos, this.lines.length - 1) + 1);
  }

  private skipBlank(): void {
    while (this.pos < this.lines.length && this.isBlank(this.pos)) this.pos++;
  }

  document(): unknown {
    // Directives and document markers: the full parser.
    if (this.hasDocumentMarker) throw BAIL;
    this.skipBlank();
    if (this.pos >= this.lines.length) return null;
    const first = this.lines[this.pos]!;
    KEY.lastIndex = 0;
    // A protocol file is a map (or, by mistake, a list); anything else: the full parser.
    if (!KEY.test(first) && !first.startsWith('- ')) throw BAIL;
    const value = this.block(0, 1);
    this.skipBlank();
    if (this.pos < this.lines.length) throw BAIL;
    return value;
  }

  /** The block node starting on the current line at column `indent`. */
  private block(indent: number, depth: number): unknown {
    const line = this.lines[this.pos]!;
    if (line.charCodeAt(indent) === 45 /* - */) return this.list(indent, depth);
    KEY.lastIndex = indent;
    if (KEY.test(line)) return this.map(indent, indent, depth);
    // A scalar on its own line(s) under a key.
    return this.value(line, indent, indent - 1, depth);
  }

  private list(indent: number, depth: number): unknown[] {
    if (depth > this.limits.maxDepth) throw new TooDeep(this.pos + 1, indent + 1);
    this.count();
    const items: unknown[] = [];
    const node: PlainPositions | undefined = this.track ? { start: [this.pos + 1, indent + 1], end: [0, 0], kids: new Map(), lastLine: this.pos } : undefined;
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.lines.length) break;
      const line = this.lines[this.pos]!;
      const at = this.indents[this.pos]!;
      if (at < indent) break;
      if (at > indent) throw BAIL;
      if (line.charCodeAt(at) !== 45) break; // the key after a list at the key's own indent
      if (line.charCodeAt(at + 1) !== 32) throw BAIL;
      let c = at + 1;
      while (line.charCodeAt(c) === 32) c++;
      if (c >= line.length || line.charCodeAt(c) === 35) throw BAIL; // an item on the next lines
      KEY.lastIndex = c;
      if (KEY.test(line)) items.push(this.map(c, c, depth + 1));
      else if (line.charCodeAt(c) === 45 && line.charCodeAt(c + 1) === 32)
        throw BAIL; // "- - x"
      else items.push(this.value(line, c, indent, depth + 1));
      if (node) {
        node.kids!.set(items.length - 1, this.last!);
        node.lastLine = this.last!.lastLine;
        node.open = this.last!.open;
      }
    }
    if (node) this.finish(node);
    return items;
  }

  /** A block map whose keys are at column `indent`; the first key is on the current line at column `first`. */
  private map(indent: number, first: number, depth: number): Record<string, unknown> {
    if (depth > this.limits.maxDepth) throw new TooDeep(this.pos + 1, first + 1);
    this.count();
    const map: Record<string, unknown> = {};
    const node: PlainPositions | undefined = this.track ? { start: [this.pos + 1, first + 1], end: [0, 0], kids: new Map(), lastLine: this.pos } : undefined;
    let col = first;
    for (;;) {
      const line = this.lines[this.pos]!;
      const read = readKey(line, col);
      if (!read) throw BAIL;
      const { key, after } = read;
      if (Object.hasOwn(map, key)) throw BAIL;
      this.count();
      const keyLine = this.pos + 1;
      let value: unknown;
      if (after >= line.length || line.charCodeAt(after) === 35) {
        // The value is on the next lines (or there is none).
        this.pos++;
        this.skipBlank();
        const next = this.lines[this.pos];
        const at = next === undefined ? -1 : this.indents[this.pos]!;
        if (next !== undefined && at > indent) value = this.block(at, depth + 1);
        else if (next !== undefined && at === indent && next.charCodeAt(at) === 45) {
          value = this.list(indent, depth + 1);
        } else {
          this.count();
          value = null;
          // yaml puts an empty value just after the colon and its spaces.
          const at: Point = [keyLine, after + 1];
          if (this.track) {
            // With a comment after it, yaml's end of the map depends on the comment: the full parser.
            if (after < line.length) throw BAIL;
            this.last = { start: at, end: at, lastLine: keyLine - 1, open: true };
          }
        }
      } else {
        value = this.value(line, after, indent, depth + 1);
      }
      map[key] = value;
      if (node) {
        const kid = this.last!;
        kid.key = [
          [keyLine, col + 1],
          [keyLine, col + 1 + key.length],
        ];
        node.kids!.set(key, kid);
        node.lastLine = kid.lastLine;
        node.open = kid.open;
      }

      this.skipBlank();
      if (this.pos >= this.lines.length) break;
      const next = this.lines[this.pos]!;
      const at = this.indents[this.pos]!;
      if (at < indent) break;
      if (at > indent) throw BAIL;
      if (next.charCodeAt(at) === 45) {
        // A list item at the map's indent: fine after a key whose value is that list (handled
        // above), else the end of a compact map inside a list ("- a: 1\n- b: 2").
        break;
      }
      col = at;
    }
    if (node) this.finish(node);
    return map;
  }

  /**
   * A value that starts on `line` at column `c`: a scalar, a one-line flow collection or a block
   * text. `parent` is the indent of the collection it belongs to: continuation lines are deeper.
   */
  private value(line: string, c: number, parent: number, depth: number): unknown {
    const ch = line.charCodeAt(c);
    if (ch === 91 /* [ */ || ch === 123 /* { */) {
      const flow = new FlowReader(this.lines, this.pos, c, parent, this, depth, this.limits.maxDepth);
      const value = flow.value();
      flow.end();
      this.pos = flow.lineNo;
      return value;
    }
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      const { value, end } = quoted(line, c);
      if (!restIsComment(line, end)) throw BAIL;
      this.count();
      if (this.track) this.last = { start: [this.pos + 1, c + 1], end: [this.pos + 1, end + 1], lastLine: this.pos };
      this.pos++;
      return value;
    }
    if (ch === 124 /* | */ || ch === 62 /* > */) {
      const start: Point = [this.pos + 1, c + 1];
      const text = this.blockText(line.slice(c), parent);
      if (this.track) {
        const last = Math.max(this.pos - 1, start[0] - 1);
        this.last = { start, end: this.blockEnd(last), lastLine: last };
      }
      return text;
    }
    // Plain text, possibly over several lines.
    let text = plainLine(line, c, false);
    this.count();
    const startLine = this.pos;
    let endLine = this.pos;
    let endColumn = c + 1 + text.length;
    this.pos++;
    let blankRun = 0;
    // A comment ends the text; more text after it is an error for the full parser to report.
    const commented = line.indexOf(' #', c) !== -1;
    for (let i = this.pos; !commented && i < this.lines.length; i++) {
      const next = this.lines[i]!;
      const at = this.indents[i]!;
      if (at === next.length) {
        blankRun++;
        continue;
      }
      if (at <= parent) break;
      if (next.charCodeAt(at) === 35) {
        // A comment ends the text; yaml's end of the text then depends on it: the full parser.
        if (this.track) throw BAIL;
        break;
      }
      const more = plainLine(next, at, true);
      text += blankRun > 0 ? '\n'.repeat(blankRun) : ' ';
      text += more;
      blankRun = 0;
      this.pos = i + 1;
      endLine = i;
      endColumn = at + 1 + more.length;
      if (next.indexOf(' #', at) !== -1) break;
    }
    if (this.track) this.last = { start: [startLine + 1, c + 1], end: [endLine + 1, endColumn], lastLine: endLine };
    return resolvePlain(text);
  }

  /** A `|` or `>` block text (clip or strip chomping, no indentation indicator). */
  private blockText(header: string, parent: number): string {
    const m = BLOCK_HEADER.exec(header);
    if (!m) throw BAIL;
    this.count();
    const folded = m[1] === '>';
    const strip = m[2] === '-';
    const start = this.pos + 1;
    let indent = -1;
    let last = start - 1; // the last line with text
    for (let i = start; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      const at = this.indents[i]!;
      if (at === line.length) continue;
      if (at <= parent) break;
      if (indent === -1) indent = at;
      else if (at < indent) throw BAIL;
      if (folded && at > indent) throw BAIL; // more-indented lines keep their line breaks
      last = i;
    }
    this.pos = last + 1;
    if (indent === -1) {
      // Where yaml puts an empty text depends on the spaces after it: the full parser.
      if (this.track) throw BAIL;
      return '';
    }
    // Leading empty lines, and spaces beyond the indent on an empty line: rare, the full parser.
    if (this.lines[start]!.trim() === '') throw BAIL;
    let text = '';
    let blankRun = 0;
    for (let i = start; i <= last; i++) {
      const line = this.lines[i]!;
      if (this.indents[i] === line.length) {
        if (line.length > indent) throw BAIL;
        blankRun++;
        continue;
      }
      const content = line.slice(indent);
      if (i === start) text = content;
      else if (folded) text += (blankRun > 0 ? '\n'.repeat(blankRun) : ' ') + content;
      else text += '\n'.repeat(blankRun + 1) + content;
      blankRun = 0;
    }
    return strip ? text : `${text}\n`;
  }
}

/** One line of plain text from column `c`: up to a comment, trailing spaces dropped. */
function plainLine(line: string, c: number, continuation: boolean): string {
  const ch = line.charCodeAt(c);
  // Indicators that start something else than plain text (or need more care than this reader takes).
  if ('-?:,[]{}#&*!|>\'"%@`'.includes(line[c]!)) {
    const digitAfterMinus = ch === 45 && line.charCodeAt(c + 1) >= 48 && line.charCodeAt(c + 1) <= 57;
    if (!digitAfterMinus || continuation) throw BAIL;
  }
  let end = line.indexOf(' #', c);
  if (end === -1) end = line.length;
  let text = line.slice(c, end);
  text = text.trimEnd();
  if (text.includes(': ') || text.endsWith(':')) throw BAIL;
  return text;
}

function restIsComment(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  return i === line.length || (line.charCodeAt(i) === 35 && i > from);
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** A one-line quoted scalar starting at `c`; `end` is the column after its closing quote. */
function quoted(line: string, c: number): { value: string; end: number } {
  const q = line[c]!;
  // Most quoted text has no escapes: one slice up to the closing quote.
  const close = line.indexOf(q, c + 1);
  if (close !== -1 && (q === "'" ? line.charCodeAt(close + 1) !== 39 : line.lastIndexOf('\\', close) < c)) {
    return { value: line.slice(c + 1, close), end: close + 1 };
  }
  let out = '';
  let i = c + 1;
  for (;;) {
    if (i >= line.length) throw BAIL; // continues on the next line
    const ch = line[i]!;
    if (q === "'") {
      if (ch === "'") {
        if (line[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        return { value: out, end: i + 1 };
      }
    } else if (ch === '"') {
      return { value: out, end: i + 1 };
    } else if (ch === '\\') {
      const e = line[i + 1];
      if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        i += 2;
        continue;
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(line.slice(i + 2, i + 6))) {
        const code = parseInt(line.slice(i + 2, i + 6), 16);
        if (code >= 0xd800 && code <= 0xdfff) throw BAIL;
        out += String.fromCharCode(code);
        i += 6;
        continue;
      }
      throw BAIL;
    }
    out += ch;
    i++;
  }
}

/** What a plain scalar means in YAML's core schema (the `yaml` package's rules). */
function resolvePlain(text: string): unknown {
  // Text over several lines has a space or line break in it, so it never looks like a number.
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = text.charCodeAt(0);
  // Only text that starts like a number can be one.
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return text;
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) {
    return parseFloat(text);
  }
  // Octal, hexadecimal, infinity and not-a-number: rare in a protocol; the full parser.
  if (/^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(text)) throw BAIL;
  return text;
}

/** A flow list or map on one line: `[a, b]`, `{ min: 0, next: end }`. */
class FlowReader {
  private i: number;
  private line: string;
  /** The current line, 1-based. */
  lineNo: number;
  constructor(
    private readonly lines: readonly string[],
    index: number,
    start: number,
    /** Continuation lines must be indented deeper than this. */
    private readonly parent: number,
    private readonly owner: { count(): void; readonly track: boolean; last: PlainPositions | undefined },
    private readonly depth: number,
    private readonly maxDepth: number,
  ) {
    this.i = start;
    this.line = lines[index]!;
    this.lineNo = index + 1;
  }

  /** Skips spaces, and inside the brackets comments and line ends. */
  private skip(): void {
    for (;;) {
      while (this.line.charCodeAt(this.i) === 32) this.i++;
      if (this.line.charCodeAt(this.i) === 35 /* # */) {
        if (this.i > 0 && this.line.charCodeAt(this.i - 1) !== 32) throw BAIL;
        this.i = this.line.length;
      }
      if (this.i < this.line.length) return;
      if (this.lineNo >= this.lines.length) throw BAIL;
      this.line = this.lines[this.lineNo]!;
      this.lineNo++;
      this.i = 0;
      const at = indentOf(this.line);
      if (at < this.line.length && at <= this.parent) throw BAIL;
    }
  }

  private leaf(from: number, to: number): void {
    if (this.owner.track) this.owner.last = { start: [this.lineNo, from + 1], end: [this.lineNo, to + 1], lastLine: this.lineNo - 1 };
  }

  end(): void {
    if (!restIsComment(this.line, this.i)) throw BAIL;
  }

  value(depth = this.depth): unknown {
    if (depth > this.maxDepth) throw new TooDeep(this.lineNo, this.i + 1);
    this.owner.count();
    const ch = this.line[this.i];
    const node: PlainPositions | undefined = this.owner.track ? { start: [this.lineNo, this.i + 1], end: [0, 0], kids: new Map(), lastLine: this.lineNo - 1 } : undefined;
    const done = <T>(value: T): T => {
      if (node) {
        node.end = [this.lineNo, this.i + 1];
        node.lastLine = this.lineNo - 1;
        this.owner.last = node;
      }
      return value;
    };
    if (ch === '[') {
      this.i++;
      const items: unknown[] = [];
      this.skip();
      if (this.line[this.i] === ']') {
        this.i++;
        return done(items);
      }
      for (;;) {
        this.skip();
        items.push(this.item(depth + 1));
        node?.kids!.set(items.length - 1, this.owner.last!);
        this.skip();
        const sep = this.line[this.i];
        this.i++;
        if (sep === ']') return done(items);
        if (sep !== ',') throw BAIL;
        this.skip();
        if (this.line[this.i] === ']') throw BAIL; // a trailing comma
      }
    }
    if (ch === '{') {
      this.i++;
      const map: Record<string, unknown> = {};
      this.skip();
      if (this.line[this.i] === '}') {
        this.i++;
        return done(map);
      }
      for (;;) {
        this.skip();
        const read = readKey(this.line, this.i);
        // In a flow map, a space after the colon (not the line end).
        if (!read || this.line.charCodeAt(read.after - 1) !== 32) throw BAIL;
        const { key, after } = read;
        if (Object.hasOwn(map, key)) throw BAIL;
        this.owner.count();
        const keyAt = this.i;
        const keyLine = this.lineNo;
        this.i = after;
        map[key] = this.item(depth + 1);
        if (node) {
          const kid = this.owner.last!;
          kid.key = [
            [keyLine, keyAt + 1],
            [keyLine, keyAt + 1 + key.length],
          ];
          node.kids!.set(key, kid);
        }
        this.skip();
        const sep = this.line[this.i];
        this.i++;
        if (sep === '}') return done(map);
        if (sep !== ',') throw BAIL;
        this.skip();
        if (this.line[this.i] === '}') throw BAIL;
      }
    }
    throw BAIL;
  }

  private item(depth: number): unknown {
    const ch = this.line[this.i];
    if (ch === '[' || ch === '{') return this.value(depth);
    if (ch === '"' || ch === "'") {
      const { value, end } = quoted(this.line, this.i);
      this.leaf(this.i, end);
      this.i = end;
      this.owner.count();
      return value;
    }
    if (ch === undefined || '-?:,[]{}#&*!|>\'"%@`'.includes(ch)) {
      const digitAfterMinus = ch === '-' && /[0-9]/.test(this.line[this.i + 1] ?? '');
      if (!digitAfterMinus) throw BAIL;
    }
    FLOW_INDICATOR.lastIndex = this.i;
    const j = FLOW_INDICATOR.exec(this.line)?.index ?? this.line.length;
    const raw = this.line.slice(this.i, j);
    // A comment, or a key (a colon before a space, a flow indicator or the line end): the full parser.
    if (raw.includes(' #') || raw.includes(': ') || raw.endsWith(':')) throw BAIL;
    const text = raw.trimEnd();
    if (text === '') throw BAIL;
    this.leaf(this.i, this.i + text.length);
    this.i = j;
    this.owner.count();
    return resolvePlain(text);
  }
}

/** Where `path` is (see yaml-positions.ts: the same answers, from the fast reader's positions). */
export function locatePlain(root: PlainPositions, path: readonly (string | number)[], atKey: boolean): { line: number; column: number; endLine: number; endColumn: number } {
  let node = root;
  let key: [Point, Point] | undefined;
  for (const segment of path) {
    const kids = node.kids;
    if (!kids) break;
    const isList = kids.size > 0 ? typeof kids.keys().next().value === 'number' : false;
    if (isList && typeof segment !== 'number') break;
    const kid = kids.get(isList ? segment : String(segment));
    if (!kid) break;
    key = isList ? undefined : kid.key;
    node = kid;
  }
  const [start, end] = atKey && key ? key : [node.start, node.end];
  return { line: start[0], column: start[1], endLine: end[0], endColumn: end[1] };
}
