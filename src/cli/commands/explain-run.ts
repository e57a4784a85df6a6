// The work behind `convenant explain`.
import { explain, targetKindsOf } from '../../explain/explain.js';
import { explanationJson, renderExplanation } from '../../render/explain.js';
import { sanitize } from '../../render/sanitize.js';
import { safeJson } from '../../render/text.js';
import { themeFor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { EXPLAIN_FORMATS, EXPLAIN_KINDS } from './formats.js';
import type { ExplainOptions } from './explain.js';
import { checkFormat, lineWidth, unknownId } from './lookup-options.js';
import { loadValidProtocol } from './load-valid.js';

export async function runExplain(io: Io, id: string, options: ExplainOptions): Promise<number> {
  const format = checkFormat(options.format, EXPLAIN_FORMATS);
  if (options.kind !== undefined && !(EXPLAIN_KINDS as readonly string[]).includes(options.kind)) {
    throw new UsageError(`onbekende soort "${sanitize(options.kind)}"`, 'Kies --kind partner of --kind rule.');
  }
  const protocol = loadValidProtocol(io, options.protocols);
  let kinds = targetKindsOf(protocol, id);
  if (kinds.length === 0) {
    throw unknownId(
      'partner of regel',
      id,
      [...protocol.partners.map((p) => p.id), ...protocol.rules.map((r) => r.id)],
      `Partners zie je met: convenant partners. De regels zijn: ${protocol.rules.map((r) => r.id).join(', ')}.`,
    );
  }
  if (options.kind !== undefined) {
    kinds = kinds.filter((k) => k === options.kind);
    if (kinds.length === 0) throw new UsageError(`"${sanitize(id)}" is geen ${options.kind === 'rule' ? 'regel' : 'partner'} in dit protocol`, 'Laat --kind weg.');
  }
  const explanations = kinds.map((kind) => explain(protocol, kind, id));
  if (format === 'json') {
    // Always a list: an id can be a partner and a rule at once (halt).
    io.stdout.write(safeJson(explanations.map((e) => explanationJson(protocol, e))));
  } else {
    const theme = await themeFor(io, io.stdout, options.color);
    io.stdout.write(explanations.map((e) => renderExplanation(protocol, e, { theme, width: lineWidth(io) })).join('\n'));
  }
  return EXIT.ok;
}
