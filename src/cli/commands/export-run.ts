// The work behind `convenant export html`: check the protocol as `validate` does (no page from a
// protocol with errors), then write one self-contained HTML page: the browser bundle built into
// dist/web (scripts/build-web.mjs), its stylesheet and the protocol, inline (src/web/page.ts).
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analysisComplete, validateLoaded } from '../../analysis/index.js';
import { localDate } from '../../analysis/contacts.js';
import { hashFiles } from '../../loader/read.js';
import { FORMATTERS } from '../../render/diagnostics/index.js';
import { sanitize } from '../../render/sanitize.js';
import { PLAIN } from '../../render/theme.js';
import { renderPage } from '../../web/page.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { loadProtocol, WITHOUT_SCENARIOS } from '../../loader/index.js';
import { protocolDirFor, unreadableProtocolDir } from '../protocol-dir.js';
import { VERSION } from '../version.js';
import { checkOutputTarget, writeOutputFile } from '../write-output.js';
import type { ExportOptions } from './export.js';
import { EXPORT_KINDS } from './formats.js';
import { checkFormat } from './lookup-options.js';

/**
 * Where the browser bundle is: dist/web next to the CLI chunks in the package; from the sources
 * (tests in-process), the one `npm run build` made.
 */
const ASSET_DIRS = [new URL('./web/', import.meta.url), new URL('../../../dist/web/', import.meta.url)];

export async function runExport(io: Io, kind: string, options: ExportOptions, now: () => Date = () => new Date()): Promise<number> {
  checkFormat(kind, EXPORT_KINDS);
  if (options.output === undefined) {
    throw new UsageError('zeg met --output waar de pagina moet komen', 'Bijvoorbeeld: convenant export html --output hulp-bij-incidenten.html');
  }
  checkOutputTarget(options.output, { cwd: io.cwd, force: options.force === true });
  const assets = readAssets();

  const dir = protocolDirFor(io, options.protocols);
  const loaded = loadProtocol(dir, io.cwd, WITHOUT_SCENARIOS);
  if (!loaded.found) throw unreadableProtocolDir(dir, loaded.diagnostics);
  const diagnostics = validateLoaded(loaded, { today: localDate(now()) });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !loaded.protocol) {
    io.stderr.write(
      FORMATTERS.stylish(errors, { theme: PLAIN, files: loaded.files.map((f) => f.name), toolVersion: VERSION, failOn: 'error', complete: analysisComplete(loaded) }),
    );
    const unreadable = errors.some((d) => d.code === 'io-error');
    throw new UsageError(
      `het protocol in ${sanitize(dir)} ${unreadable ? 'is niet helemaal leesbaar' : 'bevat fouten'}; er is geen pagina gemaakt`,
      'Herstel de fouten hierboven (zie ook convenant validate) en maak de pagina opnieuw.',
      unreadable ? EXIT.usage : EXIT.findings,
    );
  }

  // The checklist is not part of the walk; leaving it out keeps the page small.
  const protocol = { ...loaded.protocol, checklist: [] };
  const html = renderPage({
    data: { protocol, sha256: hashFiles(loaded.files), tool: VERSION },
    script: assets.script,
    style: assets.style,
    sha256Base64: (text) => createHash('sha256').update(text, 'utf8').digest('base64'),
  });
  const written = writeOutputFile(options.output, html, { cwd: io.cwd, force: options.force === true, ...(io.signal ? { signal: io.signal } : {}) });
  // The page holds the protocol only, no answers or personal data, and is meant to be handed out.
  chmodSync(written, 0o644);
  const kib = Math.ceil(Buffer.byteLength(html, 'utf8') / 1024);
  io.stderr.write(`De webpagina staat in ${sanitize(written)} (${kib} kB). Open hem in een browser; hij werkt zonder internet.\n`);
  return EXIT.ok;
}

function readAssets(): { script: string; style: string } {
  for (const dir of ASSET_DIRS) {
    try {
      return { script: readFileSync(new URL('app.js', dir), 'utf8'), style: readFileSync(new URL('style.css', dir), 'utf8') };
    } catch {
      // try the next place
    }
  }
  throw new UsageError(
    `de bestanden van de webpagina ontbreken (${fileURLToPath(ASSET_DIRS[0]!)})`,
    'Bouw convenant opnieuw met npm run build, of installeer het pakket opnieuw.',
    EXIT.internal,
  );
}
