// Runs the analysis rules over a loaded protocol and attaches positions once, from the source map.
import { compareDiagnostics, defaultSeverity, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import type { SourceMap } from '../loader/index.js';
import type { Protocol } from '../model/core.js';
import { applyCheckConfig } from './check-config.js';
import { AnalysisContext, type AnalysisOptions } from './context.js';
import { RULES } from './rules/index.js';

export interface LoadedProtocol {
  protocol?: Protocol;
  diagnostics: readonly Diagnostic[];
  /** Positions: the loader's source map (only `locate` is used). */
  sourceMap: Pick<SourceMap, 'locate'>;
  /** The files the protocol was read from (see AnalysisContext.sourceTexts). */
  files: readonly { text: string }[];
}

/** The analysis findings of one protocol. `complete` is false when the loader reported errors. */
export function analyseProtocol(
  protocol: Protocol,
  sourceMap: Pick<SourceMap, 'locate'>,
  options: AnalysisOptions,
  complete = true,
  sourceTexts?: readonly string[],
): Diagnostic[] {
  const ctx = new AnalysisContext(protocol, options, complete, sourceTexts);
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.needsValidProtocol && !complete) continue;
    for (const finding of rule.check(ctx)) {
      const at = sourceMap.locate(finding.node, finding.key, finding.atKey);
      out.push({
        code: finding.code ?? rule.code,
        severity: finding.severity ?? defaultSeverity(rule.code),
        file: at.file,
        line: at.line,
        column: at.column,
        endLine: at.endLine,
        endColumn: at.endColumn,
        message: finding.message,
        ...(finding.hint ? { hint: finding.hint } : {}),
      });
    }
  }
  return out;
}

/**
 * Whether every analysis rule runs on this protocol: false when the loader reported errors (the
 * `needsValidProtocol` rules are then skipped) or produced no protocol at all. Reports say so.
 */
export function analysisComplete(loaded: Pick<LoadedProtocol, 'protocol' | 'diagnostics'>): boolean {
  return loaded.protocol !== undefined && !hasErrors(loaded.diagnostics);
}

/** Loader diagnostics plus the analysis, as the protocol's `checks:` sets them, sorted by file and position. */
export function validateLoaded(loaded: LoadedProtocol, options: AnalysisOptions): Diagnostic[] {
  const all = [...loaded.diagnostics];
  const texts = loaded.files.map((f) => f.text);
  if (loaded.protocol) all.push(...analyseProtocol(loaded.protocol, loaded.sourceMap, options, analysisComplete(loaded), texts));
  return applyCheckConfig(all, loaded.protocol, loaded.sourceMap).sort(compareDiagnostics);
}
