/// <reference lib="dom" />
// The wizard's questions as web forms: the same Prompter the terminal implements, so the walk
// (the order, "weet ik niet", going back, the review and what is urgent) is the wizard's own
// (src/ui/wizard.ts); this module only draws and reads the forms. Every choice is a real radio or
// checkbox with its label; focus moves to each new question; the "Nu direct" banner is a live region.
import {
  remainingText,
  BACK,
  type Back,
  type Choice,
  type MultiQuestion,
  type NumberQuestion,
  type Prompter,
  type QuestionBase,
  type ReviewAnswer,
  type ReviewDecision,
  type SaveChoice,
  type SelectQuestion,
  type Unknown,
} from '../ui/prompter.js';
import { numberRange, parseNumberText } from '../ui/number-answer.js';
import { h, hidden, uid } from './dom.js';
import { INFERRED_NOTE } from '../render/labels.js';

const UNKNOWN: Unknown = 'weet-niet';

export class DomPrompter implements Prompter {
  /** The lines the banner shows now (compared, so an unchanged banner is not announced again). */
  private shown = '';

  constructor(
    private readonly main: HTMLElement,
    private readonly banner: HTMLElement,
  ) {}

  select(q: SelectQuestion): Promise<string | Back> {
    return this.pick(q);
  }

  yesNo(q: SelectQuestion): Promise<string | Back> {
    return this.pick(q);
  }

  private pick(q: SelectQuestion): Promise<string | Back> {
    return this.form<string>(q, 'Kies een antwoord.', (name) => {
      const known = q.default !== undefined && q.choices.some((c) => c.value === q.default);
      const inputs = q.choices.map((c, i) => option('radio', name, c, known ? c.value === q.default : false, i));
      return {
        body: h(
          'div',
          { class: 'options' },
          inputs.map((o) => o.row),
        ),
        read: () => {
          const checked = inputs.find((o) => o.input.checked);
          return checked ? { ok: true, value: checked.input.value } : { ok: false, message: 'Kies een van de antwoorden.', focus: inputs[0]?.input };
        },
      };
    });
  }

  number(q: NumberQuestion): Promise<number | Unknown | Back> {
    return this.form<number | Unknown>(q, `Typ ${numberRange(q)}${q.unit ? ` (${q.unit})` : ''}.`, (name) => {
      const fieldId = uid('getal');
      const field = h('input', {
        type: 'text',
        inputmode: 'numeric',
        id: fieldId,
        name,
        autocomplete: 'off',
        class: 'number',
        value: typeof q.default === 'number' ? String(q.default) : undefined,
      });
      const unknown = q.allowUnknown ? option('checkbox', `${name}-weet-niet`, { value: UNKNOWN, label: 'Weet ik niet' }, q.default === UNKNOWN, 0) : undefined;
      const sync = () => {
        if (!unknown) return;
        field.disabled = unknown.input.checked;
        if (unknown.input.checked) field.value = '';
      };
      unknown?.input.addEventListener('change', sync);
      sync();
      return {
        body: h(
          'div',
          { class: 'options' },
          h('div', { class: 'number-row' }, h('label', { for: fieldId }, `Getal (${q.min} tot en met ${q.max})${q.unit ? `, in ${q.unit}` : ''}`), field),
          unknown?.row,
        ),
        read: () => {
          if (unknown?.input.checked) return { ok: true, value: UNKNOWN };
          const parsed = parseNumberText(field.value, q, ', of kies "Weet ik niet"');
          return parsed.ok ? parsed : { ...parsed, focus: field };
        },
        invalid: field,
      };
    });
  }

  multi(q: MultiQuestion): Promise<string[] | Unknown | Back> {
    return this.form<string[] | Unknown>(q, 'Meer antwoorden mogen: kies alles wat past.', (name) => {
      const previous = q.default;
      const inputs = q.choices.map((c, i) => option('checkbox', name, c, Array.isArray(previous) && previous.includes(c.value), i));
      const unknown = q.allowUnknown ? option('checkbox', name, { value: UNKNOWN, label: 'Weet ik niet' }, previous === UNKNOWN, inputs.length) : undefined;
      const exclusive = new Set(q.choices.filter((c) => c.exclusive).map((c) => c.value));
      if (unknown) exclusive.add(UNKNOWN);
      const all = unknown ? [...inputs, unknown] : inputs;
      // An exclusive answer ("Weet ik niet", "Niets hiervan") clears the others, and the other way round.
      for (const o of all) {
        o.input.addEventListener('change', () => {
          if (!o.input.checked) return;
          const alone = exclusive.has(o.input.value);
          for (const other of all) if (other !== o && (alone || exclusive.has(other.input.value))) other.input.checked = false;
        });
      }
      return {
        body: h(
          'div',
          { class: 'options' },
          all.map((o) => o.row),
        ),
        read: () => {
          if (unknown?.input.checked) return { ok: true, value: UNKNOWN };
          const values = inputs.filter((o) => o.input.checked).map((o) => o.input.value);
          if (values.length === 0) return { ok: false, message: `Kies minstens één antwoord${q.allowUnknown ? ' (of "Weet ik niet")' : ''}.`, focus: all[0]?.input };
          return { ok: true, value: values };
        },
      };
    });
  }

  review(answers: readonly ReviewAnswer[]): Promise<ReviewDecision> {
    return new Promise((resolve) => {
      const titleId = uid('controle');
      const title = h('h2', { id: titleId, tabindex: -1, class: 'question-title' }, 'Kloppen je antwoorden?');
      const list = h(
        'ol',
        { class: 'review-list' },
        answers.map((a, i) => {
          const change = h('button', { type: 'button', class: 'secondary small' }, 'Wijzig', hidden(`: ${a.question}`));
          change.addEventListener('click', () => resolve({ kind: 'change', index: i }), { once: true });
          const inferred = a.inferred ? h('span', { class: 'review-inferred' }, INFERRED_NOTE) : null;
          return h('li', {}, h('span', { class: 'review-q' }, a.question), ' ', h('strong', { class: 'review-a' }, a.answer), inferred, ' ', change);
        }),
      );
      const ok = h('button', { type: 'button', class: 'primary' }, 'Ja, toon het advies');
      ok.addEventListener('click', () => resolve({ kind: 'advice' }), { once: true });
      this.show(
        h(
          'section',
          { class: 'review', 'data-screen': 'review', 'aria-labelledby': titleId },
          title,
          h('p', { class: 'help' }, 'Klopt er iets niet? Kies "Wijzig" bij dat antwoord; daarna gaan de vragen vanaf daar verder.'),
          list,
          h('div', { class: 'actions' }, ok),
        ),
        title,
      );
    });
  }

  urgent(lines: readonly string[]): void {
    this.setBanner(lines);
  }

  offerSave(): Promise<SaveChoice | undefined> {
    // The page saves through its own download links (see advice.ts), never through the wizard.
    return Promise.resolve(undefined);
  }

  /** Shows what must happen right now above every question; an empty list removes it. */
  setBanner(lines: readonly string[]): void {
    const key = lines.join('\n');
    if (key === this.shown) return;
    this.shown = key;
    this.banner.replaceChildren();
    if (lines.length === 0) return;
    this.banner.append(
      h(
        'section',
        // Focusable: a long banner scrolls, and must scroll from the keyboard too.
        { class: 'nu-card', 'aria-label': 'Nu direct', tabindex: 0 },
        h(
          'div',
          { class: 'nu-inner' },
          h('p', { class: 'nu-title' }, 'Nu direct'),
          h(
            'ul',
            {},
            lines.map((line) => h('li', {}, line)),
          ),
          h('p', { class: 'nu-note' }, 'Doe dit eerst. Daarna kun je verder met de vragen; het volledige advies volgt aan het eind.'),
        ),
      ),
    );
  }

  private show(content: HTMLElement, focus: HTMLElement): void {
    this.main.replaceChildren(content);
    showFrom(focus);
  }

  /**
   * One question as a form: progress, the question as the group's legend, its help, the answers,
   * a place for a mistake, "Volgende" and (after the first question) "← Vorige vraag".
   */
  private form<T>(q: QuestionBase, hint: string, build: (name: string) => { body: HTMLElement; read: () => Read<T>; invalid?: HTMLElement }): Promise<T | Back> {
    this.setBanner(q.now ?? []);
    return new Promise((resolve) => {
      const name = uid('antwoord');
      const titleId = uid('vraag');
      const helpId = uid('uitleg');
      const errorId = uid('fout');
      const { body, read, invalid } = build(name);
      const title = h('h2', { id: titleId, tabindex: -1, class: 'question-title' }, q.question);
      const left = remainingText(q.remainingAtMost);
      const error = h('p', { id: errorId, class: 'error', hidden: true });
      const described = [helpId, errorId].join(' ');
      const fieldset = h(
        'fieldset',
        { 'aria-describedby': described },
        h('legend', {}, title),
        h('p', { id: helpId, class: 'help' }, q.help ? [q.help, ' '] : null, h('span', { class: 'hint' }, hint)),
        body,
      );
      const next = h('button', { type: 'submit', class: 'primary' }, 'Volgende');
      const back = q.canGoBack ? h('button', { type: 'button', class: 'secondary' }, '← Vorige vraag') : undefined;
      const form = h(
        'form',
        { class: 'question', 'data-screen': 'question', 'data-step': q.step, novalidate: true, 'aria-labelledby': titleId },
        h('p', { class: 'progress' }, h('span', { class: 'flow' }, q.flowTitle), ` · Vraag ${q.number} · ${left}`),
        fieldset,
        error,
        h('div', { class: 'actions' }, next, back),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const result = read();
        if (result.ok) {
          resolve(result.value);
          return;
        }
        error.textContent = result.message;
        error.hidden = false;
        error.setAttribute('role', 'alert');
        invalid?.setAttribute('aria-invalid', 'true');
        result.focus?.focus();
      });
      back?.addEventListener('click', () => resolve(BACK), { once: true });
      this.show(form, title);
    });
  }
}

/** Each screen starts at the top (not hidden under the banner), with focus on its heading. */
export function showFrom(heading: HTMLElement): void {
  window.scrollTo(0, 0);
  heading.focus({ preventScroll: true });
}

type Read<T> = { ok: true; value: T } | { ok: false; message: string; focus?: HTMLElement | undefined };

/** A radio or checkbox with its label (and the option's help as its description). */
function option(type: 'radio' | 'checkbox', name: string, choice: Choice, checked: boolean, index: number): { row: HTMLElement; input: HTMLInputElement } {
  const id = uid(`${type === 'radio' ? 'keuze' : 'vink'}-${index}`);
  const helpId = choice.help ? uid('keuze-uitleg') : undefined;
  const input = h('input', { type, name, id, value: choice.value, checked, 'aria-describedby': helpId });
  const row = h(
    'div',
    { class: `option${choice.value === UNKNOWN ? ' unknown' : ''}` },
    input,
    h('div', { class: 'option-text' }, h('label', { for: id }, choice.label), helpId ? h('span', { id: helpId, class: 'option-help' }, choice.help) : null),
  );
  return { row, input };
}
