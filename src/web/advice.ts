/// <reference lib="dom" />
// The advice as a web page: the same view model as the terminal and the markdown record
// (src/render/advice-view.ts: urgency groups, footnote numbers, contact lines, info groups), and
// the downloads made by the CLI's own renderers, so a downloaded JSON is what
// `convenant incident --format json` gives for the same answers.
import type { PartnerItem, RuleItem } from '../engine/index.js';
import { renderAdviceJson } from '../render/advice-json.js';
import { dutchDateTime, renderAdviceMarkdown } from '../render/advice-markdown.js';
import {
  ADVICE_URGENCY,
  SourceNumbers,
  contactLines,
  infoGroups,
  nowAndToday,
  sourceTitle,
  sourcesById,
  taskLines,
  urgencyGroups,
  type AdviceInput,
} from '../render/advice-view.js';
import { h, type Child } from './dom.js';

export interface AdviceScreen {
  element: HTMLElement;
  /** The heading to move focus to. */
  title: HTMLElement;
  /** Resolves when the user asks to start again. */
  restart: Promise<void>;
  /** Frees the download links' memory. */
  dispose: () => void;
}

export function adviceScreen(input: AdviceInput): AdviceScreen {
  const { advice, protocol } = input;
  const numbers = new SourceNumbers(advice);
  const sources = sourcesById(protocol);
  const refs = (ids: readonly string[]): Child[] => {
    const ns = numbers.of(ids);
    if (ns.length === 0) return [];
    return [
      ' ',
      h(
        'span',
        { class: 'refs' },
        ns.map((n) => h('a', { href: `#bron-${n}`, class: 'ref', 'aria-label': `bron ${n}` }, `[${n}]`)),
      ),
    ];
  };
  const urls: string[] = [];
  const download = (text: string, type: string, name: string, label: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    urls.push(url);
    return h('a', { href: url, download: name, class: 'button secondary', 'data-download': name.split('.').pop() }, label);
  };

  const title = h('h2', { tabindex: -1, class: 'advice-title', id: 'advies' }, 'Advies');
  const restartButton = h('button', { type: 'button', class: 'secondary' }, 'Opnieuw beginnen');
  const printButton = h('button', { type: 'button', class: 'secondary' }, 'Afdrukken');
  printButton.addEventListener('click', () => window.print());
  const stamp = fileStamp(input.generated);
  const tools = advice.fault
    ? h('div', { class: 'actions no-print' }, restartButton)
    : h(
        'div',
        { class: 'actions no-print' },
        download(renderAdviceMarkdown(input), 'text/markdown;charset=utf-8', `verslag-${stamp}.md`, 'Verslag downloaden (markdown)'),
        download(renderAdviceJson(input), 'application/json;charset=utf-8', `advies-${stamp}.json`, 'Advies downloaden (JSON)'),
        printButton,
        restartButton,
      );

  const body: Child[] = [];
  if (advice.fault) {
    body.push(
      h(
        'p',
        { class: 'fault', role: 'alert' },
        `Let op: het protocol liep vast (${advice.fault}). Dit advies is onvolledig en kan niet bewaard worden; meld dit bij de beheerder van het protocol.`,
      ),
    );
  }
  const groups = urgencyGroups(advice);
  if (groups.length === 0 && advice.rules.length === 0) {
    body.push(h('p', {}, 'Het protocol geeft bij deze antwoorden geen advies. Overleg met de veiligheidscoördinator van de school.'));
  }
  // The card first (on screen and on paper), then what to do with the advice.
  body.push(nowAndTodayCard(input), tools);

  for (const group of groups) {
    body.push(
      h(
        'section',
        { class: `group urgency-${group.urgency}` },
        h('h3', {}, group.label),
        group.actions.length > 0
          ? h(
              'ul',
              { class: 'actions-list' },
              group.actions.map((a) => h('li', {}, a.text, refs(a.sources))),
            )
          : null,
        group.partners.map(partnerBlock),
      ),
    );
  }
  if (advice.rules.length > 0) body.push(h('section', { class: 'group rules' }, h('h3', {}, 'Regels die gelden'), advice.rules.map(ruleBlock)));
  for (const group of infoGroups(advice)) {
    body.push(
      h(
        'section',
        { class: 'group info' },
        h('h3', {}, group.heading),
        h(
          'ul',
          {},
          group.items.map((i) => h('li', {}, i.text, refs(i.sources))),
        ),
      ),
    );
  }
  const list = numbers.list();
  if (list.length > 0) {
    body.push(
      h(
        'section',
        { class: 'group sources' },
        h('h3', {}, 'Bronnen'),
        h(
          'ol',
          {},
          list.map(({ n, id }) => {
            const source = sources.get(id);
            return h('li', { id: `bron-${n}`, value: n }, sourceTitle(source, id), source?.url ? [' ', h('span', { class: 'url' }, source.url)] : null);
          }),
        ),
      ),
    );
  }
  body.push(answersBlock(input));

  const element = h(
    'section',
    { class: 'advice', 'data-screen': 'advice', 'aria-labelledby': 'advies' },
    title,
    // The header above names the protocol and its version (on paper too).
    h('p', { class: 'meta' }, `Advies van ${dutchDateTime(input.generated)}`),
    body,
  );
  const restart = new Promise<void>((resolve) => restartButton.addEventListener('click', () => resolve(), { once: true }));
  return { element, title, restart, dispose: () => urls.forEach((u) => URL.revokeObjectURL(u)) };

  function partnerBlock(p: PartnerItem): HTMLElement {
    const contact = contactLines(p.partner);
    return h(
      'article',
      { class: 'partner' },
      h('h4', {}, p.name),
      h('p', { class: 'label' }, 'Wat te doen'),
      h(
        'ul',
        {},
        taskLines(p).map(({ label, task }) => h('li', {}, label ? [h('strong', {}, `${label}:`), ' '] : null, task.text)),
      ),
      p.reasons.length > 0 || p.because.length > 0
        ? [
            h('p', { class: 'label' }, 'Waarom'),
            h(
              'ul',
              {},
              p.reasons.map((r) => h('li', {}, r)),
              p.because.map((b) => h('li', { class: 'because' }, `${b.question} `, h('em', {}, b.answer))),
            ),
          ]
        : null,
      contact.length > 0
        ? [
            h('p', { class: 'label' }, 'Zo bereik je ze'),
            h(
              'ul',
              { class: 'contact' },
              contact.map((line) => h('li', {}, line)),
            ),
          ]
        : null,
      numbers.of(p.sources).length > 0 ? h('p', { class: 'sources-line' }, 'Bronnen:', refs(p.sources)) : null,
    );
  }

  function ruleBlock(rule: RuleItem): HTMLElement {
    return h(
      'article',
      { class: 'rule' },
      h('h4', {}, rule.title),
      rule.conclusions.map((c) => h('p', {}, c)),
      rule.steps.length > 0
        ? [
            h('p', { class: 'label' }, 'Stappen'),
            h(
              'ul',
              {},
              rule.steps.map((s) => h('li', {}, s)),
            ),
          ]
        : null,
      rule.because.length > 0
        ? [
            h('p', { class: 'label' }, 'Waarom'),
            h(
              'ul',
              {},
              rule.because.map((b) => h('li', { class: 'because' }, `${b.question} `, h('em', {}, b.answer))),
            ),
          ]
        : null,
      numbers.of(rule.sources).length > 0 ? h('p', { class: 'sources-line' }, 'Bronnen:', refs(rule.sources)) : null,
    );
  }
}

/**
 * The first card: what to do now and today, in order (the view model the terminal's card uses):
 * the school's actions, then the partners' tasks, each partner's number with its first task. The
 * full advice below repeats them with reasons and sources.
 */
function nowAndTodayCard(input: AdviceInput): HTMLElement | null {
  const todos = nowAndToday(input.advice);
  if (todos.length === 0) return null;
  const urgencies = [...new Set(todos.map((t) => t.urgency))];
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'nu-en-vandaag' },
    h('h3', { id: 'nu-en-vandaag' }, 'Nu en vandaag'),
    urgencies.map((urgency) =>
      h(
        'div',
        { class: `card-group urgency-${urgency}` },
        h('h4', {}, ADVICE_URGENCY[urgency]),
        h(
          'ul',
          {},
          todos
            .filter((t) => t.urgency === urgency)
            .map((t) =>
              t.partner
                ? h('li', { class: 'card-partner' }, h('strong', {}, t.partner.name), t.partner.reach ? ` (${t.partner.reach})` : '', `: ${t.text}`)
                : h('li', { class: 'card-action' }, t.text),
            ),
        ),
      ),
    ),
  );
}

function answersBlock(input: AdviceInput): HTMLElement {
  return h(
    'section',
    { class: 'group answers' },
    h('h3', {}, 'Je antwoorden'),
    h(
      'ol',
      {},
      input.advice.answers.map((a) => h('li', {}, `${a.question} `, h('strong', {}, a.answer))),
    ),
    h(
      'p',
      { class: 'help' },
      'Er staan geen namen of andere persoonsgegevens in dit advies. Het JSON-bestand kun je later opnieuw laten uitrekenen met: convenant incident --answers advies.json',
    ),
  );
}

/** "2026-01-15-0930", local time, for file names. */
function fileStamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`;
}
