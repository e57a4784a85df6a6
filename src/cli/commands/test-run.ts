// The work behind `convenant test`: load the protocol and its scenarios, run them, report.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adviceLabel, scenarioCoverage } from '../../analysis/coverage.js';
import { compareDiagnostics } from '../../diagnostics/index.js';
import { checkScenarioIds, loadProtocol, parseScenarioFiles, SCENARIO_DIR } from '../../loader/index.js';
import { FORMATTERS } from '../../render/diagnostics/index.js';
import { sanitize } from '../../render/sanitize.js';
import { renderTestJson, renderTestJunit, renderTestText, type TestReport } from '../../render/test-report.js';
import { PLAIN } from '../../render/theme.js';
import { runScenario } from '../../scenarios/run.js';
import { themeFor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { VERSION } from '../version.js';
import { checkFormat } from './lookup-options.js';
import { DIR_HINT, reportTarget, wrapForGithubActions, writeReport } from './report-output.js';
import { unreadableProtocolDir } from '../protocol-dir.js';
import { TEST_FORMATS } from './formats.js';
import type { TestOptions } from './test.js';

const noScenarios = (target: string) =>
  new UsageError(
    `geen scenariobestanden gevonden in ${sanitize(target)}/${SCENARIO_DIR}`,
    "Zet scenario's in een map scenarios/ naast de protocolbestanden (zie protocols/README.md).",
  );

export async function runTest(io: Io, dir: string | undefined, options: TestOptions): Promise<number> {
  const format = checkFormat(options.format, TEST_FORMATS);
  const target = reportTarget(io, dir, options, 'test');
  // Without a scenarios folder there is nothing to run: say so before loading a big protocol.
  if (existsSync(target) && !existsSync(join(target, SCENARIO_DIR))) throw noScenarios(target);
  const loaded = loadProtocol(target, io.cwd);
  if (!loaded.found) throw unreadableProtocolDir(target, loaded.diagnostics, DIR_HINT);
  const report = async (diagnostics: typeof loaded.diagnostics) =>
    io.stderr.write(
      wrapForGithubActions(
        io,
        FORMATTERS.stylish([...diagnostics].sort(compareDiagnostics), { theme: await themeFor(io, io.stderr, options.color), files: [], toolVersion: VERSION, failOn: 'error' }),
      ),
    );
  if (!loaded.ok || !loaded.protocol) {
    await report(loaded.diagnostics.filter((d) => d.severity === 'error'));
    const folder = dir ?? options.protocols;
    throw new UsageError("het protocol bevat fouten; de scenario's kunnen niet draaien", `Bekijk en herstel ze met: convenant validate${folder ? ` ${sanitize(folder)}` : ''}`);
  }
  if (loaded.scenarioFiles.length === 0 && loaded.scenarioDiagnostics.length === 0) throw noScenarios(target);
  const parsed = parseScenarioFiles(loaded.scenarioFiles);
  // A scenario file with mistakes (also one that could not be read, or an id the protocol does not
  // have: the expectation would test nothing) is reported and skipped whole; the other files still
  // run (exit 2).
  const problems = [...loaded.scenarioDiagnostics, ...parsed.diagnostics, ...checkScenarioIds(loaded.protocol, parsed.scenarios)];
  const badFiles = new Set(problems.filter((d) => d.severity === 'error').map((d) => d.file));
  const invalid = badFiles.size > 0;
  if (invalid) await report(problems);
  const runnable = parsed.scenarios.filter((s) => !badFiles.has(s.location.file));
  const needle = options.filter?.toLowerCase();
  const matches = (s: (typeof parsed.scenarios)[number]) => !needle || s.scenario.name.toLowerCase().includes(needle) || s.location.file.toLowerCase().includes(needle);
  const selected = runnable.filter(matches);
  const skippedFiles = [...badFiles].filter((file) => !needle || file.toLowerCase().includes(needle) || parsed.scenarios.some((s) => s.location.file === file && matches(s)));
  const nothingRuns = new UsageError('een of meer scenariobestanden zijn ongeldig; er is niets gedraaid (zie hierboven)', 'Herstel de fouten in de scenariobestanden.');
  // For people the errors above say it all; a CI report (JSON, JUnit) still lists the files that did not run.
  if (selected.length === 0 && skippedFiles.length > 0 && format !== 'json' && format !== 'junit') throw nothingRuns;
  if (selected.length === 0 && skippedFiles.length === 0) {
    throw new UsageError(
      `geen scenario past bij --filter "${sanitize(options.filter ?? '')}"`,
      `Er zijn ${runnable.length} scenario's; het filter zoekt in de naam en het bestand.`,
    );
  }

  const protocol = loaded.protocol;
  const outcomes = selected.map((located) => ({ located, outcome: runScenario(protocol, located.scenario) }));
  const coverage = scenarioCoverage(
    protocol,
    outcomes.map((o) => o.outcome),
  );
  const place = (obj: object) => {
    const at = loaded.sourceMap.locate(obj);
    return { file: at.file, line: at.line, column: at.column };
  };
  const data: TestReport = {
    skipped: skippedFiles.map((file) => ({
      file,
      problems: problems.filter((d) => d.file === file && d.severity === 'error').map((d) => ({ file: d.file, line: d.line, column: d.column, message: d.message })),
    })),
    scenarios: outcomes.map(({ located, outcome }) => ({
      name: outcome.name,
      file: located.location.file,
      line: located.location.line,
      column: located.location.column,
      passed: outcome.passed,
      failures: outcome.failures.map((f) => {
        const at = located.locate(f.path);
        return {
          file: at.file,
          line: at.line,
          column: at.column,
          message: f.message,
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
        };
      }),
    })),
    coverage: {
      questions: {
        total: coverage.questions.total,
        missing: coverage.questions.missing.map((step) => ({ ...place(step), label: `stap "${step.id}": ${step.question}` })),
      },
      advice: {
        total: coverage.advice.total,
        missing: coverage.advice.missing.map(({ advice, step }) => ({ ...place(advice), label: `${adviceLabel(advice)} in stap "${step.id}"` })),
      },
    },
  };

  const text =
    format === 'json'
      ? renderTestJson(data)
      : format === 'junit'
        ? renderTestJunit(data)
        : renderTestText(data, options.output !== undefined ? PLAIN : await themeFor(io, io.stdout, options.color), { coverageDetails: options.coverage === true });
  writeReport(io, text, { ...options, forPeople: format !== 'json' && format !== 'junit' });
  if (invalid) {
    throw selected.length === 0
      ? nothingRuns
      : new UsageError('een of meer scenariobestanden zijn ongeldig en niet gedraaid; de andere wel (zie hierboven)', 'Herstel de fouten in de scenariobestanden.');
  }
  return data.scenarios.some((s) => !s.passed) ? EXIT.findings : EXIT.ok;
}
