// The work behind `convenant sources`: list the sources, or check their links.
import type { Protocol } from '../../model/index.js';
import { sanitize } from '../../render/sanitize.js';
import { safeJson } from '../../render/text.js';
import { themeFor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { checkLinks, looksOffline, type Fetch, type LinkResult } from '../link-check.js';
import type { SourceMap } from '../../loader/index.js';
import { loadValid } from './load-valid.js';
import { checkFormat } from './lookup-options.js';
import { SOURCES_FORMATS } from './formats.js';
import type { SourcesOptions } from './sources.js';

/** A link with every place in the protocol that names it. */
interface Link {
  url: string;
  places: { what: string; at: string }[];
}

export async function runSources(io: Io, options: SourcesOptions, fetchLink: Fetch = globalThis.fetch): Promise<number> {
  const format = checkFormat(options.format, SOURCES_FORMATS);
  const seconds = Number(options.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) {
    throw new UsageError(`"${sanitize(options.timeout)}" is geen geldige tijd bij --timeout`, 'Geef een aantal seconden van 1 tot 300, bijvoorbeeld --timeout 15.');
  }
  const { protocol, sourceMap } = loadValid(io, options.protocols);
  if (!options.check) {
    if (format === 'json') io.stdout.write(safeJson({ sources: protocol.sources }));
    else io.stdout.write(listSources(protocol));
    return EXIT.ok;
  }
  const links = linksOf(protocol, sourceMap);
  const results = await checkLinks(
    links.map((l) => l.url),
    { fetch: fetchLink, timeoutMs: seconds * 1000 },
  );
  if (looksOffline(results)) {
    throw new UsageError('er is geen netwerk: geen enkele link kon worden bereikt, dus er is niets gecontroleerd', 'Probeer het opnieuw op een computer met internet.');
  }
  const broken = results.filter((r) => !r.ok);
  if (format === 'json') {
    io.stdout.write(safeJson({ checked: results.length, broken: broken.length, links: links.map((l, i) => ({ ...results[i]!, places: l.places })) }));
  } else {
    const c = (await themeFor(io, io.stdout, options.color)).chalk;
    const lines: string[] = [];
    results.forEach((r, i) => {
      if (r.ok) return;
      lines.push(`${c.red('✖')} ${sanitize(r.url)}`, `    ${describe(r)}`);
      for (const p of links[i]!.places) lines.push(c.dim(`    ${sanitize(p.at)}  ${sanitize(p.what)}`));
    });
    const moved = results.filter((r) => r.ok && r.redirectedTo);
    lines.push(
      broken.length === 0
        ? `${c.green('✔')} Alle ${results.length} links werken.`
        : `${broken.length} van de ${results.length} links ${broken.length === 1 ? 'werkt' : 'werken'} niet.`,
    );
    if (moved.length > 0)
      lines.push(c.dim(`${moved.length} ${moved.length === 1 ? 'link verwijst' : 'links verwijzen'} door naar een ander adres (dat werkt); pas ze aan als de bron verhuisd is.`));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return broken.length > 0 ? EXIT.findings : EXIT.ok;
}

function describe(r: LinkResult): string {
  if (r.status !== undefined) return `HTTP ${r.status}${r.status === 404 ? ' (niet gevonden)' : r.status === 410 ? ' (verwijderd)' : ''}`;
  return r.problem ?? 'werkt niet';
}

/** Every distinct link of sources and partner contacts, with the places that name it. */
function linksOf(protocol: Protocol, sourceMap: SourceMap): Link[] {
  const byUrl = new Map<string, Link>();
  const add = (url: string | undefined, what: string, node: object) => {
    if (!url) return;
    const at = sourceMap.locate(node, 'url');
    let link = byUrl.get(url);
    if (!link) byUrl.set(url, (link = { url, places: [] }));
    link.places.push({ what, at: `${at.file}:${at.line}:${at.column}` });
  };
  for (const s of protocol.sources) add(s.url, `bron "${s.id}"`, s);
  for (const p of protocol.partners) if (p.contact) add(p.contact.url, `partner "${p.id}"`, p.contact);
  return [...byUrl.values()];
}

function listSources(protocol: Protocol): string {
  const lines = protocol.sources.map((s) => {
    const head = `${s.id}  (${s.kind}${s.article ? `, ${s.article}` : ''})${s.unconfirmed ? '  niet bevestigd' : ''}`;
    return [head, `    ${s.title}`, ...(s.url ? [`    ${s.url}`] : [])].map(sanitize).join('\n');
  });
  return `${lines.join('\n')}\n`;
}
