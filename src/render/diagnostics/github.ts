// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
// Escaping follows @actions/core: data escapes % CR LF; properties also escape : and ,.
import type { Severity } from '../../diagnostics/index.js';
import { guardWorkflowCommands, sanitize, TEXT_ESCAPE } from '../sanitize.js';
import { INCOMPLETE_NOTE, type Formatter } from './format.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// `##[` (a legacy command, anywhere on a line) is broken up as well.
export const escapeData = (s: string) => guardWorkflowCommands(s, TEXT_ESCAPE).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (diagnostics, { complete = true }) =>
  diagnostics
    .map((d) => {
      const props = [
        // A file name can hold control characters too (a hostile repository): never raw.
        `file=${escapeProperty(sanitize(d.file))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        ...(d.endLine !== undefined ? [`endLine=${d.endLine}`] : []),
        ...(d.endColumn !== undefined ? [`endColumn=${d.endColumn}`] : []),
        `title=${escapeProperty(d.code)}`,
      ];
      const text = d.hint ? `${sanitize(d.message)}\n${sanitize(d.hint)}` : sanitize(d.message);
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(text)}\n`;
    })
    .join('') + (complete ? '' : `::notice::${escapeData(INCOMPLETE_NOTE)}\n`);
