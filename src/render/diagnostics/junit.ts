// JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure): a test suite per
// checked file, a test case per finding. Findings at or above --fail-on are failures; the rest pass
// with their text in system-out. A file without findings is one passing test case.
import { SEVERITY_RANK, type Diagnostic } from '../../diagnostics/index.js';
import { byFile, INCOMPLETE_NOTE, SEVERITY_LABEL, type FormatContext, type Formatter } from './format.js';
import { escapeXml, guardXml } from './xml.js';

const fails = (d: Diagnostic, failOn: FormatContext['failOn']) => failOn !== 'never' && SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failOn];

const SKIPPED_SUITE = 'overige controles';

export const junit: Formatter = (diagnostics, { files, failOn, complete = true }) => {
  const groups = byFile(diagnostics);
  const names = [...new Set([...files, ...groups.keys()])];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of names) {
    const list = groups.get(file) ?? [];
    const cases: string[] = [];
    let failed = 0;
    for (const d of list) {
      const text = `${d.file}:${d.line}:${d.column} ${SEVERITY_LABEL[d.severity]} ${d.message}${d.hint ? `\n${d.hint}` : ''}`;
      const name = escapeXml(`${d.line}:${d.column} ${d.code}`);
      if (fails(d, failOn)) {
        failed++;
        cases.push(
          `    <testcase classname="${escapeXml(file)}" name="${name}">\n` +
            `      <failure type="${escapeXml(d.code)}" message="${escapeXml(d.message)}">${escapeXml(text)}</failure>\n` +
            `    </testcase>`,
        );
      } else {
        cases.push(`    <testcase classname="${escapeXml(file)}" name="${name}">\n      <system-out>${escapeXml(text)}</system-out>\n    </testcase>`);
      }
    }
    if (list.length === 0) cases.push(`    <testcase classname="${escapeXml(file)}" name="geen problemen"/>`);
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (!complete) {
    // The checks that wait for the errors to be fixed: one skipped test case, so CI shows them as not run.
    const name = escapeXml(SKIPPED_SUITE);
    tests++;
    suites.push(
      `  <testsuite name="${name}" tests="1" failures="0" errors="0" skipped="1">\n` +
        `    <testcase classname="${name}" name="controles op het hele protocol">\n      <skipped message="${escapeXml(INCOMPLETE_NOTE)}"/>\n    </testcase>\n` +
        `  </testsuite>`,
    );
  }
  return guardXml(
    '<?xml version="1.0" encoding="UTF-8"?>\n' + `<testsuites name="convenant validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`,
  );
};
