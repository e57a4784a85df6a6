// SARIF 2.1.0 (OASIS), for code scanning dashboards: one run, every code as a rule, every finding
// as a result with its physical location. Columns are UTF-16 code units, as JavaScript counts them.
import { CODES, type Severity } from '../../diagnostics/index.js';
import { sanitize } from '../sanitize.js';
import { safeJson } from '../text.js';
import { INCOMPLETE_NOTE, type Formatter } from './format.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative file path as a URI reference: forward slashes, each segment percent-encoded. */
export function fileUri(file: string): string {
  // A lone surrogate cannot be percent-encoded (URIError): it becomes U+FFFD, as a UTF-8 decoder would.
  const wellFormed = file.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export const sarif: Formatter = (diagnostics, { toolVersion, complete = true }) => {
  const index = new Map(CODES.map((c, i) => [c.code, i]));
  const log = {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'convenant',
            version: toolVersion,
            rules: CODES.map((c) => ({
              id: c.code,
              shortDescription: { text: c.description },
              defaultConfiguration: { level: LEVEL[c.severity] },
            })),
          },
        },
        // The run itself succeeded; a tool notification says that some checks were skipped.
        ...(complete
          ? {}
          : {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [{ descriptor: { id: 'analysis-incomplete' }, level: 'note', message: { text: INCOMPLETE_NOTE } }],
                },
              ],
            }),
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => {
          const end =
            d.endLine !== undefined && d.endColumn !== undefined && (d.endLine > d.line || (d.endLine === d.line && d.endColumn > d.column))
              ? { endLine: d.endLine, endColumn: d.endColumn }
              : {};
          return {
            ruleId: d.code,
            ...(index.has(d.code) ? { ruleIndex: index.get(d.code)! } : {}),
            level: LEVEL[d.severity],
            message: { text: d.hint ? `${sanitize(d.message)}\n${sanitize(d.hint)}` : sanitize(d.message) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: fileUri(d.file) },
                  region: { startLine: d.line, startColumn: d.column, ...end },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return safeJson(log);
};
