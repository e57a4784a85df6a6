// The default format, for people: grouped per file, `line:col  severity  message  code`, the hint
// under it, and a summary line. Every text from the protocol is sanitised before it is shown.
import { SEVERITY_RANK } from '../../diagnostics/index.js';
import { guardWorkflowCommands, sanitize, sanitizeLine, TEXT_ESCAPE } from '../sanitize.js';
import { byFile, INCOMPLETE_NOTE, plural, SEVERITY_LABEL, summaryText, type Formatter } from './format.js';

export const stylish: Formatter = (diagnostics, { theme, files, complete = true }) => {
  const c = theme.chalk;
  const color = { error: c.red, warning: c.yellow, info: c.blue } as const;
  // After fixing the errors, the skipped checks can bring new findings: say so up front.
  const note = complete ? '' : `${INCOMPLETE_NOTE}\n`;
  if (diagnostics.length === 0) {
    return `${c.green('✔')} Geen problemen gevonden in ${plural(files.length, 'bestand', 'bestanden')}.\n${note}`;
  }
  const lines: string[] = [];
  for (const [file, list] of byFile(diagnostics)) {
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
  const worst = diagnostics.reduce((w, d) => (SEVERITY_RANK[d.severity] > SEVERITY_RANK[w] ? d.severity : w), 'info' as keyof typeof color);
  lines.push(color[worst].bold(`✖ ${summaryText(diagnostics)}`));
  return guardWorkflowCommands(`${lines.join('\n')}\n${note}`, TEXT_ESCAPE);
};
