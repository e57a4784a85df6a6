// The work behind `convenant init`: copy the shipped protocol into a new repository folder with
// schema headers that resolve from node_modules, package.json, CI files and a review list.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { GITIGNORE, githubWorkflow, gitlabCi, packageJson, readme, type InitSettings, type ReviewItem } from '../../init/templates.js';
import { sanitize } from '../../render/sanitize.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { shippedProtocolDir } from '../protocol-dir.js';
import type { InitOptions } from './init.js';

const ID = /^[a-z0-9][a-z0-9.-]*$/;

export async function runInit(io: Io, dir: string, options: InitOptions): Promise<number> {
  if (dir.trim() === '') throw new UsageError('geef de naam van de nieuwe map', 'Bijvoorbeeld: convenant init protocol-roermond');
  const target = resolve(io.cwd, dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new UsageError(`${sanitize(dir)} bestaat al en is niet leeg`, 'Kies een nieuwe map; init schrijft nooit over bestaande bestanden heen.');
  }
  const id = options.id ?? basename(target).toLowerCase();
  if (!ID.test(id)) {
    throw new UsageError(
      `"${sanitize(id)}" is geen geldige id`,
      'Een id bestaat uit kleine letters, cijfers, punten en streepjes; geef er een met --id, bijvoorbeeld --id roermond.',
    );
  }
  const shipped = shippedProtocolDir();
  const packageRoot = resolve(shipped, '../..');
  const from = readMeta(shipped);
  const settings: InitSettings = { id, region: options.region ?? id, convenantSpec: options.convenant ?? `file:${packageRoot}`, from };

  const review: ReviewItem[] = [];
  const protocolDir = join(target, 'protocols', id);
  for (const file of yamlFiles(shipped)) {
    const rel = relative(shipped, file);
    const text = adapt(readFileSync(file, 'utf8'), rel, settings);
    review.push(...reviewItems(text, `protocols/${id}/${rel.split('\\').join('/')}`));
    write(join(protocolDir, rel), text);
  }
  write(join(target, 'package.json'), packageJson(settings));
  write(join(target, '.github', 'workflows', 'protocol.yml'), githubWorkflow(settings));
  write(join(target, '.gitlab-ci.yml'), gitlabCi(settings));
  write(join(target, '.gitignore'), GITIGNORE);
  write(join(target, 'README.md'), readme(settings, review));

  io.stdout.write(
    `Protocol "${sanitize(id)}" aangemaakt in ${sanitize(target)}.\n` +
      `Volgende stap: cd ${sanitize(dir)} && npm install && npm run validate && npm test\n` +
      `Loop daarna de lijst "Nakijken" in README.md na (${review.length + 2} punten).\n` +
      (options.convenant === undefined
        ? `package.json noemt convenant als ${sanitize(settings.convenantSpec)}; zet daar de plek waar jullie convenant vandaan halen voordat je de map deelt (--convenant).\n`
        : ''),
  );
  return EXIT.ok;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

function readMeta(shipped: string): string {
  const text = readFileSync(join(shipped, 'protocol.yaml'), 'utf8');
  const region = /^\s+region:\s*(.+)$/m.exec(text)?.[1]?.trim();
  return region ? `van ${region}` : 'dat met convenant wordt meegeleverd';
}

/**
 * The copy's text: schema headers point into node_modules/convenant (the same depth, so the
 * relative path still works from protocols/<id>/), and protocol.yaml gets the new id, region and a
 * first version.
 */
function adapt(text: string, rel: string, s: InitSettings): string {
  let out = text.replace(/(\$schema=(?:\.\.\/)+)schema\//g, '$1node_modules/convenant/schema/');
  if (rel === 'protocol.yaml') {
    out = out
      .replace(/^(\s+id:\s*).+$/m, `$1${s.id}`)
      .replace(/^(\s+region:\s*).+$/m, `$1${JSON.stringify(s.region)}`)
      .replace(/^(\s+version:\s*).+$/m, '$1"0.1"');
  }
  return out;
}

/** Per file: the covenant sources and the texts that name the original region, by line. */
function reviewItems(text: string, at: string): ReviewItem[] {
  const covenant: number[] = [];
  const region: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/kind:\s*covenant\b/.test(line)) covenant.push(i + 1);
    if (!line.trimStart().startsWith('#') && /Weert|Nederweert/.test(line)) region.push(i + 1);
  });
  const lines = (n: number[]) => (n.length > 12 ? `${n.slice(0, 12).join(', ')} …` : n.join(', '));
  const items: ReviewItem[] = [];
  if (covenant.length > 0) {
    items.push({
      at,
      what: `${covenant.length} bronnen uit het convenant van het oorspronkelijke protocol (regels ${lines(covenant)}): controleer titel, artikel en tekst tegen jullie eigen convenant.`,
    });
  }
  if (region.length > 0) items.push({ at, what: `tekst die de oorspronkelijke regio noemt (regels ${lines(region)}).` });
  return items;
}
