// One type for every problem: YAML syntax, schema, references and graph checks alike.
import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Diagnostic {
  /** Stable kebab-case code from the registry (codes.ts), e.g. `unknown-key`, `dangling-ref`. */
  code: DiagnosticCode;
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

/**
 * By file, position, code and message. Texts compare by code unit, not with `localeCompare`: the
 * order is then the same on every machine whatever its locale, and no ICU collator is set up (a
 * noticeable part of every `validate` run).
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code) || compareText(a.message, b.message);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
