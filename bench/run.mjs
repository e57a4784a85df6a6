#!/usr/bin/env node
// `npm run bench`: the performance targets of the project, measured side by side in one run.
// Start-up and validation are timed as child processes (wall time, median over interleaved rounds,
// so a busy machine slows every command alike); the engine and the analysis are also timed in
// process. Prints a table and exits 1 when a target is missed. Not part of `npm test`: timings
// depend on the machine, tests must not.
//
//   npm run bench                  the full run (builds first)
//   BENCH_RUNS=31 npm run bench    more rounds, steadier medians
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateProtocol } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'convenant.cjs');
const SHIPPED = join(ROOT, 'protocols', 'weert-nederweert');
const AJV = join(ROOT, 'bench', 'ajv-validate.mjs');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 15));
const NODE = process.execPath;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(join(ROOT, 'dist', 'convenant.cjs'))) {
  log('bench: dist/ ontbreekt; draai eerst "npm run build" (npm run bench doet dat zelf).');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'convenant-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// ------------------------------------------------------------------ set-up

log('bench: protocollen van 1.000 en 10.000 stappen maken…');
const generated = [1000, 10000].map((steps) => {
  const dir = join(work, `protocol-${steps}`);
  const { files } = generateProtocol(dir, steps);
  return { steps, dir, files };
});

/** Runs the CLI once (not timed) and fails the bench when it does not do what is measured. */
function mustRun(args, expect, what) {
  const r = spawnSync(NODE, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: benchEnv() });
  if (!expect(r)) {
    log(`bench: ${what} mislukt (afsluitcode ${r.status})\n${r.stdout}\n${r.stderr}`);
    process.exit(2);
  }
  return r;
}

/**
 * The environment of every run. The code cache (bin/code-cache.cjs) lives in a folder of the bench's
 * own: it starts empty, so the first round of each command compiles and writes it as a user's
 * first run does, and the user's own cache is left alone. `extra` adds to it (no cache at all).
 */
function benchEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm-256color', CONVENANT_CACHE_DIR: join(work, 'code-cache') };
  delete env.CONVENANT_PROTOCOLS;
  delete env.CONVENANT_NO_CODE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}
/** A first start: right after installing or updating, or with the cache turned off. */
const NO_CACHE = { CONVENANT_NO_CODE_CACHE: '1' };

for (const g of generated) {
  mustRun(['validate', g.dir, '--format', 'json', '--fail-on', 'error'], (r) => r.status === 0, `het gemaakte protocol van ${g.steps} stappen valideren`);
}
mustRun(['validate', '--fail-on', 'error'], (r) => r.status === 0, 'het meegeleverde protocol valideren');

// What a coordinator validates: the shipped protocol after an edit (a copy with one line added).
const EDITED = join(work, 'bewerkt');
cpSync(SHIPPED, EDITED, { recursive: true });
appendFileSync(join(EDITED, 'flows', 'incident.yaml'), '# bewerkt\n');
mustRun(['validate', EDITED, '--fail-on', 'error'], (r) => r.status === 0, 'het bewerkte protocol valideren');

// The exported JSON Schema, for plain ajv (bench/ajv-validate.mjs).
const schemaFile = join(work, 'protocol.schema.json');
writeFileSync(schemaFile, mustRun(['schema'], (r) => r.status === 0, 'het JSON Schema exporteren').stdout);
const shippedFiles = yamlFiles(SHIPPED);
const ajvArgs = [AJV, schemaFile, ...shippedFiles];
{
  const r = spawnSync(NODE, ajvArgs, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    log(`bench: ajv keurt het meegeleverde protocol af:\n${r.stdout}${r.stderr}`);
    process.exit(2);
  }
}

/** The protocol's YAML files, scenarios excluded (ajv checks one file at a time against the schema). */
function yamlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'scenarios') out.push(...yamlFiles(full));
    } else if (/\.ya?ml$/.test(entry.name)) out.push(relative(ROOT, full));
  }
  return out.sort();
}

// ------------------------------------------------------------------ in-process

log('bench: engine en analyse in het proces meten…');
const inprocessFile = join(work, 'inprocess.mjs');
await build({
  entryPoints: [join(ROOT, 'bench', 'inprocess.ts')],
  outfile: inprocessFile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (yaml) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  nodePaths: [join(ROOT, 'node_modules')],
});
const inprocess = (() => {
  const r = spawnSync(NODE, ['--expose-gc', inprocessFile, JSON.stringify({ shipped: SHIPPED, generated: generated.map((g) => g.dir), runs: Math.min(RUNS, 9) })], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    log(`bench: meting in het proces mislukt\n${r.stderr}`);
    process.exit(2);
  }
  return JSON.parse(r.stdout);
})();
for (const a of inprocess.analysis) {
  if (a.errors) {
    log(`bench: ${a.dir} heeft fouten in de analyse`);
    process.exit(2);
  }
}

// ------------------------------------------------------------------ child processes

/** Wall time of one child process, from spawn to exit. */
function timeProcess(args, extraEnv) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(args[0], args.slice(1), { cwd: ROOT, stdio: 'ignore', env: benchEnv(extraEnv) });
    child.on('error', reject);
    child.on('close', () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
  });
}

/** Strips terminal escapes and folds whitespace, so a question wrapped over lines still matches. */
const plain = (s) =>
  s
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[()][0-9A-B]/g, '')
    .replace(/\s+/g, ' ');

/**
 * Wall time in a pseudo-terminal (`script` from util-linux): from spawn until `text` appears on
 * screen, or until the process ends when `text` is undefined. The command is then interrupted
 * with Ctrl-C, as a user would.
 */
function timePty(command, text, extraEnv) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'ignore'], env: benchEnv(extraEnv) });
    let out = '';
    let seen;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      if (seen !== undefined || text === undefined) return;
      out += chunk;
      if (plain(out).includes(text)) {
        seen = Number(process.hrtime.bigint() - t0) / 1e6;
        child.stdin.write('\x03');
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      const end = Number(process.hrtime.bigint() - t0) / 1e6;
      if (text === undefined) resolve(end);
      else if (seen === undefined) reject(new Error(`"${text}" verscheen niet op het scherm:\n${plain(out).slice(0, 2000)}`));
      else resolve(seen);
    });
  });
}

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) log('bench: "script" (util-linux) ontbreekt: de meting tot de eerste vraag wordt overgeslagen.');
// The first words of the first question, as they appear on screen (wrapping folded away).
const question = plain(inprocess.engine.firstQuestion).split(' ').slice(0, 5).join(' ');
const q = (s) => `'${s.replace(/'/g, "'\\''")}'`;

const measurements = [
  { id: 'node', label: 'node -e 0', run: () => timeProcess([NODE, '-e', '0']) },
  { id: 'version', label: 'convenant --version', run: () => timeProcess([NODE, BIN, '--version']) },
  ...(hasScript
    ? [
        { id: 'pty-node', label: 'node -e 0 (in pty)', run: () => timePty(`${q(NODE)} -e 0`) },
        { id: 'incident', label: 'convenant incident: eerste vraag (pty)', run: () => timePty(`${q(NODE)} ${q(BIN)} incident`, question) },
        { id: 'incident-edited', label: 'convenant incident, bewerkt: eerste vraag (pty)', run: () => timePty(`${q(NODE)} ${q(BIN)} incident --protocols ${q(EDITED)}`, question) },
        { id: 'incident-first', label: 'convenant incident zonder codecache (pty)', run: () => timePty(`${q(NODE)} ${q(BIN)} incident`, question, NO_CACHE) },
      ]
    : []),
  { id: 'validate', label: 'convenant validate (meegeleverd)', run: () => timeProcess([NODE, BIN, 'validate']) },
  { id: 'validate-edited', label: 'convenant validate (bewerkt)', run: () => timeProcess([NODE, BIN, 'validate', EDITED]) },
  { id: 'validate-first', label: 'convenant validate zonder codecache', run: () => timeProcess([NODE, BIN, 'validate'], NO_CACHE) },
  { id: 'ajv', label: 'ajv, zelfde bestanden, JSON Schema', run: () => timeProcess([NODE, ...ajvArgs]) },
  ...generated.map((g) => ({
    id: `validate-${g.steps}`,
    label: `convenant validate, ${g.steps} stappen`,
    run: () => timeProcess([NODE, BIN, 'validate', g.dir]),
    rounds: g.steps > 1000 ? Math.min(RUNS, 5) : RUNS,
  })),
];

log(`bench: ${RUNS} rondes, elke ronde alle opdrachten na elkaar…`);
const times = new Map(measurements.map((m) => [m.id, []]));
for (let round = 0; round < RUNS; round++) {
  // Each round starts one place further down the list: a command's place in a round (right after
  // the baseline, or after a heavy run) must not tilt its ratio. Two runs of the same work (the
  // shipped and the edited protocol) differed by 5–8% with a fixed order.
  for (let k = 0; k < measurements.length; k++) {
    const m = measurements[(round + k) % measurements.length];
    if (round >= (m.rounds ?? RUNS)) continue;
    times.get(m.id).push(await m.run());
  }
}
const med = Object.fromEntries([...times].map(([id, xs]) => [id, median(xs)]));

// ------------------------------------------------------------------ peak memory

/** Peak resident memory (MiB) of one run: /usr/bin/time when present, else Node's own count. */
function peakMiB(args) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', NODE, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: benchEnv() });
    const kib = Number(r.stderr.trim().split('\n').at(-1));
    if (Number.isFinite(kib)) return kib / 1024;
  }
  const hook = join(work, 'maxrss.mjs');
  writeFileSync(hook, "process.on('exit', () => { process.stderr.write(`\\nmaxrss ${process.resourceUsage().maxRSS}\\n`); });\n");
  const r = spawnSync(NODE, ['--import', hook, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: benchEnv() });
  return Number(/maxrss (\d+)/.exec(r.stderr)?.[1]) / 1024;
}
const peak = (args) => Math.max(...[0, 1, 2].map(() => peakMiB(args)));
const memory = { validate: peak(['validate']), 'validate-edited': peak(['validate', EDITED]), 'validate-10000': peak(['validate', generated[1].dir]) };

// ------------------------------------------------------------------ report

const [a1k, a10k] = inprocess.analysis;
const perSecond = (n) => Math.round(n).toLocaleString('nl-NL');
const rows = [
  { what: 'node -e 0', ms: med.node, ratio: 1 },
  { what: 'convenant --version', ms: med.version, ratio: med.version / med.node, target: '≤ 1,3× node', met: med.version / med.node <= 1.3 },
  ...(hasScript
    ? [
        { what: 'node -e 0 in pty (basis)', ms: med['pty-node'], ratio: 1 },
        {
          what: 'incident: eerste vraag op scherm',
          ms: med.incident,
          ratio: med.incident / med['pty-node'],
          target: '≤ 2× node (pty)',
          met: med.incident / med['pty-node'] <= 2,
        },
        {
          what: 'incident bewerkt: eerste vraag op scherm',
          ms: med['incident-edited'],
          ratio: med['incident-edited'] / med['pty-node'],
          target: '≤ 2× node (pty)',
          met: med['incident-edited'] / med['pty-node'] <= 2,
        },
        { what: '  zonder codecache (eerste start na installatie)', ms: med['incident-first'], ratio: med['incident-first'] / med['pty-node'] },
      ]
    : []),
  {
    what: 'validate meegeleverd protocol',
    ms: med.validate,
    ratio: med.validate / med.node,
    target: '≤ 2× node',
    met: med.validate / med.node <= 2,
    mem: memory.validate,
  },
  { what: '  piekgeheugen validate', ms: undefined, ratio: undefined, target: '≤ 90 MiB', met: memory.validate <= 90, mem: memory.validate },
  {
    what: 'validate bewerkt protocol',
    ms: med['validate-edited'],
    ratio: med['validate-edited'] / med.node,
    target: '≤ 3× node',
    met: med['validate-edited'] / med.node <= 3,
    mem: memory['validate-edited'],
  },
  { what: '  zonder codecache (eerste start na installatie)', ms: med['validate-first'], ratio: med['validate-first'] / med.node },
  { what: '  piekgeheugen validate bewerkt', ms: undefined, ratio: undefined, target: '≤ 90 MiB', met: memory['validate-edited'] <= 90, mem: memory['validate-edited'] },
  { what: 'ajv (alleen schema)', ms: med.ajv, ratio: med.validate / med.ajv, target: 'validate ≤ 0,5× ajv', met: med.validate / med.ajv <= 0.5 },
  { what: 'validate 1.000 stappen', ms: med['validate-1000'], ratio: 1 },
  {
    what: 'validate 10.000 stappen',
    ms: med['validate-10000'],
    ratio: med['validate-10000'] / med['validate-1000'],
    target: '≤ 12× 1.000',
    met: med['validate-10000'] / med['validate-1000'] <= 12,
    mem: memory['validate-10000'],
  },
  { what: 'analyse 1.000 stappen (in proces)', ms: a1k.medianMs, ratio: 1 },
  { what: 'analyse 10.000 stappen (in proces)', ms: a10k.medianMs, ratio: a10k.medianMs / a1k.medianMs, target: '≤ 12× 1.000', met: a10k.medianMs / a1k.medianMs <= 12 },
  {
    what: 'engine: wizardwandelingen/s (1 categorie)',
    ms: 1000 / inprocess.engine.walksPerSecond,
    ratio: undefined,
    extra: `${perSecond(inprocess.engine.walksPerSecond)}/s, ${perSecond(inprocess.engine.answersPerSecond)} antw./s`,
    target: '≥ 100.000/s',
    met: inprocess.engine.walksPerSecond >= 100_000,
  },
  ...(inprocess.engine.long
    ? [
        {
          what: 'engine: lange wandelingen/s (± helft categorieën)',
          ms: 1000 / inprocess.engine.long.walksPerSecond,
          ratio: undefined,
          extra: `${perSecond(inprocess.engine.long.walksPerSecond)}/s, ${perSecond(inprocess.engine.long.answersPerSecond)} antw./s`,
        },
      ]
    : []),
];

rows.push(...(await (await import('./explain.mjs')).explainRows({ root: ROOT, work, dir: generated[1].dir })));
const fmt = (n, digits = 1) => (n === undefined ? '' : n.toFixed(digits).replace('.', ','));
const header = ['meting', 'mediaan ms', 'verhouding', 'doel', 'gehaald', 'piek MiB'];
const table = rows.map((r) => [
  r.what,
  r.ms === undefined ? '' : r.ms < 1 ? fmt(r.ms, 4) : fmt(r.ms),
  r.extra ?? (r.ratio === undefined ? '' : `${fmt(r.ratio, 2)}×`),
  r.target ?? '',
  r.met === undefined ? '' : r.met ? 'ja' : 'NEE',
  r.mem === undefined ? '' : fmt(r.mem),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
const out = [line(header), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...table.map(line)];
const cpu = cpus()[0]?.model ?? 'onbekend';
process.stdout.write(`${out.join('\n')}\n\n`);
process.stdout.write(
  `Machine: ${cpus().length} cores (${cpu}), Node ${process.version}; ${RUNS} rondes (validate 10.000: ${Math.min(RUNS, 5)}); ` +
    `engine: een wandeling is wat de wizard doet voor één incident (per vraag de vraag met opties en voortgang, "Nu direct" voor en na het antwoord, het antwoord; aan het eind de antwoorden voor de controle en het advies voor de uitvoer); ` +
    `${inprocess.engine.walks} wandelingen, ${inprocess.engine.walks / inprocess.engine.categories} per categorie over ${inprocess.engine.categories} categorieën, ` +
    `gemiddeld ${fmt(inprocess.engine.answersPerWalk)} antwoorden (${inprocess.engine.minAnswers}–${inprocess.engine.maxAnswers})` +
    (inprocess.engine.long
      ? `; lange wandelingen: ${inprocess.engine.long.walks}, gemiddeld ${fmt(inprocess.engine.long.answersPerWalk)} antwoorden (${inprocess.engine.long.minAnswers}–${inprocess.engine.long.maxAnswers})`
      : '') +
    `; per seconde CPU-tijd (minder gevoelig voor andere belasting): ${perSecond(inprocess.engine.walksPerCpuSecond)}` +
    (inprocess.engine.long ? ` en ${perSecond(inprocess.engine.long.walksPerCpuSecond)} lang` : '') +
    '; ' +
    `gemaakte protocollen: ${generated.map((g) => `${g.steps} stappen in ${g.files} bestanden`).join(', ')}.\n`,
);
const missed = rows.filter((r) => r.met === false);
if (missed.length > 0) {
  process.stdout.write(`\nNiet gehaald: ${missed.map((r) => r.what.trim()).join('; ')}.\n`);
  process.exitCode = 1;
}
await import('./web.mjs').then(async (web) => web.reportWeb(await web.benchWeb({ root: ROOT, runs: Math.min(RUNS, 9), log })));
await import('./register.mjs'); // the incident register: add 10.000, report over 100.000
