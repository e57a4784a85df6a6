// What a rule is: a registered code (its default severity and Dutch description live in
// src/diagnostics/codes.ts) and a check that returns findings about parsed objects. Positions are
// attached once, in validate.ts.
import type { AnalysisCode, DiagnosticCode, Severity } from '../diagnostics/index.js';
import type { AnalysisContext } from './context.js';

export interface Finding {
  /** The parsed object the finding is about (anything the loader recorded in the source map). */
  node: object;
  /** A key or index of `node` to point at instead of the whole object. */
  key?: string | number;
  /** Point at the key itself rather than its value (for ids and misspelt keys). */
  atKey?: boolean;
  /** Dutch, leading with its subject. */
  message: string;
  hint?: string;
  /** Overrides the rule's severity for this finding (rarely needed). */
  severity?: Severity;
  /** Overrides the rule's code, for a finding that belongs to a shared code (e.g. invalid-value). */
  code?: DiagnosticCode;
}

export interface Rule {
  code: AnalysisCode;
  /**
   * Only meaningful on a protocol the loader accepted without errors: with items dropped by the
   * schema, these rules would report echoes (unused sources, unreachable steps) of those errors.
   */
  needsValidProtocol: boolean;
  check(ctx: AnalysisContext): Iterable<Finding>;
}
