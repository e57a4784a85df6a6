// One type for every problem: YAML syntax, schema, references and graph checks alike.
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Diagnostic {
  /** Stable kebab-case code, e.g. `unknown-key`, `dangling-ref`. */
  code: string;
  severity: Severity;
  /** File path as given to the loader (relative to the protocol folder's parent when read from disk). */
  file: string;
  /** 1-based, like editors and GitHub annotations. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** What is wrong, leading with its subject. Dutch. */
  message: string;
  /** How to fix it. Dutch. */
  hint?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
