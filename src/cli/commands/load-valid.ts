// Loading a valid protocol for the look-up commands; imported by their -run modules only, so the
// loader (YAML and zod) stays out of the start-up path.
import { loadProtocol, type SourceMap, WITHOUT_SCENARIOS } from '../../loader/index.js';
import type { Protocol } from '../../model/index.js';
import { sanitize } from '../../render/sanitize.js';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { protocolDirFor, unreadableProtocolDir } from '../protocol-dir.js';

/** Loads the protocol folder; a missing folder or a protocol with errors is a usage error (exit 2). */
export function loadValidProtocol(io: Io, explicit: string | undefined): Protocol {
  return loadValid(io, explicit).protocol;
}

/** As loadValidProtocol, with the source map, for commands that point at file:line. */
export function loadValid(io: Io, explicit: string | undefined): { protocol: Protocol; sourceMap: SourceMap } {
  const dir = protocolDirFor(io, explicit);
  const loaded = loadProtocol(dir, io.cwd, WITHOUT_SCENARIOS);
  if (loaded.ok && loaded.protocol) return { protocol: loaded.protocol, sourceMap: loaded.sourceMap };
  if (!loaded.found) throw unreadableProtocolDir(dir, loaded.diagnostics);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, 5)) io.stderr.write(`${sanitize(d.file)}:${d.line}:${d.column}: ${sanitize(d.message)}\n`);
  if (errors.length > 5) io.stderr.write(`… en nog ${errors.length - 5} fouten\n`);
  throw new UsageError(`het protocol in ${sanitize(dir)} bevat fouten`, `Bekijk alle fouten met: convenant validate --protocols ${sanitize(dir)}`);
}
