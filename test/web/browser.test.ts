// The exported page in a real headless Chromium: the protocol's scenarios walked through the forms
// give the same JSON and markdown as the CLI for the same answers; nothing leaves the page; no
// console errors; no serious accessibility violations; keyboard only works; 112 is shown at once.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioFiles } from '../../src/loader/index.js';
import { BIN } from '../helpers/built-cli.js';
import { shipped } from '../helpers/shipped.js';
import { BASE } from '../helpers/protocol.js';
import { FLOWS as V2_FLOWS } from '../engine/v2-fixture.js';
import {
  HAS_CHROMIUM,
  SKIP_REASON,
  answerQuestion,
  axeSerious,
  download,
  exportPage,
  launch,
  screenOf,
  walk,
  walkInPage,
  watchedPage,
  type Exported,
  type Reply,
} from './browser.js';

const run = promisify(execFile);
const { scenarios } = parseScenarioFiles(shipped().scenarioFiles);
/** An even spread over all scenario files, at least 30 (about 32). */
const WALKED = (() => {
  const step = Math.max(1, Math.floor(scenarios.length / 32));
  return scenarios.filter((_, i) => i % step === 0).map((s) => s.scenario);
})();

let exported: Exported;
let browser: Browser;
let work: string;

/**
 * The CLI's advice for these answers (`incident --answers FILE --format json|markdown`), built and
 * run as a user would; asynchronous, so it runs while the browser walks.
 */
async function cli(answersFile: string, format: 'json' | 'markdown'): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, 'incident', '--answers', answersFile, '--format', format], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return stdout;
}

const withoutDate = (json: string) => {
  const { generated, ...rest } = JSON.parse(json) as { generated: string };
  expect(generated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  return rest;
};
/** The markdown record without its date row (the page's clock is not the CLI's). */
const markdownWithoutDate = (md: string) => md.replace(/^\| Datum \| .* \|$/m, '| Datum | … |');

async function open(url: string, viewport?: { width: number; height: number }) {
  const opened = await watchedPage(browser, url, viewport);
  await opened.page.goto(url);
  return opened;
}

/** Walks until the page asks `stop` (or shows that screen); returns the steps asked before it. */
async function walkUntil(page: Page, answers: Readonly<Record<string, unknown>>, stop: (at: { screen: string; step?: string }) => boolean): Promise<void> {
  for (;;) {
    const at = await screenOf(page);
    if (stop(at)) return;
    if (at.screen !== 'question') throw new Error(`walked past the stop to ${at.screen}`);
    await answerQuestion(page, answers[at.step!] as Reply);
  }
}

describe.skipIf(!HAS_CHROMIUM)(`the exported page in Chromium${SKIP_REASON}`, () => {
  beforeAll(async () => {
    exported = exportPage();
    browser = await launch();
    work = mkdtempSync(join(tmpdir(), 'convenant-web-cli-'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    exported?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('walks enough scenarios', () => {
    expect(WALKED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(WALKED.map((s, i) => [s.name, i, s.answers] as const))(
    'scenario "%s": the page asks its questions; the downloads are the CLI\'s JSON and markdown; nothing leaves the page',
    async (_name, i, answers) => {
      const answersFile = join(work, `antwoorden-${i}.json`);
      writeFileSync(answersFile, JSON.stringify(answers));
      // The markdown record and the replay of the download are checked on every fourth scenario (each costs a process).
      const thorough = i % 4 === 0;
      const expected = Promise.all([cli(answersFile, 'json'), thorough ? cli(answersFile, 'markdown') : undefined]);
      const { context, page, watch } = await open(exported.url);
      try {
        const asked = await walkInPage(page, answers);
        for (const step of asked) expect(Object.keys(answers)).toContain(step);

        const json = await download(page, 'json');
        // What the page did not ask, an earlier answer settled (a preset), to the scenario's value.
        const saved = (JSON.parse(json.text) as { answers: { step: string; value: unknown; inferred?: boolean }[] }).answers;
        for (const step of Object.keys(answers).filter((k) => !asked.includes(k))) {
          expect(
            saved.find((a) => a.step === step),
            step,
          ).toMatchObject({ inferred: true });
        }
        expect(json.name).toMatch(/^advies-\d{4}-\d\d-\d\d-\d{4}\.json$/);
        const [cliJson, cliMarkdown] = await expected;
        expect(withoutDate(json.text)).toEqual(withoutDate(cliJson));
        if (thorough) {
          const md = await download(page, 'md');
          expect(md.name).toMatch(/^verslag-\d{4}-\d\d-\d\d-\d{4}\.md$/);
          expect(markdownWithoutDate(md.text)).toBe(markdownWithoutDate(cliMarkdown!));
          // The downloaded advice replays to the same advice.
          const downloaded = join(work, `advies-${i}.json`);
          writeFileSync(downloaded, json.text);
          expect(withoutDate(await cli(downloaded, 'json'))).toEqual(withoutDate(json.text));
        }

        expect(watch.requests).toEqual([]);
        expect(watch.errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it('shows "Nu direct" with 112 as soon as the danger answer calls for it, announced, and keeps it in view', async () => {
    const { context, page, watch } = await open(exported.url, { width: 375, height: 640 });
    try {
      const first = await screenOf(page);
      const banner = page.locator('#nu');
      expect(await banner.getAttribute('aria-live')).toBe('assertive');
      expect(await banner.textContent()).toBe('');
      await answerQuestion(page, 'ja');
      const second = await screenOf(page);
      expect(second.step).not.toBe(first.step);
      await expect.poll(() => banner.textContent()).toContain('112');
      // Sticky: scrolled to the bottom of a long question, the banner is still on screen.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await banner.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(-1);
      expect(box!.y).toBeLessThan(10);
      expect(box!.height).toBeGreaterThan(20);
      // Answered from down there, the next question starts in view, below the banner.
      const firstOption = await page.locator('main form input').first().getAttribute('value');
      await answerQuestion(page, firstOption!);
      const banner3 = (await banner.boundingBox())!;
      const heading = (await page.locator('main h2').boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(banner3.y + banner3.height - 1);
      expect(heading.y + heading.height).toBeLessThanOrEqual(640);
      await page.getByRole('button', { name: '← Vorige vraag' }).click();
      expect((await screenOf(page)).step).toBe(second.step);

      // Back to the danger question: the earlier answer is selected, and the banner goes with it.
      await page.getByRole('button', { name: '← Vorige vraag' }).click();
      expect((await screenOf(page)).step).toBe(first.step);
      expect(await page.locator('input[value="ja"]').isChecked()).toBe(true);
      expect(await banner.textContent()).toBe('');
      await answerQuestion(page, 'nee');
      expect(await banner.textContent()).toBe('');
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('moves focus to each new question, and a whole walk works with the keyboard alone', async () => {
    const scenario = WALKED.find((s) => Object.keys(s.answers).length >= 4)!;
    const { context, page, watch } = await open(exported.url);
    try {
      for (;;) {
        const at = await screenOf(page);
        if (at.screen === 'advice') break;
        if (at.screen === 'review') {
          // Focus on the review's heading; Tab through every "Wijzig" to the confirm button.
          expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kloppen je antwoorden?');
          const count = await page.locator('.review-list button').count();
          for (let k = 0; k <= count; k++) await page.keyboard.press('Tab');
          expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, toon het advies');
          await page.keyboard.press('Enter');
          await page.locator('main > [data-screen=advice]').waitFor();
          continue;
        }
        const form = page.locator('main > form[data-step]');
        const title = await form.locator('h2').textContent();
        expect(await page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe(`H2 ${title}`);
        await keyboardAnswer(page, scenario.answers[at.step!] as Reply);
        await page.waitForFunction((step) => document.querySelector('main > [data-screen]')?.getAttribute('data-step') !== step, at.step);
      }
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Advies');
      // Tab to the first download and take it with Enter.
      await page.keyboard.press('Tab');
      const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(file.suggestedFilename()).toMatch(/\.md$/);
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the review change an earlier answer, and the advice follows the change', async () => {
    const scenario = WALKED.find((s) => s.answers['acuut-gevaar'] === 'nee' && Object.keys(s.answers).length >= 3)!;
    const changed = { ...scenario.answers, 'acuut-gevaar': 'ja' };
    const { context, page, watch } = await open(exported.url);
    try {
      await walkUntil(page, scenario.answers, (at) => at.screen === 'review');
      const items = page.locator('.review-list li');
      expect(await items.count()).toBe(Object.keys(scenario.answers).length);
      await items
        .nth(0)
        .getByRole('button', { name: /^Wijzig/ })
        .click();
      expect((await screenOf(page)).step).toBe('acuut-gevaar');
      // The page asks the rest again, each with the earlier answer already selected.
      await walk(page, changed);
      const json = JSON.parse((await download(page, 'json')).text) as { answers: { step: string; value: unknown }[]; actions: { text: string }[] };
      expect(json.answers.find((a) => a.step === 'acuut-gevaar')!.value).toBe('ja');
      expect(json.actions[0]!.text).toContain('112');
      const answersFile = join(work, 'gewijzigd.json');
      writeFileSync(answersFile, JSON.stringify(changed));
      expect(withoutDate(JSON.stringify(json))).toEqual(withoutDate(await cli(answersFile, 'json')));
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('explains a wrong number in place: the message is announced, the field marked and focused', async () => {
    const scenario = WALKED.find((s) => typeof s.answers['dader-leeftijd'] === 'number')!;
    const { context, page, watch } = await open(exported.url);
    try {
      await walkUntil(page, scenario.answers, (at) => at.step === 'dader-leeftijd');
      const field = page.locator('input.number');
      for (const wrong of ['veertien', '999', '']) {
        await field.fill(wrong);
        await page.getByRole('button', { name: 'Volgende' }).click();
        const error = page.locator('main .error');
        await expect.poll(() => error.isVisible()).toBe(true);
        expect(await error.getAttribute('role')).toBe('alert');
        expect(await error.textContent()).toMatch(/heel getal van \d+ tot en met \d+/);
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('number');
        expect((await screenOf(page)).step).toBe('dader-leeftijd');
      }
      // "Weet ik niet" is a real answer here: it empties and disables the field.
      await field.fill('14');
      await page.getByLabel('Weet ik niet').check();
      expect(await field.isDisabled()).toBe(true);
      expect(await field.inputValue()).toBe('');
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    [375, 740],
    [1280, 900],
  ])('has no serious or critical accessibility violations at %i px (question, number, review, advice)', async (width, height) => {
    const scenario = WALKED.find((s) => typeof s.answers['dader-leeftijd'] === 'number')!;
    const { context, page } = await open(exported.url, { width, height });
    try {
      const found: string[] = [];
      const scan = async (where: string) => {
        for (const v of await axeSerious(page)) found.push(`${where}: ${v.id} (${v.impact}) ${v.help} ${v.nodes.join(' ')}`);
      };
      await scan('eerste vraag');
      await answerQuestion(page, 'ja');
      await scan('tweede vraag, met de 112-balk');
      await page.getByRole('button', { name: '← Vorige vraag' }).click();
      await walkUntil(page, scenario.answers, (at) => at.step === 'dader-leeftijd');
      await scan('getalvraag');
      await page.getByRole('button', { name: 'Volgende' }).click();
      await scan('getalvraag met foutmelding');
      await walkUntil(page, scenario.answers, (at) => at.screen === 'review');
      await scan('controle van de antwoorden');
      await walk(page, scenario.answers);
      await scan('advies');
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits 320 px wide without sideways scrolling, for questions and the advice', async () => {
    const scenario = WALKED[0]!;
    const { context, page } = await open(exported.url, { width: 320, height: 640 });
    try {
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await walk(page, scenario.answers);
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('stores nothing: no cookies, no local or session storage, no databases', async () => {
    const scenario = WALKED[1]!;
    const { context, page } = await open(exported.url);
    try {
      await walk(page, scenario.answers);
      await download(page, 'json');
      expect(await context.cookies()).toEqual([]);
      const stored = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).length,
        caches: 'caches' in window ? (await caches.keys()).length : 0,
      }));
      expect(stored).toEqual({ cookie: '', local: 0, session: 0, databases: 0, caches: 0 });
    } finally {
      await context.close();
    }
  });

  it('prints on A4 with the "Nu en vandaag" card first and no buttons, banner or footer', async () => {
    // Any shipped scenario with danger now (the walked sample depends on how many there are).
    const scenario = scenarios.map((s) => s.scenario).find((s) => s.answers['acuut-gevaar'] === 'ja')!;
    const { context, page } = await open(exported.url);
    try {
      await walk(page, scenario.answers);
      await page.emulateMedia({ media: 'print' });
      const layout = await page.evaluate(() => {
        const visible = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null;
        const advice = document.querySelector('[data-screen=advice]')!;
        const blocks = Array.from(advice.children).filter((el) => visible(el) && el.tagName !== 'H2' && !el.classList.contains('meta'));
        return {
          first: blocks[0]?.querySelector('h3')?.textContent,
          buttons: Array.from(document.querySelectorAll('button, a.button')).filter(visible).length,
          banner: visible(document.getElementById('nu')),
          footer: visible(document.querySelector('footer')),
        };
      });
      expect(layout).toEqual({ first: 'Nu en vandaag', buttons: 0, banner: false, footer: false });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      // A4 is 595 × 842 points, on every page.
      const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(box).toMatch(/^\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]$/);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)(`the page of a protocol with several categories at once, presets and exclusive answers${SKIP_REASON}`, () => {
  let v2: Exported;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'convenant-web-v2-'));
    const folder = join(work, 'v2');
    mkdirSync(folder);
    writeFileSync(join(folder, 'base.yaml'), BASE);
    writeFileSync(join(folder, 'flows.yaml'), V2_FLOWS);
    v2 = exportPage(folder);
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    v2?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The CLI on the v2 folder. */
  const cliV2 = async (answers: unknown) => {
    const file = join(work, `a-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(answers));
    const { stdout } = await run(process.execPath, [BIN, 'incident', '--protocols', join(work, 'v2'), '--answers', file, '--format', 'json'], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return stdout;
  };

  it("asks a multi question with checkboxes, the shared questions once, and gives the CLI's merged advice", async () => {
    const answers = { gevaar: 'ja', categorie: ['geweld', 'online'], dader: 'leerling', leeftijd: 14, letsel: 'nee', beelden: 'ja' };
    const { context, page, watch } = await open(v2.url);
    try {
      await answerQuestion(page, 'ja');
      await expect.poll(() => page.locator('#nu').textContent()).toContain('Bel 112');
      const form = page.locator('main > form[data-step=categorie]');
      expect(await form.locator('input[type=checkbox]').count()).toBe(3);
      expect(await form.getByRole('checkbox', { name: 'Geweld' }).isVisible()).toBe(true);
      const asked = await walk(page, answers);
      expect(asked).toEqual(['categorie', 'dader', 'leeftijd', 'letsel', 'beelden']);
      const json = (await download(page, 'json')).text;
      expect(withoutDate(json)).toEqual(withoutDate(await cliV2(answers)));
      // One partner, each task once under its own urgency.
      const politie = (JSON.parse(json) as { partners: { id: string; taskItems: { text: string; urgency: string }[] }[] }).partners.find((p) => p.id === 'politie')!;
      expect(politie.taskItems.map((t) => [t.text, t.urgency])).toEqual([['Bel 112', 'immediate']]);
      expect(await page.locator('.card').textContent()).toContain('Bel 112');
      expect(watch.errors).toEqual([]);
      expect(watch.requests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('clears the other answers when an exclusive one is chosen, and the other way round', async () => {
    const { context, page } = await open(v2.url);
    try {
      await answerQuestion(page, 'nee');
      const box = (name: string) => page.locator('main').getByRole('checkbox', { name });
      await box('Geweld').check();
      await box('Online').check();
      await box('Niets hiervan').check();
      expect([await box('Geweld').isChecked(), await box('Online').isChecked(), await box('Niets hiervan').isChecked()]).toEqual([false, false, true]);
      await box('Online').check();
      expect([await box('Geweld').isChecked(), await box('Online').isChecked(), await box('Niets hiervan').isChecked()]).toEqual([false, true, false]);
      // Nothing chosen is no answer: the page says so and stays.
      await box('Online').uncheck();
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect.poll(() => page.locator('main .error').textContent()).toMatch(/Kies minstens één antwoord/);
      expect((await screenOf(page)).step).toBe('categorie');
    } finally {
      await context.close();
    }
  });

  it('does not ask what an earlier answer settles (a preset), and the saved answers replay', async () => {
    const answers = { gevaar: 'nee', categorie: ['online'], leeftijd: 'weet-niet', beelden: 'nee' };
    const { context, page, watch } = await open(v2.url);
    try {
      const asked = await walk(page, answers);
      expect(asked).not.toContain('dader');
      const json = (await download(page, 'json')).text;
      const saved = JSON.parse(json) as { answers: { step: string; value: unknown; inferred?: boolean }[] };
      expect(saved.answers.find((a) => a.step === 'dader')).toMatchObject({ value: 'onbekend', inferred: true });
      expect(withoutDate(json)).toEqual(withoutDate(await cliV2(answers)));
      expect(withoutDate(await cliV2(JSON.parse(json)))).toEqual(withoutDate(json));
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Answers the question on screen with the keyboard only: Tab into the answers, arrows or Space, then Enter on "Volgende". */
async function keyboardAnswer(page: Page, reply: Reply): Promise<void> {
  const form = page.locator('main > form[data-step]');
  const multi = (await form.locator('input[type=checkbox]:not([value="weet-niet"])').count()) > 0;
  const given = reply === true ? 'ja' : reply === false ? 'nee' : reply;
  // A multi question takes one value or a list.
  const value = multi && typeof given === 'string' ? [given] : given;
  const focusedValue = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
  const isNumber = (await form.locator('input.number').count()) > 0;
  if (isNumber) {
    await page.keyboard.press('Tab');
    if (value === 'weet-niet') {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    } else {
      await page.keyboard.type(String(value));
    }
  } else if (Array.isArray(value)) {
    const boxes = await form.locator('input[type=checkbox]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.keyboard.press('Tab');
    for (const [k, v] of boxes.entries()) {
      if (k > 0) await page.keyboard.press('Tab');
      if ((value as string[]).includes(v)) await page.keyboard.press('Space');
    }
  } else {
    const radios = await form.locator('input[type=radio]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.keyboard.press('Tab');
    const target = radios.indexOf(String(value));
    if (target < 0) throw new Error(`no radio for ${String(value)}`);
    // Tab lands on the checked radio, or the first; arrows move and select.
    let at = radios.indexOf((await focusedValue())!);
    if (target === at) await page.keyboard.press('Space');
    while (at < target) {
      await page.keyboard.press('ArrowDown');
      at++;
    }
    while (at > target) {
      await page.keyboard.press('ArrowUp');
      at--;
    }
  }
  // Enter in a text field or on a radio submits the form; from a checkbox, Tab on to "Volgende".
  if (Array.isArray(value)) {
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Volgende') await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
}
