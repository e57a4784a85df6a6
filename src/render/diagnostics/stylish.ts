// The default format, for people: grouped per file, `line:col  severity  message  code`, the hint
// under it, and a summary line. Every text from the protocol is sanitised before it is shown.
import { SEVERITY_RANK, type Diagnostic } from '../../diagnostics/index.js';
import { guardWorkflowCommands, sanitize, sanitizeLine, TEXT_ESCAPE } from '../sanitize.js';
import { byFile, INCOMPLETE_NOTE, plural, SEVERITY_LABEL, summaryText, type Formatter } from './format.js';

/** More warnings or infos of one check than this are shown as one line with the count (all with --verbose). */
export const GROUP_AFTER = 3;

export const stylish: Formatter = (diagnostics, { theme, files, complete = true, verbose = false, hidden = 0 }) => {
  const c = theme.chalk;
  const color = { error: c.red, warning: c.yellow, info: c.blue } as const;
  // After fixing the errors, the skipped checks can bring new findings: say so up front.
  const note = `${complete ? '' : `${INCOMPLETE_NOTE}\n`}${hidden > 0 ? `${plural(hidden, 'melding', 'meldingen')} (waarschuwing of info) niet getoond door --quiet.\n` : ''}`;
  if (diagnostics.length === 0) {
    const what = hidden > 0 ? 'Geen fouten' : 'Geen problemen';
    return `${c.green('✔')} ${what} gevonden in ${plural(files.length, 'bestand', 'bestanden')}.\n${note}`;
  }
  const groups = verbose ? new Map<string, Diagnostic[]>() : repeated(diagnostics);
  const lines: string[] = [];
  for (const [file, list] of byFile(diagnostics.filter((d) => !groups.has(d.code)))) {
    lines.push(c.underline(sanitizeLine(file)));
    const posWidth = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    const sevWidth = Math.max(...list.map((d) => SEVERITY_LABEL[d.severity].length));
    const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);
    for (const d of list) {
      const pos = `${d.line}:${d.column}`.padEnd(posWidth);
      const sev = color[d.severity](SEVERITY_LABEL[d.severity].padEnd(sevWidth));
      // A message is one line (a line break from protocol text shows as \n); a hint may span lines,
      // its continuation lines stay under it so the columns read as one block.
      lines.push(`  ${c.dim(pos)}  ${sev}  ${sanitizeLine(d.message)}  ${c.dim(d.code)}`);
      if (d.hint) lines.push(`${indent}${c.dim('→')} ${sanitize(d.hint).split('\n').join(`\n${indent}  `)}`);
    }
    lines.push('');
  }
  if (groups.size > 0) {
    lines.push(c.underline('Herhaalde meldingen') + c.dim(' (alle plekken: --verbose)'));
    for (const [code, list] of groups) {
      const first = list[0]!;
      const sev = color[first.severity](SEVERITY_LABEL[first.severity]);
      lines.push(`  ${list.length}× ${sev}  ${sanitizeLine(first.message)} ${c.dim(`(en ${list.length - 1} andere)`)}  ${c.dim(code)}`);
      lines.push(`      ${c.dim('eerste:')} ${sanitizeLine(first.file)}:${first.line}:${first.column}`);
      if (first.hint) lines.push(`      ${c.dim('→')} ${sanitize(first.hint).split('\n').join('\n        ')}`);
      lines.push(`      ${c.dim('→')} Zet deze controle uit of lager met "checks: { ${code}: off }" in protocol.yaml.`);
    }
    lines.push('');
  }
  const worst = diagnostics.reduce((w, d) => (SEVERITY_RANK[d.severity] > SEVERITY_RANK[w] ? d.severity : w), 'info' as keyof typeof color);
  lines.push(color[worst].bold(`✖ ${summaryText(diagnostics)}`));
  return guardWorkflowCommands(`${lines.join('\n')}\n${note}`, TEXT_ESCAPE);
};

/** Checks with more than GROUP_AFTER warnings or infos; errors are always listed one by one. */
function repeated(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity === 'error') continue;
    let list = byCode.get(d.code);
    if (!list) byCode.set(d.code, (list = []));
    list.push(d);
  }
  for (const [code, list] of byCode) if (list.length <= GROUP_AFTER || list.some((d) => d.severity !== list[0]!.severity)) byCode.delete(code);
  return byCode;
}
