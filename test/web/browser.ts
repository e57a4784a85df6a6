// Driving the exported page in a real headless Chromium (Debian's /usr/bin/chromium through
// playwright-core). Shared by the browser tests and the bench (bench/web.mjs has its own copy of the
// launch flags, as a plain .mjs). When Chromium is missing the tests skip and say why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Appended to the name of a skipped suite, so the report says why it did not run. */
export const SKIP_REASON = HAS_CHROMIUM ? '' : ` (overgeslagen: ${CHROMIUM} ontbreekt; installeer het pakket chromium, bijv. apt-get install -y chromium)`;

export interface Exported {
  dir: string;
  file: string;
  url: string;
  html: string;
  cleanup: () => void;
}

/** Exports the page of the shipped protocol (or of the folder `protocols`) with the built CLI, as a user would. */
export function exportPage(protocols?: string): Exported {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'convenant-web-'));
  const r = runBuilt(['export', 'html', '--output', 'pagina.html', ...(protocols ? ['--protocols', protocols] : [])], { cwd: dir });
  if (r.code !== 0) throw new Error(`export html failed (${r.code}): ${r.stderr}`);
  const file = join(dir, 'pagina.html');
  return { dir, file, url: pathToFileURL(file).href, html: readFileSync(file, 'utf8'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What a page did that it must not: requests to anywhere but its own file, console errors, uncaught errors. */
export interface Watch {
  requests: string[];
  errors: string[];
}

/**
 * A fresh context (no state shared between tests) whose every request is recorded and every
 * non-file request aborted, and whose console errors and page errors are collected.
 */
export async function watchedPage(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const watch: Watch = { requests: [], errors: [] };
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target === url) return route.continue();
    watch.requests.push(target);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    const target = request.url();
    // The page itself, and the downloads it makes from its own memory (blob: of the same page).
    if (target !== url && !target.startsWith('blob:')) watch.requests.push(target);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  return { context, page, watch };
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (WCAG 2.0/2.1 A and AA plus best practices); serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // evaluate() is not subject to the page's policy; a <script> tag would be (rightly) refused.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** An answer as the page's form takes it. */
export type Reply = string | number | boolean | readonly string[];

/** The step id of the question on screen, or the screen's name (review, advice). */
export async function screenOf(page: Page): Promise<{ screen: string; step?: string }> {
  const el = page.locator('main > [data-screen]');
  await el.waitFor();
  const screen = (await el.getAttribute('data-screen'))!;
  const step = (await el.getAttribute('data-step')) ?? undefined;
  return step === undefined ? { screen } : { screen, step };
}

/** Fills in the question on screen with a scenario's answer and presses "Volgende"; waits for the next screen. */
export async function answerQuestion(page: Page, reply: Reply): Promise<void> {
  const form = page.locator('main > form[data-step]');
  const handle = await form.elementHandle();
  const value = reply === true ? 'ja' : reply === false ? 'nee' : reply;
  if (Array.isArray(value)) {
    for (const v of value as string[]) await form.locator(`input[type=checkbox][value="${v}"]`).check();
  } else if (typeof value === 'number') {
    await form.locator('input.number').fill(String(value));
  } else if (await form.locator('input.number').count()) {
    // A number question answered "weet ik niet" (or a number written as text).
    if (value === 'weet-niet') await form.locator('input[type=checkbox][value="weet-niet"]').check();
    else await form.locator('input.number').fill(String(value));
  } else {
    await form.locator(`input[value="${String(value)}"]`).check();
  }
  await form.getByRole('button', { name: 'Volgende' }).click();
  await page.waitForFunction((el) => !el?.isConnected, handle);
}

/** Walks the page with these answers (step id → answer) to the advice; returns the step ids asked. */
export async function walk(page: Page, answers: Readonly<Record<string, unknown>>): Promise<string[]> {
  const asked: string[] = [];
  for (;;) {
    const { screen, step } = await screenOf(page);
    if (screen === 'advice') return asked;
    if (screen === 'review') {
      const review = page.locator('main > [data-screen=review]');
      const handle = await review.elementHandle();
      await page.getByRole('button', { name: 'Ja, toon het advies' }).click();
      await page.waitForFunction((el) => !el?.isConnected, handle);
      continue;
    }
    if (!step || !Object.prototype.hasOwnProperty.call(answers, step))
      throw new Error(`the page asks "${step}", which the answers do not give (asked so far: ${asked.join(', ')})`);
    asked.push(step);
    await answerQuestion(page, answers[step] as Reply);
  }
}

/** Clicks a download link of the advice and returns the file's name and text. */
export async function download(page: Page, kind: 'json' | 'md'): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`a[data-download=${kind}]`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/**
 * The same walk as `walk`, driven from inside the page in one call: each answer is clicked on the
 * form's own inputs and "Volgende" clicked, as a user would, but without a round trip to the test
 * per action. For the many scenario walks; the other tests use Playwright's real input.
 */
export async function walkInPage(page: Page, answers: Readonly<Record<string, unknown>>): Promise<string[]> {
  const result = await page.evaluate(
    async (given) => {
      const asked: string[] = [];
      const main = document.getElementById('main')!;
      const screen = () => main.querySelector<HTMLElement>(':scope > [data-screen]');
      /** Clicks, then waits until the screen is replaced. */
      const press = (el: HTMLElement, before: HTMLElement) =>
        new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!before.isConnected && screen()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(main, { childList: true });
          el.click();
        });
      for (let i = 0; i < 500; i++) {
        const at = screen();
        if (!at) return { error: 'no screen' };
        const kind = at.dataset.screen;
        if (kind === 'advice') return { asked };
        if (kind === 'review') {
          const ok = Array.from(at.querySelectorAll('button')).find((b) => b.textContent === 'Ja, toon het advies')!;
          await press(ok, at);
          continue;
        }
        const step = at.dataset.step!;
        if (!Object.prototype.hasOwnProperty.call(given, step)) return { error: `the page asks "${step}", which the answers do not give (asked so far: ${asked.join(', ')})` };
        asked.push(step);
        const reply = given[step];
        const value = reply === true ? 'ja' : reply === false ? 'nee' : reply;
        const input = (v: string) => {
          const el = Array.from(at.querySelectorAll('input')).find((e) => e.value === v && (e.type === 'radio' || e.type === 'checkbox'));
          if (!el) throw new Error(`no input for ${v} at ${step}`);
          return el;
        };
        const number = at.querySelector<HTMLInputElement>('input.number');
        if (Array.isArray(value)) {
          for (const v of value as string[]) if (!input(v).checked) input(v).click();
        } else if (number && value !== 'weet-niet') {
          number.value = String(value);
        } else {
          const el = input(String(value));
          if (!el.checked) el.click();
        }
        const next = Array.from(at.querySelectorAll('button')).find((b) => b.textContent === 'Volgende')!;
        await press(next, at);
      }
      return { error: 'the walk did not end' };
    },
    answers as Record<string, unknown>,
  );
  if ('error' in result) throw new Error(result.error);
  return result.asked;
}
