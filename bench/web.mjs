// The budgets of the offline web page (`convenant export html`), measured in headless Chromium:
// the page's size, the time from navigation until the first question is on screen, and the time
// from pressing "Volgende" until the next question is on screen. Called from bench/run.mjs; also
// runs on its own: node bench/web.mjs (after npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// A walk with a number question, a "Nu direct" banner and several hand-overs.
const ANSWERS_FILE = 'protocols/weert-nederweert/scenarios/categorieen-1.yaml';

/**
 * Runs the measurements; returns table rows ({ what, value, target, met }) or undefined when
 * Chromium is missing (stated on stderr).
 */
export async function benchWeb({ root, runs = 9, log = (s) => process.stderr.write(`${s}\n`) }) {
  if (!existsSync(CHROMIUM)) {
    log(`bench: ${CHROMIUM} ontbreekt; de webpagina wordt niet gemeten (installeer het pakket chromium).`);
    return undefined;
  }
  const { chromium } = await import('playwright-core');
  const work = mkdtempSync(join(tmpdir(), 'convenant-bench-web-'));
  try {
    const file = join(work, 'pagina.html');
    const made = spawnSync(process.execPath, [join(root, 'bin', 'convenant.cjs'), 'export', 'html', '--output', file], { cwd: root, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`export html mislukt: ${made.stderr}`);
    const bytes = statSync(file).size;
    const url = pathToFileURL(file).href;
    const answers = scenarioAnswers(root);

    log('bench: de webpagina in Chromium meten…');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const first = [];
    /** Per answer position: the times of each round. */
    const perAnswer = [];
    try {
      for (let round = 0; round < runs; round++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        // Before the page's own script: note when a question (or the review) is first on screen,
        // i.e. in the frame after it was added, and when "Volgende" was pressed.
        await page.addInitScript(() => {
          const w = window;
          w.__shown = [];
          w.__pressed = [];
          addEventListener('click', (e) => w.__pressed.push(e.timeStamp), true);
          new MutationObserver(() => {
            const at = document.querySelector('main > [data-screen]');
            if (!at || at === w.__last) return;
            w.__last = at;
            requestAnimationFrame(() => w.__shown.push(performance.now()));
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(url);
        await page.waitForFunction(() => window.__shown.length > 0);
        first.push(await page.evaluate(() => window.__shown[0]));
        let n = 0;
        for (;;) {
          const screen = page.locator('main > [data-screen]');
          const kind = await screen.getAttribute('data-screen');
          if (kind !== 'question') break;
          const step = await screen.getAttribute('data-step');
          const value = answers[step];
          if (value === undefined) throw new Error(`bench: geen antwoord voor ${step}`);
          if (typeof value === 'number') await page.fill('input.number', String(value));
          else await page.check(`main input[value="${value}"]`);
          const shownBefore = await page.evaluate(() => window.__shown.length);
          await page.click('main button[type=submit]');
          await page.waitForFunction((k) => window.__shown.length > k, shownBefore);
          const ms = await page.evaluate(() => window.__shown.at(-1) - window.__pressed.at(-1));
          (perAnswer[n++] ??= []).push(ms);
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const firstMs = median(first);
    const answerMedians = perAnswer.map(median);
    const slowest = Math.max(...answerMedians);
    return [
      { what: 'webpagina: grootte', value: `${(bytes / 1024).toFixed(0)} KiB`, target: '≤ 1.024 KiB', met: bytes <= 1024 * 1024 },
      { what: 'webpagina: eerste vraag op scherm', value: `${firstMs.toFixed(1)} ms`, target: '≤ 300 ms', met: firstMs <= 300 },
      {
        what: `webpagina: antwoord → volgende vraag (traagste van ${answerMedians.length})`,
        value: `${slowest.toFixed(1)} ms (mediaan ${median(answerMedians).toFixed(1)})`,
        target: '≤ 50 ms',
        met: slowest <= 50,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The answers of the bench walk: the scenario "vechtpartij nu bezig" (112 at once, an age, hand-overs). */
function scenarioAnswers(root) {
  const text = readFileSync(join(root, ANSWERS_FILE), 'utf8');
  const block = text.split('\n  - name: ').find((b) => b.startsWith('"Fysiek geweld: vechtpartij nu bezig'));
  if (!block) throw new Error(`bench: het scenario "Fysiek geweld: vechtpartij nu bezig" staat niet meer in ${ANSWERS_FILE}`);
  const answers = {};
  const lines = block.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'answers:');
  for (const line of lines.slice(start + 1)) {
    const m = /^ {6}([\w-]+): (.+)$/.exec(line);
    if (!m) break;
    answers[m[1]] = /^\d+$/.test(m[2]) ? Number(m[2]) : m[2].trim();
  }
  return answers;
}

/** Prints the rows as a small table; sets exit code 1 when a budget is missed. */
export function reportWeb(rows, out = process.stdout) {
  if (!rows) return;
  out.write('\n');
  const widths = [Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(...rows.map((r) => r.target.length))];
  out.write(`| ${'webpagina (headless Chromium)'.padEnd(widths[0])} | ${'waarde'.padStart(widths[1])} | ${'doel'.padStart(widths[2])} | gehaald |\n`);
  out.write(`|:${'-'.repeat(widths[0] + 1)}|${'-'.repeat(widths[1] + 1)}:|${'-'.repeat(widths[2] + 1)}:|--------:|\n`);
  for (const r of rows) out.write(`| ${r.what.padEnd(widths[0])} | ${r.value.padStart(widths[1])} | ${r.target.padStart(widths[2])} | ${(r.met ? 'ja' : 'NEE').padStart(7)} |\n`);
  const missed = rows.filter((r) => !r.met);
  if (missed.length > 0) {
    out.write(`\nNiet gehaald: ${missed.map((r) => r.what).join('; ')}.\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  reportWeb(await benchWeb({ root, runs: Math.max(3, Number(process.env.BENCH_RUNS ?? 9)) }));
}
