// YAML text → data, or → document with positions. Every syntax problem becomes a Diagnostic;
// nothing throws.
import type { Document, LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/index.js';
import { clip } from './clip.js';
import { formatCount, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_NODES } from './limits.js';
import { readPlainYaml } from './plain-yaml.js';
import { findIndentationProblem } from './indentation.js';
import { checkStructure, TOO_DEEP } from './structure.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
  /**
   * Whether the data can be read despite the diagnostics: true when the only problems are
   * duplicate keys and `__proto__` keys, so the schema can still report everything else.
   */
  readable: boolean;
}

const READABLE_DESPITE = new Set(['duplicate-key', 'unknown-key']);

export { MAX_ALIAS_COUNT, MAX_DEPTH } from './limits.js';

/** Syntax problems reported per file; after a few, the rest are mostly echoes of the first. */
export const MAX_SYNTAX_DIAGNOSTICS = 20;

const CODE_BY_YAML_ERROR: Partial<Record<string, DiagnosticCode>> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAG_RESOLVE_FAILED: 'yaml-tag',
  BAD_ALIAS: 'yaml-alias',
  // yaml catches its own stack overflow on absurdly deep nesting and reports it with this code.
  RESOURCE_EXHAUSTION: 'too-deep',
};

export function parseYaml(file: string, text: string): ParsedYaml {
  const { parseDocument } = yamlLib();
  // Positions come from the text itself: yaml's own LineCounter misses line breaks inside tokens
  // it could not parse, and then points past the end of a line.
  const lineCounter = lineCounterFor(text);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      prettyErrors: false,
      // Checked in checkStructure instead: yaml's check is quadratic in the number of keys.
      uniqueKeys: false,
      // Only the core schema: no !!js/function or other executable or custom tags, and not the
      // YAML 1.1 tags yaml resolves by default (!!binary would turn base64 into any bytes, such as a
      // terminal escape, in a key or value).
      schema: 'core',
      customTags: [],
      resolveKnownTags: false,
      strict: true,
    });
  } catch (error) {
    // yaml reports problems instead of throwing, and catches most stack overflows on absurd nesting
    // itself; a file must never crash the tool, whatever slips through.
    doc = parseDocument('');
    const overflow = error instanceof RangeError;
    const problem = { code: overflow ? 'too-deep' : 'yaml-syntax', severity: 'error', file, line: 1, column: 1 } as const;
    const described = overflow ? describeYamlError('RESOURCE_EXHAUSTION', '') : { message: 'YAML-fout: dit bestand kan niet worden gelezen', hint: yamlHint('') };
    return { doc, lineCounter, diagnostics: [{ ...problem, ...described }], readable: false };
  }
  const found: Diagnostic[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    // yaml reports a stack overflow once per enclosing level: once is enough.
    if (problem.code === 'RESOURCE_EXHAUSTION' && found.some((d) => d.code === 'too-deep')) continue;
    // Without prettyErrors, yaml leaves linePos empty: compute it from the offset.
    const start = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
    found.push({
      code: CODE_BY_YAML_ERROR[problem.code] ?? 'yaml-syntax',
      severity: 'error',
      file,
      line: start?.line ?? 1,
      column: start?.col ?? 1,
      ...describeYamlError(problem.code, problem.message),
    });
  }
  for (const problem of checkStructure(file, doc, lineCounter)) {
    if (problem.code === 'too-deep' && found.some((d) => d.code === 'too-deep')) continue;
    found.push(problem);
  }
  // Nesting too deep to parse is the cause; the syntax errors around it are echoes that vary with
  // the stack size: report the cause alone.
  let cause = found.filter((d) => d.code === 'too-deep');
  // A quote or bracket left open: the parser reports where it gave up (often lines later, or the
  // end of the file), and echoes after it. The cause is the opening character.
  if (cause.length === 0) {
    const open = doc.errors.map((e) => unclosedOpener(text, e.code, e.message, e.pos[0])).find((o) => o !== undefined);
    if (open) {
      const { line, col } = lineCounter.linePos(open.offset);
      const what = open.char === '"' || open.char === "'" ? `het aanhalingsteken ${open.char}` : `de haak ${open.char}`;
      cause = [
        {
          code: 'yaml-syntax',
          severity: 'error',
          file,
          line,
          column: col,
          message: `YAML-fout: ${what} hier wordt niet gesloten`,
          hint: `Zet ${open.close} aan het eind van ${open.char === '"' || open.char === "'" ? 'de tekst' : 'de lijst of map'}, op dezelfde regel, of haal ${open.char} weg.`,
        },
      ];
    }
  }
  // An indentation slip makes the parser report several errors that name other things, the first
  // often on the line above: when the first error is at or just before a slip, the slip is the cause.
  const firstSyntax = found.filter((d) => d.code === 'yaml-syntax').sort((a, b) => a.line - b.line)[0];
  if (cause.length === 0 && firstSyntax) {
    const slip = findIndentationProblem(file, text);
    if (slip && slip.line <= firstSyntax.line + 2) cause = [slip];
  }
  const shown = (cause.length > 0 ? cause : found).sort((a, b) => a.line - b.line || a.column - b.column);
  const diagnostics = shown.slice(0, MAX_SYNTAX_DIAGNOSTICS);
  if (shown.length > MAX_SYNTAX_DIAGNOSTICS) {
    const last = diagnostics.at(-1)!;
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      file,
      line: last.line,
      column: last.column,
      message: `nog ${shown.length - MAX_SYNTAX_DIAGNOSTICS} YAML-fouten in dit bestand niet getoond`,
      hint: 'Los eerst de fouten hierboven op; de rest volgt er vaak uit.',
    });
  }
  return { doc, lineCounter, diagnostics, readable: shown.every((d) => READABLE_DESPITE.has(d.code)) };
}

/** The quote or bracket that a "missing closing character" error is about: the last one opened before it. */
function unclosedOpener(text: string, code: string, message: string, pos: number): { offset: number; char: string; close: string } | undefined {
  const quote = code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
  if (quote) {
    for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
      if (text[i] === quote && text[i - 1] !== '\\') return { offset: i, char: quote, close: quote };
    }
    return undefined;
  }
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  if (!bracket) return undefined;
  const opener = bracket === ']' ? '[' : '{';
  let depth = 0;
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    if (text[i] === bracket) depth++;
    else if (text[i] === opener && depth-- === 0) return { offset: i, char: opener, close: bracket };
  }
  return undefined;
}

/** Line starts of `text`, for 1-based line:column positions of any offset in it. */
function lineCounterFor(text: string): LineCounter {
  const lineCounter = new (yamlLib().LineCounter)();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/** A parsed document with what is needed to turn its node ranges into line:column. */
export interface YamlPositions {
  doc: Document;
  lineCounter: LineCounter;
}

export interface ParsedYamlData {
  /** The plain data; undefined when the file is not readable (see `readable`). */
  data: unknown;
  diagnostics: Diagnostic[];
  /** See ParsedYaml.readable. */
  readable: boolean;
  /** YAML values read (an estimate when the file could not be read). */
  nodes: number;
  /** The document, when the full parser read the file; else the source map parses it when a position is asked for. */
  positions?: YamlPositions;
}

/**
 * Parses a YAML (or JSON) file into plain data: protocol files, scenario files and answers files
 * all come through here, so all get the same checks. Plain files take the fast reader; the full
 * parser reads the rest and reports their problems. Never throws.
 */
export function parseYamlData(file: string, text: string, maxNodes = MAX_FILE_NODES): ParsedYamlData {
  const plain = readPlainYaml(text, { maxNodes, maxDepth: MAX_DEPTH });
  if (plain.kind === 'data') return { data: plain.data, diagnostics: [], readable: true, nodes: plain.nodes };
  if (plain.kind === 'too-deep') {
    return { data: undefined, diagnostics: [{ severity: 'error', file, line: plain.line, column: plain.column, ...TOO_DEEP }], readable: false, nodes: 0 };
  }
  // Before the full parser, which takes far more memory and time per value: a cheap upper bound.
  const estimate = plain.kind === 'too-many-nodes' ? { over: plain.line, count: 0 } : estimateNodes(text, maxNodes);
  if (estimate.over !== undefined) return { data: undefined, diagnostics: [tooComplex(file, estimate.over, maxNodes)], readable: false, nodes: 0 };

  const parsed = parseYaml(file, text);
  const positions = { doc: parsed.doc, lineCounter: parsed.lineCounter };
  const nodes = estimate.count;
  if (!parsed.readable) return { data: undefined, diagnostics: parsed.diagnostics, readable: false, nodes, positions };
  try {
    return { data: parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: parsed.diagnostics, readable: true, nodes, positions };
  } catch {
    // checkStructure bounds aliases already; this is yaml's own guard, kept as a second line.
    const diagnostic: Diagnostic = {
      code: 'yaml-alias',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: 'te veel YAML-aliassen (*naam): het bestand zou enorm uitdijen bij het inlezen',
      hint: `Gebruik hoogstens ${MAX_ALIAS_COUNT} aliassen; schrijf de waarden liever gewoon uit.`,
    };
    return { data: undefined, diagnostics: [...parsed.diagnostics, diagnostic], readable: false, nodes, positions };
  }
}

export function tooComplex(file: string, line: number, maxNodes: number): Diagnostic {
  return {
    code: 'too-complex',
    severity: 'error',
    file,
    line,
    column: 1,
    message: `meer dan ${formatCount(maxNodes)} waarden (sleutels, teksten, getallen, lijsten) in één bestand; het bestand wordt niet gelezen`,
    hint: 'Een protocolbestand heeft er hooguit enkele duizenden: splits het bestand op of haal herhaalde gegevens weg.',
  };
}

/**
 * An upper bound of the values in `text`, and the line where it passes `maxNodes` if it does. Every
 * YAML value starts on a new line or after one of `- : , [ { ?`, so counting those bounds them.
 */
function estimateNodes(text: string, maxNodes: number): { count: number; over?: number } {
  let count = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    // \n - : , [ { ?
    if (c === 10 || c === 45 || c === 58 || c === 44 || c === 91 || c === 123 || c === 63) {
      if (++count > maxNodes) return { count, over: line };
    }
  }
  return { count };
}

/**
 * yaml's messages in plain Dutch, recognised by their English text (one code, such as MISSING_CHAR,
 * covers quite different slips). The English is not shown: the position says where, this says what.
 */
const YAML_MESSAGES: readonly { english: RegExp; message: string | ((m: RegExpExecArray) => string); hint?: string }[] = [
  {
    english: /^Nested mappings are not allowed in compact mappings/,
    message: 'twee keer "sleutel: " op één regel',
    hint: 'Staat er ": " in de tekst, zet de hele tekst dan tussen aanhalingstekens. Is het een tweede sleutel, zet die dan op een eigen regel.',
  },
  {
    english: /^A block sequence may not be used as an implicit map key/,
    message: 'een lijst ("- ...") staat waar een sleutel hoort',
    hint: 'Spring de lijst verder in dan de sleutel waar hij bij hoort.',
  },
  {
    english: /^Implicit keys (of flow sequence pairs )?need to be on a single line/,
    message: 'een regel zonder dubbele punt staat waar een sleutel hoort',
    hint: 'Hoort de regel bij de tekst erboven, spring hem dan verder in dan de sleutel van die tekst. Is het een sleutel, zet er dan een dubbele punt achter.',
  },
  {
    english: /^Implicit map keys need to be followed by map values/,
    message: 'na deze sleutel ontbreekt de dubbele punt',
    hint: 'Schrijf "sleutel: waarde", met een dubbele punt en een spatie.',
  },
  {
    english: /^Comments must be separated from other tokens by white space/,
    message: 'een # staat direct achter tekst; alleen " #" met een spatie ervoor begint commentaar',
    hint: 'Zet een spatie voor de #, of zet de tekst met de # tussen aanhalingstekens.',
  },
  {
    english: /^Missing , (or : )?between/,
    message: 'tussen twee onderdelen in [ ] of { } ontbreekt een komma',
    hint: "Scheid de onderdelen met komma's, bijvoorbeeld [een, twee] of {step: leeftijd, min: 12}.",
  },
  {
    // "{ next: end advice: [] }": without the comma, "advice: []" reads as a block map inside { }.
    english: /^Block collections are not allowed within flow collections/,
    message: 'tussen twee onderdelen in [ ] of { } ontbreekt een komma',
    hint: "Scheid de onderdelen met komma's, bijvoorbeeld [een, twee] of {step: leeftijd, min: 12}.",
  },
  {
    english: /^Flow (map|sequence) in block collection must be sufficiently indented/,
    message: 'een lijst of map tussen [ ] of { } wordt niet gesloten',
    hint: 'Sluit hem op dezelfde regel af met ] of }.',
  },
  {
    english: /^Missing space after : in/,
    message: 'na de dubbele punt ontbreekt een spatie',
    hint: 'Schrijf "sleutel: waarde", met een spatie na de dubbele punt.',
  },
  {
    english: /^Missing closing ["']quote/,
    message: 'het aanhalingsteken wordt niet gesloten',
    hint: 'Sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint.',
  },
  {
    english: /^Sequence item without - indicator/,
    message: 'een onderdeel van een lijst zonder "- " ervoor',
    hint: 'Begin elk onderdeel van de lijst met "- ".',
  },
  {
    english: /^All sequence items must start at the same column/,
    message: 'de onderdelen van deze lijst beginnen niet in dezelfde kolom',
    hint: 'Zet elke "- " van de lijst recht onder de eerste.',
  },
  {
    english: /^All mapping items must start at the same column/,
    message: 'de sleutels van deze map beginnen niet in dezelfde kolom',
    hint: 'Zet sleutels die bij elkaar horen recht onder elkaar, met even veel spaties ervoor.',
  },
  {
    english: /^Block scalar/,
    message: 'een tekstblok (na | of >) springt niet ver genoeg in',
    hint: 'Spring elke regel van het tekstblok verder in dan de sleutel erboven.',
  },
  {
    english: /^Plain value cannot start with (.+)$/,
    message: (m) => `een waarde begint met ${clip(m[1]!, 20)}; zo'n waarde moet tussen aanhalingstekens`,
    hint: 'Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld "@school: ...".',
  },
  {
    english: /^Invalid escape sequence (.+)$/,
    message: (m) => `de backslash-code ${clip(m[1]!, 20)} bestaat niet in tekst tussen dubbele aanhalingstekens`,
    hint: 'Gebruik enkele aanhalingstekens, of schrijf een backslash dubbel (\\\\).',
  },
  {
    english: /^Tabs are not allowed as indentation/,
    message: 'een tab als inspringing; YAML springt in met spaties',
    hint: 'Vervang de tab door spaties (zet in je editor "tabs als spaties" aan).',
  },
  {
    english: /^Unexpected , in/,
    message: 'een komma op een plek waar die niet kan',
    hint: 'Haal de komma weg, of zet de tekst met de komma tussen aanhalingstekens.',
  },
  {
    english: /^Unexpected empty item in/,
    message: "een leeg onderdeel: twee komma's achter elkaar of een komma vooraan",
    hint: 'Haal de overbodige komma weg.',
  },
  {
    english: /^Flow end indicator should be more indented/,
    message: 'de sluitende ] of } springt minder in dan de sleutel erboven',
    hint: 'Spring de ] of } verder in, of zet hem aan het eind van de vorige regel.',
  },
];

/** What yaml's error codes mean when the message itself is not one of the above. */
const DUTCH_BY_CODE: Record<string, string> = {
  MISSING_CHAR: 'hier ontbreekt een teken (een dubbele punt, komma, aanhalingsteken of haakje)',
  BAD_INDENT: 'de inspringing klopt niet',
  BLOCK_AS_IMPLICIT_KEY: 'de inspringing klopt niet',
  MULTILINE_IMPLICIT_KEY: 'een regel zonder dubbele punt staat waar een sleutel hoort',
  UNEXPECTED_TOKEN: 'hier staat iets wat YAML op deze plek niet verwacht',
  BAD_SCALAR_START: 'een waarde begint met een teken dat aanhalingstekens nodig heeft',
  MULTIPLE_DOCS: 'meer dan één document (---) in één bestand',
};

/** The Dutch message and, when it has its own, the hint for one of yaml's errors. */
function describeYamlError(code: string, original: string): { message: string; hint: string } {
  for (const known of YAML_MESSAGES) {
    const m = known.english.exec(original);
    if (m) return { message: `YAML-fout: ${typeof known.message === 'string' ? known.message : known.message(m)}`, hint: known.hint ?? yamlHint(code) };
  }
  switch (code) {
    case 'DUPLICATE_KEY':
      return { message: 'dubbele sleutel: deze sleutel staat al eerder in dezelfde lijst of map', hint: yamlHint(code) };
    case 'TAG_RESOLVE_FAILED':
      // The tag is the user's own text: quoted short, it says which one.
      return { message: `onbekende of niet toegestane YAML-tag (${clip(original.split('\n')[0] ?? original, 120)})`, hint: yamlHint(code) };
    case 'RESOURCE_EXHAUSTION':
      return { message: `te diep genest: veel meer dan ${MAX_DEPTH} niveaus lijsten en mappen in elkaar`, hint: yamlHint(code) };
    default:
      return { message: `YAML-fout: ${DUTCH_BY_CODE[code] ?? 'deze regel is geen geldige YAML'}`, hint: yamlHint(code) };
  }
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Haal een van de twee weg of geef ze verschillende namen; anders telt alleen de laatste.';
    case 'TAG_RESOLVE_FAILED':
      return 'Gebruik geen tags met ! of !!: schrijf gewone tekst, getallen, lijsten en mappen.';
    case 'RESOURCE_EXHAUSTION':
      return 'Een protocolbestand heeft zelden meer dan 15 niveaus; splits de voorwaarde of de flow op.';
    case 'MISSING_CHAR':
      return 'Kijk op deze plek of er een dubbele punt, komma, aanhalingsteken of haakje ontbreekt.';
    default:
      return 'Controleer inspringing (spaties, geen tabs), dubbele punten en aanhalingstekens op deze plek.';
  }
}
