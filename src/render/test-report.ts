// The report of `convenant test`: every scenario with its failures (file:line, expected vs actual),
// the coverage of questions and advice, and the closing line `N passed, N failed`. Pure.
import { plural } from './diagnostics/format.js';
import { escapeXml, guardXml } from './diagnostics/xml.js';
import { guardWorkflowCommands, sanitize, sanitizeLine, TEXT_ESCAPE } from './sanitize.js';
import { safeJson } from './text.js';
import type { Theme } from './theme.js';

export interface Place {
  file: string;
  line: number;
  column: number;
}

export interface ScenarioResult extends Place {
  name: string;
  passed: boolean;
  failures: (Place & { message: string; expected?: string; actual?: string })[];
}

export interface Uncovered extends Place {
  /** "stap "x": vraag?" or "partner politie (vandaag)". */
  label: string;
}

/** A scenario file with errors: none of its scenarios ran. */
export interface SkippedFile {
  file: string;
  problems: (Place & { message: string })[];
}

export interface TestReport {
  scenarios: ScenarioResult[];
  /** Scenario files not run because they have errors; CI must see them, not only the scenarios that ran. */
  skipped: SkippedFile[];
  coverage: {
    questions: { total: number; missing: Uncovered[] };
    advice: { total: number; missing: Uncovered[] };
  };
}

const where = (p: Place) => `${p.file}:${p.line}:${p.column}`;

export function passedCount(report: TestReport): { passed: number; failed: number } {
  const failed = report.scenarios.filter((s) => !s.passed).length;
  return { passed: report.scenarios.length - failed, failed };
}

/** "Dekking: 95 van 98 vragen en 270 van 301 adviezen worden door een scenario bereikt." */
export function coverageLine(report: TestReport): string {
  const { questions, advice } = report.coverage;
  const q = questions.total - questions.missing.length;
  const a = advice.total - advice.missing.length;
  return `Dekking: ${q} van ${plural(questions.total, 'vraag', 'vragen')} en ${a} van ${plural(advice.total, 'advies', 'adviezen')} worden door een scenario bereikt.`;
}

export function renderTestText(report: TestReport, theme: Theme, options: { coverageDetails: boolean }): string {
  const c = theme.chalk;
  const where = (p: Place) => `${sanitizeLine(p.file)}:${p.line}:${p.column}`;
  const lines: string[] = [];
  let file: string | undefined;
  for (const s of report.scenarios) {
    if (s.file !== file) {
      if (file !== undefined) lines.push('');
      file = s.file;
      lines.push(c.underline(sanitizeLine(s.file)));
    }
    if (s.passed) {
      lines.push(`  ${c.green('✓')} ${sanitizeLine(s.name)}`);
      continue;
    }
    lines.push(`  ${c.red('✗')} ${sanitizeLine(s.name)} ${c.dim(`(${where(s)})`)}`);
    for (const f of s.failures) {
      lines.push(`      ${c.dim(where(f))}  ${sanitizeLine(f.message)}`);
      if (f.expected !== undefined) lines.push(`        verwacht: ${c.green(sanitizeLine(f.expected))}`);
      if (f.actual !== undefined) lines.push(`        kreeg:    ${c.red(sanitizeLine(f.actual))}`);
    }
  }
  lines.push('');
  const { questions, advice } = report.coverage;
  lines.push(coverageLine(report));
  if (options.coverageDetails) {
    for (const [title, list] of [
      ['Vragen die geen scenario bereikt:', questions.missing],
      ['Adviezen die geen scenario oplevert:', advice.missing],
    ] as const) {
      if (list.length === 0) continue;
      lines.push(title);
      for (const u of list) lines.push(`  ${c.dim(where(u))}  ${sanitizeLine(u.label)}`);
    }
  } else if (questions.missing.length + advice.missing.length > 0) {
    lines.push(c.dim('  Zie welke met --coverage.'));
  }
  if (report.skipped.length > 0) {
    lines.push(
      c.red(`${plural(report.skipped.length, 'scenariobestand', 'scenariobestanden')} met fouten niet gedraaid: ${report.skipped.map((f) => sanitizeLine(f.file)).join(', ')}`),
    );
  }
  const { passed, failed } = passedCount(report);
  lines.push(`${passed} passed, ${failed} failed`);
  return guardWorkflowCommands(`${lines.join('\n')}\n`, TEXT_ESCAPE);
}

export function renderTestJson(report: TestReport): string {
  const { passed, failed } = passedCount(report);
  const clean = (u: Uncovered) => ({ ...u, label: sanitize(u.label) });
  const document = {
    version: 1,
    passed,
    failed,
    scenarios: report.scenarios.map((s) => ({
      ...s,
      name: sanitize(s.name),
      failures: s.failures.map((f) => ({
        ...f,
        message: sanitize(f.message),
        ...(f.expected !== undefined ? { expected: sanitize(f.expected) } : {}),
        ...(f.actual !== undefined ? { actual: sanitize(f.actual) } : {}),
      })),
    })),
    skipped: report.skipped.map((f) => ({ file: f.file, problems: f.problems.map((p) => ({ ...p, message: sanitize(p.message) })) })),
    coverage: {
      questions: { total: report.coverage.questions.total, missing: report.coverage.questions.missing.map(clean) },
      advice: { total: report.coverage.advice.total, missing: report.coverage.advice.missing.map(clean) },
    },
  };
  return safeJson(document);
}

export function renderTestJunit(report: TestReport): string {
  const files = new Map<string, ScenarioResult[]>();
  for (const s of report.scenarios) {
    let list = files.get(s.file);
    if (!list) files.set(s.file, (list = []));
    list.push(s);
  }
  const { passed, failed } = passedCount(report);
  const suites = [...files].map(([file, list]) => {
    const cases = list.map((s) => {
      const open = `    <testcase classname="${escapeXml(file)}" name="${escapeXml(s.name)}"`;
      if (s.passed) return `${open}/>`;
      const text = s.failures
        .map((f) => `${where(f)} ${f.message}${f.expected !== undefined ? `\nverwacht: ${f.expected}` : ''}${f.actual !== undefined ? `\nkreeg:    ${f.actual}` : ''}`)
        .join('\n');
      return `${open}>\n      <failure message="${escapeXml(s.failures[0]?.message ?? '')}">${escapeXml(text)}</failure>\n    </testcase>`;
    });
    const failures = list.filter((s) => !s.passed).length;
    return `  <testsuite name="${escapeXml(file)}" tests="${list.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  // A file that did not run is an error in the report (not a pass, not a failed expectation).
  for (const f of report.skipped) {
    const text = f.problems.map((p) => `${where(p)} ${p.message}`).join('\n');
    suites.push(
      `  <testsuite name="${escapeXml(f.file)}" tests="1" failures="0" errors="1">\n` +
        `    <testcase classname="${escapeXml(f.file)}" name="scenariobestand">\n` +
        `      <error message="${escapeXml(`scenariobestand met fouten, niet gedraaid: ${f.problems[0]?.message ?? ''}`)}">${escapeXml(text)}</error>\n` +
        `    </testcase>\n  </testsuite>`,
    );
  }
  const errors = report.skipped.length;
  return guardXml(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="convenant test" tests="${passed + failed + errors}" failures="${failed}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`,
  );
}
