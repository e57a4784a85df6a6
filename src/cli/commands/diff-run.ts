// The work behind `convenant diff`: read two protocol versions (folders or git revisions), compare
// them with the engine, render the result.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { diffProtocols, type NamedPath } from '../../diff/protocol-diff.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import { decodeText, loadProtocol, loadReadFiles, parseScenarioFiles, SCENARIO_DIR, type LoadResult, type ProtocolSourceFile } from '../../loader/index.js';
import type { Protocol } from '../../model/index.js';
import { renderDiffJson, renderDiffMarkdown } from '../../render/protocol-diff.js';
import { sanitize } from '../../render/sanitize.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { unreadableProtocolDir } from '../protocol-dir.js';
import { writeOutputFile } from '../write-output.js';
import type { DiffOptions } from './diff.js';
import { DIFF_FORMATS } from './formats.js';
import { checkFormat } from './lookup-options.js';

/** Git output for one revision of a protocol folder; a protocol folder is far smaller. */
const MAX_GIT_BYTES = 64 * 1024 * 1024;

interface Version {
  label: string;
  protocol: Protocol;
  scenarios: NamedPath[];
}

/** A version as read: the loaded protocol (with the problems of reading its files) and its scenario files. */
interface ReadVersion {
  loaded: LoadResult;
  scenarios: ProtocolSourceFile[];
}

export async function runDiff(io: Io, before: string, after: string, options: DiffOptions): Promise<number> {
  const format = checkFormat(options.format, DIFF_FORMATS);
  const old = readVersion(io, before);
  const now = readVersion(io, after);
  const diff = diffProtocols(old.protocol, now.protocol, [...old.scenarios, ...now.scenarios]);
  const names = new Map([...old.protocol.partners, ...now.protocol.partners].map((p) => [p.id, p.name]));
  const labels = { before: old.label, after: now.label, partnerName: (id: string) => names.get(id) ?? id };
  const report = format === 'json' ? renderDiffJson(diff, labels) : renderDiffMarkdown(diff, labels);
  if (options.output === undefined) io.stdout.write(report);
  else {
    const written = writeOutputFile(options.output, report, { cwd: io.cwd, force: options.force === true });
    io.stderr.write(`Rapport bewaard in ${sanitize(written)}.\n`);
  }
  return EXIT.ok;
}

function readVersion(io: Io, spec: string): Version {
  if (spec.trim() === '') throw new UsageError('een lege versie', 'Geef een protocolmap of REVISIE:pad, bijvoorbeeld main:protocols/weert-nederweert.');
  const git = /^([^:]+):(.*)$/.exec(spec);
  const { loaded, scenarios: scenarioFiles } = git && !existsSync(resolve(io.cwd, spec)) ? readGit(io, git[1]!, git[2]!) : readFolder(io, spec);
  if (!loaded.ok || !loaded.protocol) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    throw new UsageError(
      `de versie ${sanitize(spec)} bevat fouten${first ? `: ${sanitize(first.file)}:${first.line}:${first.column} ${sanitize(first.message)}` : ''}`,
      `Vergelijk alleen versies zonder fouten; bekijk ze met: convenant validate (het protocol) of convenant test (de scenario's)`,
    );
  }
  const parsed = parseScenarioFiles(scenarioFiles);
  const scenarios = parsed.scenarios.map((s) => ({ answers: s.scenario.answers, origin: `scenario "${s.scenario.name}"` }));
  return { label: spec, protocol: loaded.protocol, scenarios };
}

function readFolder(io: Io, dir: string): ReadVersion {
  const loaded = loadProtocol(resolve(io.cwd, dir), io.cwd);
  if (!loaded.found) throw unreadableProtocolDir(dir, loaded.diagnostics, 'Geef een map, of REVISIE:pad voor een versie in git.');
  // A scenario file that cannot be read refuses the version, as from git: its answer paths would be missing.
  const read = { ...loaded, ok: loaded.ok && loaded.scenarioDiagnostics.length === 0, diagnostics: [...loaded.diagnostics, ...loaded.scenarioDiagnostics] };
  return { loaded: read, scenarios: loaded.scenarioFiles };
}

function readGit(io: Io, revision: string, path: string): ReadVersion {
  if (revision.startsWith('-')) throw new UsageError(`"${sanitize(revision)}" is geen revisie`, 'Bijvoorbeeld main:protocols/weert-nederweert.');
  const folder = path.replace(/\/+$/, '');
  // Bytes, not text: a file is decoded as the folder reader does, so one that is not UTF-8 is reported.
  const run = (args: string[]): Buffer => {
    try {
      return execFileSync('git', args, { cwd: io.cwd, maxBuffer: MAX_GIT_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const output = (error as { stderr?: unknown }).stderr;
      const stderr = (Buffer.isBuffer(output) ? output.toString('utf8') : '').split('\n')[0];
      throw new UsageError(
        `kan ${sanitize(revision)}:${sanitize(folder)} niet uit git lezen${stderr ? ` (${sanitize(stderr)})` : ''}`,
        'Controleer de revisie en het pad, en draai het commando in de git-repository.',
      );
    }
  };
  // As git reads REVISION:path: from the top of the repository, or from here when it starts with ./ or ../.
  const fromHere = /^\.\.?(?:\/|$)/.test(folder) ? run(['rev-parse', '--show-prefix']).toString('utf8').trim() : '';
  const inRepo = posix.normalize(`${fromHere}${folder}`).replace(/\/+$/, '');
  const names = run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', revision, '--', inRepo === '.' ? '.' : `${inRepo}/`])
    .toString('utf8')
    .split('\0')
    .filter((n) => /\.ya?ml$/.test(n));
  if (names.length === 0) throw new UsageError(`in ${sanitize(revision)} staan geen YAML-bestanden onder ${sanitize(folder)}`, 'Controleer het pad.');
  const protocol: ProtocolSourceFile[] = [];
  const scenarios: ProtocolSourceFile[] = [];
  const problems: Diagnostic[] = [];
  const undecoded: string[] = [];
  for (const name of names) {
    const rel = inRepo === '.' ? name : name.slice(inRepo.length + 1);
    const isScenario = rel.split('/').includes(SCENARIO_DIR);
    const label = `${revision}:${name}`;
    const text = decodeText(run(['show', label]), label, problems, isScenario ? undefined : undecoded);
    if (text !== undefined) (isScenario ? scenarios : protocol).push({ name: label, text, rel });
  }
  return { loaded: loadReadFiles(protocol, undecoded, problems), scenarios };
}
