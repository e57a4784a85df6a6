// `checks:` in protocol.yaml: a coordinator turns an analysis check off or changes its severity for
// this protocol (e.g. contact-person-missing off until Bijlage 2 is filled in). Only checks of the
// analysis can be set: the loader's codes guard the shape the engine relies on.
import { CODES, isAnalysisCode, isDiagnosticCode, suggest, type Diagnostic } from '../diagnostics/index.js';
import type { Protocol } from '../model/core.js';
import type { LoadedProtocol } from './validate.js';

const ANALYSIS_CODES: readonly string[] = CODES.filter((c) => c.stage === 'analyse').map((c) => c.code);

/**
 * The diagnostics as the protocol's `checks:` wants them (dropped or with another severity), plus a
 * located error for every entry that names no analysis check.
 */
export function applyCheckConfig(diagnostics: readonly Diagnostic[], protocol: Protocol | undefined, sourceMap: LoadedProtocol['sourceMap']): Diagnostic[] {
  const checks = protocol?.meta.checks;
  if (!checks) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = Object.hasOwn(checks, d.code) ? checks[d.code] : undefined;
    if (level === 'off') continue;
    out.push(level && isAnalysisCode(d.code) ? { ...d, severity: level } : d);
  }
  for (const code of Object.keys(checks)) {
    if (isAnalysisCode(code)) continue;
    const at = sourceMap.locate(checks, code, true);
    const known = isDiagnosticCode(code);
    const close = known ? undefined : suggest(code, ANALYSIS_CODES);
    out.push({
      code: 'invalid-value',
      severity: 'error',
      ...at,
      message: known ? `controle "${code}" kan niet worden aangepast: die bewaakt de vorm van het protocol` : `"${code}" is geen controle van convenant`,
      hint: known
        ? 'Alleen controles van de analyse kun je aanpassen (convenant validate --list-rules, fase "analyse"). Haal deze regel weg uit "checks:".'
        : `${close ? `Bedoel je "${close}"? ` : ''}Alle controles: convenant validate --list-rules.`,
    });
  }
  return out;
}
