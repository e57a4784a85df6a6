// Machine-readable: one JSON document with a summary and every diagnostic.
import { sanitize } from '../sanitize.js';
import { safeJson } from '../text.js';
import { counts, INCOMPLETE_NOTE, type Formatter } from './format.js';

export const json: Formatter = (diagnostics, { files, complete = true }) => {
  const c = counts(diagnostics);
  const document = {
    version: 1,
    // False when some checks were skipped because of the errors: fixing them can bring new findings.
    complete,
    ...(complete ? {} : { note: INCOMPLETE_NOTE }),
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
  return safeJson(document);
};
