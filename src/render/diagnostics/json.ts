// Machine-readable: one JSON document with a summary and every diagnostic.
import { sanitize } from '../sanitize.js';
import { counts, type Formatter } from './format.js';

export const json: Formatter = (diagnostics, { files }) => {
  const c = counts(diagnostics);
  const document = {
    version: 1,
    summary: { files: files.length, errors: c.error, warnings: c.warning, info: c.info },
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
      ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
      message: sanitize(d.message),
      ...(d.hint ? { hint: sanitize(d.hint) } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
