// `npm run bench`, the incident register: adding 10,000 saved advice files with one
// `convenant register add` (≤ 2 s), and the yearly report over a register of 100,000 records (≤ 1 s).
// Both timed as child processes (wall time, start-up included), median of a few rounds, each round
// on a fresh register file. Prints its own table; sets exit code 1 when a target is missed.
//
//   node bench/register.mjs        (after npm run build; bench/run.mjs calls it)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'convenant.cjs');
const NODE = process.execPath;
const ROUNDS = Math.max(3, Math.min(7, Number(process.env.BENCH_RUNS ?? 5)));
const ADD = 10_000;
const REPORT = 100_000;
const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const work = mkdtempSync(join(tmpdir(), 'convenant-bench-register-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 31, 12) / 1000) };
delete env.CONVENANT_REGISTER;
delete env.NODE_OPTIONS;

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs the CLI once: wall time, and CPU time (user + system, from /usr/bin/time when present). */
function cli(args) {
  const t0 = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', 'cpu %U %S', NODE, BIN, ...args], { cwd: work, encoding: 'utf8', env, maxBuffer: 1 << 26 })
    : spawnSync(NODE, [BIN, ...args], { cwd: work, encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    log(`bench register: convenant ${args.slice(0, 3).join(' ')} … mislukt (afsluitcode ${r.status})\n${r.stderr.slice(0, 2000)}`);
    process.exit(2);
  }
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, stdout: r.stdout };
}

// A real saved advice of the shipped protocol as the template: the first scenario's walk.
log(`bench register: ${ADD.toLocaleString('nl-NL')} bewaarde adviezen maken…`);
const scenario = parse(readFileSync(join(ROOT, 'protocols', 'weert-nederweert', 'scenarios', 'categorieen-1.yaml'), 'utf8')).scenarios[0];
writeFileSync(join(work, 'antwoorden.json'), JSON.stringify(scenario.answers));
const template = JSON.parse(cli(['incident', '--answers', 'antwoorden.json', '--format', 'json']).stdout);
const files = [];
for (let n = 0; n < ADD; n++) {
  const name = `a${n}.json`;
  // Distinct walks: one minute apart through 2026.
  writeFileSync(join(work, name), JSON.stringify({ ...template, generated: new Date(Date.UTC(2026, 0, 1, 8) + n * 60_000).toISOString() }, null, 2));
  files.push(name);
}
const adviceBytes = readFileSync(join(work, files[0])).length;

const addTimes = [];
const addCpu = [];
for (let round = 0; round < ROUNDS; round++) {
  const file = join(work, `add-${round}.sqlite`);
  const { ms, cpu, stdout } = cli(['register', 'add', '--school', 'College Weert', '--register', file, ...files]);
  addCpu.push(cpu ?? NaN);
  if (!stdout.includes(`${ADD} toegevoegd`)) {
    log(`bench register: niet alles toegevoegd: ${stdout}`);
    process.exit(2);
  }
  addTimes.push(ms);
}

// A register of 100,000 records over two years, through an export and `register import`.
log(`bench register: register van ${REPORT.toLocaleString('nl-NL')} incidenten vullen…`);
const CATEGORIES = [
  'fysiek-geweld',
  'bedreiging',
  'pesten',
  'diefstal',
  'vernieling',
  'drugs-alcohol',
  'seksuele-intimidatie',
  'sexting',
  'zorgen-thuis',
  'verzuim',
  'wapens',
  'psychische-nood',
];
const PARTNERS = ['politie', 'halt', 'cjg', 'veilig-thuis', 'leerplicht', 'om', 'ggd'];
const URGENCIES = ['immediate', 'today', 'this-week', 'when-needed'];
const ROLES = ['leerling', 'medewerker', 'ouder', 'derde', null];
// mulberry32: a small seeded generator, so every run measures the same register.
let seed = 42;
const rand = (n) => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
};
const records = [];
for (let n = 0; n < REPORT; n++) {
  const year = n % 3 === 0 ? 2025 : 2026;
  const day = new Date(Date.UTC(year, 0, 1) + rand(365) * 86_400_000).toISOString().slice(0, 10);
  const categories = [...new Set([CATEGORIES[rand(CATEGORIES.length)], ...(rand(4) === 0 ? [CATEGORIES[rand(CATEGORIES.length)]] : [])])].sort();
  const partners = [...new Set([PARTNERS[rand(PARTNERS.length)], PARTNERS[rand(PARTNERS.length)]])].sort().map((id) => ({ id, urgency: URGENCIES[rand(4)] }));
  records.push({
    uid: createHash('sha256').update(`bench ${n}`).digest('hex'),
    day,
    school: `School ${1 + rand(12)}`,
    categories,
    perpetrator: ROLES[rand(5)],
    victim: ROLES[rand(5)],
    ageBand: ['tot-8', '8-11', '12-15', '16-17', '18-plus', null][rand(6)],
    place: ['op-school', 'rond-school', 'online', 'schoolreis-stage', null][rand(5)],
    partners,
    rules: rand(10) === 0 ? ['meldcode'] : rand(40) === 0 ? ['meldplicht-zeden'] : [],
    protocol: { id: 'weert-nederweert', version: '2025.1' },
    reference: null,
    status: rand(5) === 0 ? 'open' : 'closed',
    closedDay: null,
  });
}
writeFileSync(join(work, 'export.json'), JSON.stringify({ format: 'convenant-register', version: 1, exported: '2026-12-31', records }));
const big = join(work, 'groot.sqlite');
const imported = cli(['register', 'import', 'export.json', '--register', big]);
const reportTimes = { markdown: [], html: [], csv: [] };
const reportCpu = { markdown: [], html: [], csv: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const format of Object.keys(reportTimes)) {
    const r = cli(['register', 'report', '--year', '2026', '--format', format, '--register', big]);
    reportTimes[format].push(r.ms);
    reportCpu[format].push(r.cpu ?? NaN);
  }
}
const node = median(
  Array.from({ length: ROUNDS }, () => {
    const t0 = process.hrtime.bigint();
    spawnSync(NODE, ['-e', '0']);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }),
);

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(0) : '');
// CPU time (all threads) says how much work it was when a busy machine makes the wall time meaningless.
const rows = [
  ['node -e 0', fmt(node), '', '', ''],
  [`register add: ${ADD.toLocaleString('nl-NL')} bestanden`, fmt(median(addTimes)), fmt(median(addCpu)), '≤ 2.000 ms', median(addTimes) <= 2000 ? 'ja' : 'NEE'],
  [`register import: ${REPORT.toLocaleString('nl-NL')} records (1 export)`, fmt(imported.ms), fmt(imported.cpu), '', ''],
  ...Object.entries(reportTimes).map(([format, xs]) => [
    `register report ${format}, ${REPORT.toLocaleString('nl-NL')} records`,
    fmt(median(xs)),
    fmt(median(reportCpu[format])),
    '≤ 1.000 ms',
    median(xs) <= 1000 ? 'ja' : 'NEE',
  ]),
];
const header = ['register', 'mediaan ms', 'cpu ms', 'doel', 'gehaald'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
process.stdout.write(`\n${[line(header), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n')}\n\n`);
process.stdout.write(
  `Register: ${ROUNDS} rondes op ${cpus().length} cores, Node ${process.version}; elk advies ${(adviceBytes / 1024).toFixed(1).replace('.', ',')} KiB (een echt advies van het meegeleverde protocol), ` +
    `één transactie per incident (WAL); het rapport over 2026 (${records.filter((r) => r.day.startsWith('2026')).length.toLocaleString('nl-NL')} records) met vergelijking met 2025.\n`,
);
const missed = rows.filter((r) => r[4] === 'NEE');
if (missed.length > 0) {
  process.stdout.write(`\nNiet gehaald (register): ${missed.map((r) => r[0]).join('; ')}.\n`);
  process.exitCode = 1;
}
