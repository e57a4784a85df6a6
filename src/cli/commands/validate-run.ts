// The work behind `convenant validate`: load, analyse, format, exit code.
import { analysisComplete, validateLoaded } from '../../analysis/index.js';
import { isCalendarDate, localDate } from '../../analysis/contacts.js';
import { CODES, SEVERITY_RANK, suggest, type Diagnostic } from '../../diagnostics/index.js';
import { FORMAT_NAMES, FORMATTERS, SEVERITY_LABEL } from '../../render/diagnostics/index.js';
import { sanitize } from '../../render/sanitize.js';
import { PLAIN } from '../../render/theme.js';
import { themeFor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { loadProtocol, WITHOUT_SCENARIOS } from '../../loader/index.js';
import { VERSION } from '../version.js';
import { checkFormat } from './lookup-options.js';
import { DIR_HINT, reportTarget, writeReport } from './report-output.js';
import { unreadableProtocolDir } from '../protocol-dir.js';
import { FAIL_ON } from './formats.js';
import type { ValidateOptions } from './validate.js';

export async function runValidate(io: Io, dir: string | undefined, options: ValidateOptions, now: () => Date = () => new Date()): Promise<number> {
  if (options.listRules) {
    io.stdout.write(listRules());
    return EXIT.ok;
  }
  const format = checkFormat(options.format, FORMAT_NAMES);
  const failOn = FAIL_ON.find((f) => f === options.failOn);
  if (!failOn) {
    const close = suggest(options.failOn, FAIL_ON);
    throw new UsageError(`onbekende ernst "${sanitize(options.failOn)}" bij --fail-on`, `${close ? `Bedoel je "${close}"? ` : ''}Kies uit: ${FAIL_ON.join(', ')}.`);
  }
  if (options.today !== undefined && !isCalendarDate(options.today)) {
    throw new UsageError(`"${sanitize(options.today)}" is geen geldige datum`, 'Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld --today 2026-09-01.');
  }
  const target = reportTarget(io, dir, options, 'validate');
  // The scenario files are the protocol's tests: `test` reads and checks them, validate does not.
  const loaded = loadProtocol(target, io.cwd, WITHOUT_SCENARIOS);
  if (!loaded.found) throw unreadableProtocolDir(target, loaded.diagnostics, DIR_HINT);
  let diagnostics: Diagnostic[] = validateLoaded(loaded, { today: options.today ?? localDate(now()) });
  const all = diagnostics.length;
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');

  const report = FORMATTERS[format](diagnostics, {
    theme: options.output !== undefined ? PLAIN : await themeFor(io, io.stdout, options.color),
    files: loaded.files.map((f) => f.name),
    toolVersion: VERSION,
    failOn,
    complete: analysisComplete(loaded),
    verbose: options.verbose === true,
    hidden: all - diagnostics.length,
  });
  writeReport(io, report, { ...options, forPeople: format === 'stylish' });

  // A file that could not be read, or input past the limits of what is read at all, is an input
  // error, not a finding about the protocol.
  if (diagnostics.some((d) => d.code === 'io-error' || d.code === 'too-complex')) return EXIT.usage;
  const failing = failOn !== 'never' && diagnostics.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failOn]);
  return failing ? EXIT.findings : EXIT.ok;
}

function listRules(): string {
  const width = Math.max(...CODES.map((c) => c.code.length));
  const sevWidth = Math.max(...CODES.map((c) => SEVERITY_LABEL[c.severity].length));
  const lines = CODES.map((c) => `${c.code.padEnd(width)}  ${SEVERITY_LABEL[c.severity].padEnd(sevWidth)}  ${c.description}`);
  return `${lines.join('\n')}\n`;
}
