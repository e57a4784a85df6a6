// The shared shape of every diagnostics formatter: pure, diagnostics in, one string out.
import type { Diagnostic, Severity } from '../../diagnostics/index.js';
import type { Theme } from '../theme.js';

export interface FormatContext {
  theme: Theme;
  /** The files that were checked, as shown in diagnostics (for summaries and per-file test cases). */
  files: readonly string[];
  toolVersion: string;
  /** Findings at or above this severity fail the run (junit marks only those as failures). */
  failOn: Severity | 'never';
  /** False when the whole-protocol checks were skipped because the loader reported errors (default true). */
  complete?: boolean;
  /** Show every finding, also of checks that are grouped by default (stylish). */
  verbose?: boolean;
  /** Findings left out by --quiet, so the report can say how many it hid. */
  hidden?: number;
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'info' };

export function counts(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) c[d.severity]++;
  return c;
}

/** Said once, in every format, when `complete` is false: fixing the errors can bring new findings. */
export const INCOMPLETE_NOTE = 'Sommige controles (ongebruikte bronnen, onbereikbare stappen, paden) draaien pas als de fouten hierboven zijn opgelost.';

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 problemen (1 fout, 2 waarschuwingen)". */
export function summaryText(diagnostics: readonly Diagnostic[]): string {
  const c = counts(diagnostics);
  const parts = [plural(c.error, 'fout', 'fouten'), plural(c.warning, 'waarschuwing', 'waarschuwingen')];
  if (c.info > 0) parts.push(`${c.info} info`);
  return `${plural(diagnostics.length, 'probleem', 'problemen')} (${parts.join(', ')})`;
}

/** Diagnostics grouped per file, files in first-seen order. */
export function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    let list = groups.get(d.file);
    if (!list) groups.set(d.file, (list = []));
    list.push(d);
  }
  return groups;
}
