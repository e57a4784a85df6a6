// The work behind `convenant incident`: load the protocol, get the answers (the wizard, or an
// answers file replayed exactly), render the advice and show or save it.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { suggest, type Diagnostic } from '../../diagnostics/index.js';
import { adviceOf, indexProtocol, replay, type WalkState } from '../../engine/index.js';
import { clip } from '../../loader/clip.js';
import { hashFiles, loadProtocol, readDataFile, WITHOUT_SCENARIOS, type ProtocolSourceFile } from '../../loader/index.js';
import type { Protocol } from '../../model/index.js';
import { ADVICE_SCHEMA_VERSION, adviceJson, renderAdviceJson } from '../../render/advice-json.js';
import { renderAdviceMarkdown } from '../../render/advice-markdown.js';
import { renderAdviceText } from '../../render/advice-text.js';
import { renderEmergencyCard } from '../../render/emergency-card.js';
import type { AdviceInput } from '../../render/advice-view.js';
import { guardWorkflowCommands, sanitize, TEXT_ESCAPE } from '../../render/sanitize.js';
import { wrapIndented } from '../../render/text.js';
import { PLAIN, type Theme } from '../../render/theme.js';
import type { Prompter } from '../../ui/prompter.js';
import { runWizard } from '../../ui/wizard.js';
import { themeFor } from '../color.js';
import { Cancelled } from '../../ui/cancelled.js';
import type { PagerOutcome } from '../pager.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { loadBuiltIn } from '../load-protocol.js';
import { protocolDirFor, shippedProtocolDir, unreadableProtocolDir, unreadableReason } from '../protocol-dir.js';
import { checkOutputTarget, writeOutputFile } from '../write-output.js';
import { localDate, offerToSave } from './incident-save.js';
import type { IncidentOptions } from './incident.js';
import { yamlLib } from '../../loader/yaml-lib.js';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** An answers file is a few hundred bytes; refuse anything absurd. */
const MAX_ANSWERS_BYTES = 256 * 1024;
/** Protocol errors listed above the emergency card: the card must stay on screen; validate lists them all. */
const MAX_PROBLEMS_SHOWN = 3;
/** Problems listed for one answers file; a file of 40,000 wrong keys must not flood the terminal. */
const MAX_PROBLEMS = 20;

export interface IncidentDeps {
  /** The clock for the advice date; defaults to SOURCE_DATE_EPOCH (seconds) when set, else now. */
  now?: () => Date;
  /** The prompter for the wizard; defaults to the terminal one. */
  prompter?: Prompter;
}

export async function runIncident(io: Io, options: IncidentOptions, deps: IncidentDeps = {}): Promise<number> {
  const format = parseFormat(options.format);
  const interactive = options.answers === undefined;
  if (interactive && !deps.prompter && !(io.stdin.isTTY && io.stdout.isTTY)) {
    throw new UsageError(
      'er is geen terminal om de vragen te stellen',
      'Geef de antwoorden in een bestand mee: convenant incident --answers antwoorden.yaml (zie convenant incident --help).',
    );
  }
  // Fail before the questions, not after them.
  if (options.output !== undefined) checkOutputTarget(options.output, { cwd: io.cwd, force: options.force === true });
  if (options.saveScenario !== undefined) checkOutputTarget(options.saveScenario, { cwd: io.cwd, force: options.force === true });
  const answers = options.answers !== undefined ? await readAnswersFile(io, options.answers) : undefined;

  // Asked for before the protocol loads: the module's files are read while the loader works.
  const terminalPrompter = interactive && !deps.prompter ? import('../../ui/inquirer-prompter.js') : undefined;
  terminalPrompter?.catch(() => undefined); // an import that fails is reported where it is awaited
  const dir = protocolDirFor(io, options.protocols);
  const loaded = loadProtocol(dir, io.cwd, WITHOUT_SCENARIOS);
  if (!loaded.ok || !loaded.protocol) {
    // A folder that cannot be read at all is one line (or one sentence on the card), not a file:line list.
    if (!loaded.found && !interactive) throw unreadableProtocolDir(dir, loaded.diagnostics);
    if (interactive) {
      if (loaded.found) reportDiagnosticsWrapped(io, loaded.diagnostics, io.stdout.columns ? io.stdout.columns - 1 : 80);
      // Someone may be in danger: the numbers first, then who must repair the protocol.
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      const shown = options.protocols ?? io.env.CONVENANT_PROTOCOLS ?? dir;
      const reason = loaded.found ? undefined : unreadableReason(loaded.diagnostics);
      const card = { fallback: await loadBuiltIn(io, dir), dir: shown, broken: loaded.found, errors, ...(reason ? { reason } : {}) };
      io.stdout.write(renderEmergencyCard(card, await themeFor(io, io.stdout, options.color), io.stdout.columns ? io.stdout.columns - 1 : 80));
      return loaded.found ? EXIT.findings : EXIT.usage;
    }
    reportDiagnostics(io, loaded.diagnostics);
    throw new UsageError(`het protocol in ${dir} bevat fouten; er kan geen advies gegeven worden`, 'Laat de beheerder van het protocol de fouten hierboven herstellen.');
  }
  const protocol = loaded.protocol;
  // Opened before the questions: a wrong register file or a missing school name fails first.
  const register = options.register !== undefined ? (await import('./register-run.js')).openRegisterForIncident(io, options) : undefined;

  const interrupt = listenForInterrupt(io);
  try {
    let state: WalkState;
    let prompter: Prompter | undefined;
    if (answers) {
      if (answers.madeWith) warnIfOtherProtocol(io, answers.madeWith, protocol, hashFiles(loaded.files), options.answers!);
      state = replayAnswers(protocol, answers.values, options.answers!);
    } else {
      prompter = deps.prompter ?? new (await terminalPrompter!).InquirerPrompter(io, await themeFor(io, io.stdout, options.color), { signal: interrupt.signal });
      state = await runWizard(protocol, prompter, { signal: interrupt.signal });
    }
    if (interrupt.signal.aborted) throw new Cancelled();

    const input: AdviceInput = { advice: adviceOf(state), protocol, sha256: hashFiles(loaded.files), generated: (deps.now ?? clockFor(io))() };
    const screenTheme = await themeFor(io, io.stdout, options.color);
    // One column spare: a line that fills the last column makes some terminals wrap it.
    const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns - 1 : undefined;
    const rows = io.stdout.isTTY ? (io.stdout as { rows?: number }).rows : undefined;
    // The pager (and node:child_process with it) loads after the questions, not before the first.
    const { showPaged } = await import('../pager.js');
    // Ctrl-C in the pager stops the command like Ctrl-C anywhere else: nothing more is offered or written.
    const stopIfInterrupted = (outcome: PagerOutcome = 'read') => {
      if (outcome === 'interrupted' || interrupt.signal.aborted) throw new Cancelled();
    };
    const page = async (text: string) => stopIfInterrupted(await showPaged(io, text, { pager: options.pager !== false }));
    const show = async (text: string) => (format === 'text' ? page(text) : (io.stdout.write(text), stopIfInterrupted()));
    if (input.advice.fault) {
      // Shown in the requested format (JSON carries `fault`), never saved: an incomplete advice is no record.
      io.stdout.write(renderAdvice(input, format, screenTheme, width));
      throw new UsageError(`het protocol liep vast: ${input.advice.fault}`, 'Het advies hierboven is onvolledig en is niet bewaard. Meld dit bij de beheerder van het protocol.');
    }
    if (options.saveScenario !== undefined) await saveScenario(io, input, options.saveScenario, options.force === true, interrupt.signal, dir, loaded.files);
    register?.add(adviceJson(input));
    if (options.output === undefined) {
      await show(renderAdvice(input, format, screenTheme, width, rows));
      if (prompter) await offerToSave(io, prompter, input.generated, (f) => renderAdvice(input, f, PLAIN, 80), interrupt.signal);
      return EXIT.ok;
    }
    if (interactive) await page(renderAdvice(input, 'text', screenTheme, width, rows));
    const written = writeOutputFile(options.output, renderAdvice(input, format, PLAIN, 80), {
      cwd: io.cwd,
      force: options.force === true,
      signal: interrupt.signal,
    });
    (interactive ? io.stdout : io.stderr).write(`Advies bewaard in ${sanitize(written)} (alleen leesbaar voor jou).\n`);
    return EXIT.ok;
  } finally {
    interrupt.dispose();
    register?.close();
  }
}

/** The `$schema=` of a protocol file: where that protocol's schemas are (a clone's schema/, or node_modules/convenant/schema/). */
const SCHEMA_HEADER = /^# yaml-language-server: \$schema=(\S+)protocol\.schema\.json$/m;

/**
 * The scenario schema for a file written at `target`, as a path from there: next to the protocol
 * schema the protocol's own files name (so it resolves in a clone and in a repository made with
 * `convenant init`), else the schema of this installation.
 */
function scenarioSchemaPath(target: string, protocolDir: string, files: readonly ProtocolSourceFile[]): string {
  let schemaDir = join(shippedProtocolDir(), '..', '..', 'schema');
  for (const f of files) {
    const header = f.rel === undefined ? null : SCHEMA_HEADER.exec(f.text);
    if (header) {
      schemaDir = resolve(protocolDir, dirname(f.rel!), header[1]!);
      break;
    }
  }
  return relative(dirname(target), join(schemaDir, 'scenario.schema.json')).split(sep).join('/');
}

async function saveScenario(
  io: Io,
  input: AdviceInput,
  file: string,
  force: boolean,
  signal: AbortSignal,
  protocolDir: string,
  files: readonly ProtocolSourceFile[],
): Promise<void> {
  const { scenarioFromAdvice, scenarioName } = await import('../../scenarios/from-walk.js');
  const { stringify } = yamlLib();
  const scenario = scenarioFromAdvice(input.advice, scenarioName(input.advice, localDate(input.generated)));
  const schema = scenarioSchemaPath(resolve(io.cwd, file), resolve(io.cwd, protocolDir), files);
  const text = `# yaml-language-server: $schema=${schema}\n# Vastgelegd met "convenant incident --save-scenario". Controleer de verwachtingen en geef het scenario een naam die zegt wat het test.\n${stringify({ scenarios: [scenario] }, { lineWidth: 0 })}`;
  const written = writeOutputFile(file, text, { cwd: io.cwd, force, signal });
  io.stderr.write(`Scenario bewaard in ${sanitize(written)}.\n`);
}

function parseFormat(format: string): Format {
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UsageError(`onbekend formaat "${format}"`, `Kies --format text, --format markdown of --format json.`);
}

/** The advice in a format, as shown or saved. Protocol text wrapped onto a line of its own never reads as a CI workflow command. */
export function renderAdvice(input: AdviceInput, format: Format, theme: Theme, width: number | undefined, rows?: number): string {
  switch (format) {
    case 'text':
      return guardWorkflowCommands(renderAdviceText(input, theme, { ...(width ? { width } : {}), ...(rows ? { rows } : {}) }), TEXT_ESCAPE);
    case 'markdown':
      return guardWorkflowCommands(renderAdviceMarkdown(input), TEXT_ESCAPE);
    case 'json':
      return renderAdviceJson(input);
  }
}

/** SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) fixes the date; else now. */
function clockFor(io: Io): () => Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  // A value past what a date can hold (year 275760) is ignored, like a value that is not a number.
  const fixed = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (fixed && Number.isFinite(fixed.getTime())) return () => fixed;
  return () => new Date();
}

/**
 * Ctrl-C outside a prompt (while rendering or writing) must also end with exit 130 and nothing
 * written: the real process gets a SIGINT listener for the duration of the command.
 */
function listenForInterrupt(io: Io): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  io.signal?.addEventListener('abort', abort, { once: true });
  if (io.signal?.aborted) controller.abort();
  const real = io.stdin === process.stdin;
  if (real) process.on('SIGINT', abort);
  return {
    signal: controller.signal,
    dispose: () => {
      io.signal?.removeEventListener('abort', abort);
      if (real) process.off('SIGINT', abort);
    },
  };
}

function reportDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    io.stderr.write(`${sanitize(d.file)}:${d.line}:${d.column} ${sanitize(d.message)} [${d.code}]\n`);
    if (d.hint) io.stderr.write(`  ${sanitize(d.hint)}\n`);
  }
}

/** Above the emergency card, for whoever repairs the protocol: the first errors, wrapped to the terminal. */
function reportDiagnosticsWrapped(io: Io, diagnostics: readonly Diagnostic[], width: number): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const wrap = (text: string, indent: string) => `${wrapIndented(sanitize(text), width, indent, indent, { breakLong: true })}\n`;
  for (const d of errors.slice(0, MAX_PROBLEMS_SHOWN)) {
    io.stderr.write(wrap(`${d.file}:${d.line}:${d.column}`, ''));
    io.stderr.write(wrap(`${d.message} [${d.code}]`, '  '));
    if (d.hint) io.stderr.write(wrap(d.hint, '  '));
  }
  if (errors.length > MAX_PROBLEMS_SHOWN) io.stderr.write(wrap(`… en nog ${errors.length - MAX_PROBLEMS_SHOWN}.`, ''));
}

interface AnswersFile {
  values: Record<string, unknown>;
  /** For a saved JSON advice: the protocol it was made with. */
  madeWith?: { id: unknown; version: unknown; sha256: unknown };
}

/**
 * Reads an answers file: YAML or JSON, step id → answer. A saved JSON advice (`--format json`) is
 * accepted too: its `answers[].value` replay the same walk.
 */
async function readAnswersFile(io: Io, file: string): Promise<AnswersFile> {
  // The loader's reader and parser: size limit, binary and UTF-8 checks, no tags, no alias tricks,
  // bounded depth, duplicate and __proto__ keys; every problem located in the file.
  const read = readDataFile(resolve(io.cwd, file), file, MAX_ANSWERS_BYTES);
  if ('problem' in read) {
    if (read.problem.code === 'io-error') throw new UsageError(`kan het antwoordenbestand ${file} niet lezen`, 'Controleer de naam en de map.');
    throw new UsageError(`${file}:${read.problem.line}:${read.problem.column}: ${read.problem.message}`, read.problem.hint);
  }
  // The YAML parser is loaded only for an answers file: the wizard starts without it.
  const { parseYamlData } = await import('../../loader/parse-yaml.js');
  const parsed = parseYamlData(file, read.text);
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (problem) {
    const what = problem.code === 'yaml-syntax' ? `dit is geen geldig YAML- of JSON-bestand: ${problem.message.replace(/^YAML-fout: /, '')}` : problem.message;
    throw new UsageError(`${file}:${problem.line}:${problem.column}: ${what}`, problem.hint ?? 'Schrijf per regel "vraag-id: antwoord", bijvoorbeeld "acuut-gevaar: nee".');
  }
  const data = parsed.data;
  const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (record(data) && Array.isArray(data.answers) && 'schemaVersion' in data) {
    if (data.schemaVersion !== ADVICE_SCHEMA_VERSION) {
      throw new UsageError(
        `${file}: onbekende schemaVersion ${clip(JSON.stringify(data.schemaVersion) ?? '')} van een bewaard advies`,
        `Deze versie van convenant leest bewaarde adviezen met schemaVersion ${ADVICE_SCHEMA_VERSION}. Maak het advies opnieuw, of gebruik de versie van convenant waarmee het gemaakt is.`,
      );
    }
    // No prototype: a step named "__proto__" becomes an ordinary (unknown) answer, reported as such.
    const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const a of data.answers as unknown[]) {
      if (!(record(a) && typeof a.step === 'string' && 'value' in a)) continue;
      // Two answers to one step: which one counts is a guess, and a YAML file with a duplicate key is refused too.
      if (Object.hasOwn(values, a.step)) {
        throw new UsageError(
          `${file}: vraag "${clip(a.step)}" staat twee keer in answers`,
          'Een bewaard advies noemt elke vraag één keer; herstel het bestand of maak het advies opnieuw.',
        );
      }
      values[a.step] = a.value;
    }
    const made = record(data.protocol) ? data.protocol : {};
    return { values, madeWith: { id: made.id, version: made.version, sha256: made.sha256 } };
  }
  if (!record(data)) {
    throw new UsageError(`${file}:1:1: verwacht per vraag-id een antwoord`, 'Schrijf per regel "vraag-id: antwoord", bijvoorbeeld "acuut-gevaar: nee".');
  }
  return { values: data };
}

/** A saved advice replayed against another protocol (or another version of it) can come out differently: say so. */
function warnIfOtherProtocol(io: Io, made: NonNullable<AnswersFile['madeWith']>, protocol: Protocol, sha256: string, file: string): void {
  const { id, version } = protocol.meta;
  if (made.id === id && made.version === version && made.sha256 === sha256) return;
  const then = `${typeof made.id === 'string' ? clip(made.id) : '?'} versie ${typeof made.version === 'string' ? clip(made.version) : '?'}`;
  const reason = made.id !== id || made.version !== version ? `nu is het ${id} versie ${version}` : 'de protocolbestanden zijn sindsdien veranderd (andere vingerafdruk)';
  io.stderr.write(sanitize(`Let op: ${file} is gemaakt met protocol ${then}; ${reason}. Het advies hieronder volgt het huidige protocol en kan anders zijn dan het bewaarde.\n`));
}

/** Replays the answers exactly; every problem (unknown step, unused or invalid answer) is a usage error naming the step. */
function replayAnswers(protocol: Protocol, values: Record<string, unknown>, file: string): WalkState {
  const index = indexProtocol(protocol);
  const questions = [...index.steps.values()].filter((e) => e.step.type !== 'route').map((e) => e.step.id);
  const known = new Set(questions);
  const problems: string[] = [];
  for (const id of Object.keys(values)) {
    if (known.has(id)) continue;
    const near = suggest(id, questions);
    problems.push(`vraag "${clip(id)}" bestaat niet in dit protocol${near ? ` (bedoel je "${near}"?)` : ''}`);
  }
  const result = replay(protocol, values);
  for (const p of result.problems) {
    if (p.kind === 'unused-answer' && !known.has(p.step)) continue;
    problems.push(p.message);
  }
  if (problems.length > 0) {
    throw new UsageError(
      `het antwoordenbestand ${file} past niet bij het protocol:\n${problems
        .slice(0, MAX_PROBLEMS)
        .map((p) => `  - ${p}`)
        .join('\n')}${problems.length > MAX_PROBLEMS ? `\n  - en nog ${problems.length - MAX_PROBLEMS}` : ''}`,
      'Een antwoordenbestand noemt elke gestelde vraag precies één keer, met een geldig antwoord (zie convenant incident --help).',
    );
  }
  return result.state;
}
