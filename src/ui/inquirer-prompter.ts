// The terminal prompter: the only module that imports @inquirer/prompts. Dutch labels, a progress
// line with the flow title above every question, "← Vorige vraag" on every question but the first
// ("<" in a checkbox list), colours from our Theme (so NO_COLOR and --no-color hold), and Ctrl-C
// mapped to `Cancelled`. Inquirer cuts every line at the terminal's width, even inside a word, so
// everything handed to it is wrapped at spaces first, to the terminal's real width.
import { checkbox, input, select, Separator } from '@inquirer/prompts';
import { INFERRED_NOTE } from '../render/labels.js';
import { sanitize } from '../render/sanitize.js';
import { wrapIndented, wrapWords } from '../render/text.js';
import type { Theme } from '../render/theme.js';
import {
  remainingText,
  BACK,
  type Back,
  type MultiQuestion,
  type NumberQuestion,
  type Prompter,
  type QuestionBase,
  type ReviewAnswer,
  type ReviewDecision,
  type SaveChoice,
  type SaveFormat,
  type SaveOffer,
  type SelectQuestion,
  type Unknown,
} from './prompter.js';
import { fitScreen } from './screen-fit.js';
import { Cancelled } from './cancelled.js';
import { numberRange, parseNumberText, withoutUnit } from './number-answer.js';

const UNKNOWN: Unknown = 'weet-niet';
const BACK_LABEL = '← Vorige vraag';
const UNKNOWN_PICK = Symbol('weet ik niet');
const UNKNOWN_ALONE = '"Weet ik niet" gaat niet samen met andere keuzes. Zet een van beide uit.';

/** Dutch words for the key hints inquirer shows under a list ("select" means choose in a list, toggle in a checkbox). */
const LIST_KEYS: Record<string, string> = { navigate: 'omhoog/omlaag', select: 'kiezen' };
const CHECKBOX_KEYS: Record<string, string> = { navigate: 'omhoog/omlaag', select: 'aan/uit', submit: 'klaar', space: 'spatie' };
/** The keys inquirer's select shows under a list (its default `keysHelpTip`). */
const SELECT_KEYS: [string, string][] = [
  ['↑↓', 'navigate'],
  ['⏎', 'select'],
];
/**
 * The key words when a list is longer than the screen: inquirer shows no sign that more options
 * follow, and a hidden option ("Psychische nood", "Weet ik niet") must not go unnoticed.
 */
const moreBelow = (words: Record<string, string>): Record<string, string> => ({ ...words, navigate: `${words.navigate ?? 'navigate'}, meer keuzes` });

export interface InquirerPrompterOptions {
  /** Aborting it (Ctrl-C outside a prompt) closes the open prompt; the prompter then throws `Cancelled`. */
  signal?: AbortSignal;
}

/** Reads a typed answer to a number question: a number as number-answer.ts reads it, "?" for "weet ik niet", "<" to go back. */
export function parseNumberAnswer(
  text: string,
  q: Pick<NumberQuestion, 'min' | 'max' | 'allowUnknown' | 'canGoBack' | 'unit'>,
): { ok: true; value: number | Unknown | Back } | { ok: false; message: string } {
  const t = withoutUnit(text, q.unit);
  if (q.canGoBack && ['<', 'terug', 'vorige', 'vorige vraag'].includes(t)) return { ok: true, value: BACK };
  if (['?', 'w', 'weet niet', 'weet ik niet', 'weet-niet', 'onbekend'].includes(t)) {
    return q.allowUnknown ? { ok: true, value: UNKNOWN } : { ok: false, message: `Deze vraag heeft geen "weet ik niet". Typ ${numberRange(q)}.` };
  }
  return parseNumberText(text, q, ', of ? als je het niet weet');
}

/** What a prompt's own theme needs to know about its layout. */
interface Layout {
  /** Characters on the last line of "? question", where inquirer appends the answer. */
  used: number;
  /** Key hints besides inquirer's own (e.g. "< vorige vraag"). */
  keys?: [string, string][];
  /** Dutch words for the key hints. */
  words?: Record<string, string>;
}

/** What a question's screen holds below its header, in lines. */
interface Shape {
  question: number;
  list: number;
  below: number;
  hint?: string;
  hintRequired?: boolean;
}

/** The terminal the prompter talks to; the CLI's `Io` is one. */
export interface PromptTerminal {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
}

export class InquirerPrompter implements Prompter {
  private readonly c;
  private readonly context;
  private readonly signal: AbortSignal | undefined;
  /** Set by urgent(); shown in full with the next question when it fits. */
  private banner: string[] | undefined;
  /** What must happen now according to the answers so far, as the last question said. */
  private now: readonly string[] = [];

  constructor(
    private readonly io: PromptTerminal,
    theme: Theme,
    options: InquirerPrompterOptions = {},
  ) {
    this.c = theme.chalk;
    this.signal = options.signal;
    this.context = {
      input: io.stdin,
      output: io.stdout as unknown as NodeJS.WritableStream,
      clearPromptOnDone: false,
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  /**
   * Room on a line: the terminal's width but one (a line that fills the last column makes some
   * terminals wrap on inquirer's next cursor move), at most 100 (longer lines read badly).
   * Inquirer cuts anything wider mid-word. A terminal that reports no size (0, as a serial console
   * or `script` without a terminal around it does) counts as 80×24, not as 0.
   */
  private get width(): number {
    return Math.max(10, Math.min((this.io.stdout.columns || 80) - 1, 100));
  }

  private get rows(): number {
    return (this.io.stdout as { rows?: number }).rows || 24;
  }

  /** Sanitised text wrapped to the terminal at spaces; a word wider than the terminal (a URL) is cut. */
  private lines(text: string, indent = '', first = indent): string[] {
    return wrapIndented(sanitize(text), this.width, indent, first, { breakLong: true }).split('\n');
  }

  /** Text that follows a prefix inquirer prints (`? `, `❯ `): wrapped with its later lines under the text. */
  private hang(text: string, prefixWidth: number): string[] {
    const indent = ' '.repeat(prefixWidth);
    const out = this.lines(text, indent);
    out[0] = out[0]!.slice(prefixWidth);
    return out;
  }

  /** Text that continues a line of which `used` characters are taken (an answer after its question). */
  private after(used: number, text: string): string {
    return wrapWords(text, this.width - 2, { firstWidth: this.width - used - 1, breakLong: true }).join('\n  ');
  }

  /** The question as inquirer shows it after "? ", and how much of its last line is used. */
  private message(question: string): { text: string; lines: number; used: number } {
    const lines = this.hang(question, 2);
    return { text: lines.join('\n'), lines: lines.length, used: Array.from(lines.at(-1)!).length + (lines.length === 1 ? 2 : 0) };
  }

  /** Inquirer's theme with our colours (so a colourless Theme gives colourless prompts), wrapping everything it shows. */
  private inquirerTheme(layout: Layout) {
    const c = this.c;
    const words = layout.words ?? LIST_KEYS;
    return {
      prefix: { idle: c.cyan('?'), done: c.green('✔') },
      spinner: { interval: 80, frames: ['…'] },
      style: {
        answer: (t: string) => c.cyan(this.after(layout.used, t)),
        message: (t: string) => c.bold(t),
        error: (t: string) => c.red(this.lines(t, '  ', '> ').join('\n')),
        defaultAnswer: (t: string) => c.dim(this.after(layout.used, `(${t})`)),
        help: (t: string) => c.dim(t),
        highlight: (t: string) => c.cyan(t),
        key: (t: string) => c.cyan.bold(`<${t}>`),
        description: (t: string) => c.dim(this.lines(t).join('\n')),
        disabled: (t: string) => c.dim(t),
        keysHelpTip: (keys: [string, string][]) => this.keyHelp([...keys, ...(layout.keys ?? [])], words).join('\n'),
      },
    };
  }

  /** Key hints, as many to a line as fit, never split. */
  private keyHelp(keys: readonly [string, string][], words: Record<string, string>): string[] {
    const c = this.c;
    const out: string[] = [];
    let line = '';
    let length = 0;
    for (const [key, action] of keys) {
      const k = words[key] ?? key;
      const a = words[action] ?? action;
      const size = Array.from(`${k} ${a}`).length;
      const part = `${c.bold(k)} ${c.dim(a)}`;
      if (length > 0 && length + 3 + size > this.width) {
        out.push(line);
        line = '';
        length = 0;
      }
      line = length > 0 ? `${line}${c.dim(' • ')}${part}` : part;
      length += (length > 0 ? 3 : 0) + size;
    }
    if (length > 0) out.push(line);
    return out;
  }

  private checkboxTheme(layout: Layout) {
    const c = this.c;
    return { ...this.inquirerTheme({ words: CHECKBOX_KEYS, ...layout }), icon: { checked: c.green('◉'), unchecked: '◯', disabledChecked: c.green('◎'), disabledUnchecked: '-' } };
  }

  private write(text: string): void {
    this.io.stdout.write(text);
  }

  /**
   * The compact reminder of what to do now: every immediate item, not only the first. With `room`
   * lines only (a short terminal), each item is cut to one line: its start ("Bel 112", "113") stays.
   */
  private reminder(now: readonly string[], room = Infinity): string[] {
    const full = now.flatMap((line, i) => this.lines(i === 0 ? `Nu direct: ${line}` : line, '  ', '▶ ').map((l) => this.c.red.bold(l)));
    if (full.length <= room) return full;
    return now.map((line, i) => {
      const text = sanitize(`${i === 0 ? '▶ Nu direct: ' : '▶ '}${line}`);
      const chars = Array.from(text);
      if (chars.length <= this.width) return this.c.red.bold(text);
      // Cut between words, never inside one.
      const head = chars.slice(0, this.width - 1).join('');
      const space = head.lastIndexOf(' ');
      return this.c.red.bold(`${space > 0 ? head.slice(0, space) : head} …`);
    });
  }

  /**
   * Above the prompt: what to do now (so "Bel 112" never scrolls out of sight), progress and the flow
   * title, the question's help and how to answer, as far as the screen has room with the list
   * (fitScreen). Returns the list's page size.
   */
  private header(q: QuestionBase, shape: Shape): number {
    const now = [...new Set([...(q.now ?? []), ...(this.banner ?? [])])];
    this.now = now;
    // The reminder gets what the question, one list line and the lines under it leave.
    const reminder = this.reminder(now, this.rows - shape.question - shape.below - Math.min(shape.list, 1) - (shape.hintRequired ? 1 : 0));
    const banner = this.banner ? this.bannerLines(now) : [];
    this.banner = undefined;
    const left = remainingText(q.remainingAtMost);
    const progress = this.lines(`${q.flowTitle} · Vraag ${q.number} · ${left}`);
    const progressShort = this.lines(`Vraag ${q.number} · ${left}`);
    const help = q.help ? this.lines(q.help, '  ') : [];
    const hint = shape.hint ? this.lines(shape.hint, '  ') : [];
    const fit = fitScreen({
      rows: this.rows,
      now: reminder.length,
      banner: banner.length,
      progress: progress.length,
      progressShort: progressShort.length,
      help: help.length,
      hint: hint.length,
      hintRequired: shape.hintRequired === true,
      question: shape.question,
      list: shape.list,
      below: shape.below,
    });
    const dim = (lines: string[]) => lines.map((l) => this.c.dim(l));
    const out = [
      ...(fit.blank ? [''] : []),
      ...(fit.banner ? banner : reminder),
      ...(fit.progress === 'full' ? dim(progress) : fit.progress === 'short' ? dim(progressShort) : []),
      ...(fit.help ? dim(help) : []),
      ...(fit.hint ? dim(hint) : []),
    ];
    if (out.length > 0) this.write(`${out.join('\n')}\n`);
    return fit.pageSize;
  }

  private async guard<T>(prompt: Promise<T>): Promise<T> {
    try {
      return await prompt;
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new Cancelled();
      throw error;
    }
  }

  /** Lines under a list: the blank line, the longest description, room for an error, the key hints. */
  private below(descriptions: readonly (string | undefined)[], errors: readonly string[], keys: number): number {
    const longest = (texts: readonly (string | undefined)[], indent = '') => Math.max(0, ...texts.map((t) => (t ? this.lines(t, indent).length : 0)));
    return 1 + longest(descriptions) + longest(errors, '  ') + keys;
  }

  private async pick(q: SelectQuestion): Promise<string | Back> {
    const message = this.message(q.question);
    const items: { value: string | typeof BACK; name: string; short: string; description?: string }[] = q.choices.map((o) => ({
      value: o.value,
      name: this.hang(o.label, 2).join('\n'),
      short: sanitize(o.label),
      ...(o.help ? { description: sanitize(o.help) } : {}),
    }));
    const choices: ((typeof items)[number] | Separator)[] = [...items];
    if (q.canGoBack) choices.push(new Separator(' '), { value: BACK, name: BACK_LABEL, short: BACK_LABEL });
    const list = items.reduce((n, i) => n + i.name.split('\n').length, 0) + (q.canGoBack ? 2 : 0);
    // Room for the longer key line that a list longer than the page gets.
    const pageSize = this.header(q, {
      question: message.lines,
      list,
      below: this.below(
        q.choices.map((o) => o.help),
        [],
        this.keyHelp(SELECT_KEYS, moreBelow(LIST_KEYS)).length,
      ),
    });
    const words = list > pageSize ? moreBelow(LIST_KEYS) : LIST_KEYS;
    const known = q.default !== undefined && q.choices.some((o) => o.value === q.default);
    return this.guard(
      select(
        {
          message: message.text,
          choices,
          loop: false,
          pageSize,
          ...(known ? { default: q.default } : {}),
          theme: this.inquirerTheme({ used: message.used, words }),
        },
        this.context,
      ),
    );
  }

  select(q: SelectQuestion): Promise<string | Back> {
    return this.pick(q);
  }

  yesNo(q: SelectQuestion): Promise<string | Back> {
    return this.pick(q);
  }

  async number(q: NumberQuestion): Promise<number | Unknown | Back> {
    const hint = [
      `Typ een getal van ${q.min} tot en met ${q.max} en druk op Enter.`,
      q.allowUnknown ? 'Weet je het niet? Typ ?.' : '',
      q.canGoBack ? 'Terug naar de vorige vraag: typ <.' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const message = this.message(q.question);
    const errors = ['', 'x', '0', '?'].map((t) => parseNumberAnswer(t, q)).flatMap((r) => (r.ok ? [] : [r.message]));
    this.header(q, { question: message.lines, list: 0, below: this.below([], errors, 0), hint, hintRequired: true });
    const unit = q.unit ? ` ${sanitize(q.unit)}` : '';
    const typed = await this.guard(
      input(
        {
          message: message.text,
          ...(q.default !== undefined ? { default: q.default === UNKNOWN ? '?' : String(q.default) } : {}),
          validate: (text: string) => {
            const parsed = parseNumberAnswer(text, q);
            return parsed.ok ? true : parsed.message;
          },
          transformer: (text: string, { isFinal }: { isFinal: boolean }) => {
            if (!isFinal) return text;
            const parsed = parseNumberAnswer(text, q);
            if (!parsed.ok) return text;
            const shown = parsed.value === BACK ? BACK_LABEL : parsed.value === UNKNOWN ? 'Weet ik niet' : `${parsed.value}${unit}`;
            return this.c.cyan(this.after(message.used, shown));
          },
          theme: this.inquirerTheme({ used: message.used }),
        },
        this.context,
      ),
    );
    const parsed = parseNumberAnswer(typed, q);
    if (!parsed.ok) throw new Error(`validated number answer did not parse: ${parsed.message}`);
    return parsed.value;
  }

  async multi(q: MultiQuestion): Promise<string[] | Unknown | Back> {
    const message = this.message(q.question);
    const previous = q.default;
    type Value = string | typeof UNKNOWN_PICK;
    const items: { value: Value; name: string; short: string; description?: string; checked: boolean }[] = q.choices.map((o) => ({
      value: o.value,
      name: this.hang(o.label, 3).join('\n'),
      short: sanitize(o.label),
      ...(o.help ? { description: sanitize(o.help) } : {}),
      checked: Array.isArray(previous) && previous.includes(o.value),
    }));
    if (q.allowUnknown) items.push({ value: UNKNOWN_PICK, name: 'Weet ik niet', short: 'Weet ik niet', checked: previous === UNKNOWN });
    const choices: ((typeof items)[number] | Separator)[] = [...items];
    if (q.allowUnknown) choices.splice(items.length - 1, 0, new Separator(' '));
    const alone = (label: string) => `"${sanitize(label)}" gaat niet samen met andere keuzes. Zet een van beide uit.`;
    const exclusive = q.choices.filter((o) => o.exclusive);
    const errors = [this.emptyError(q), UNKNOWN_ALONE, ...exclusive.map((o) => alone(o.label))];
    const keys: [string, string][] = q.canGoBack ? [['<', 'vorige vraag']] : [];
    const list = items.reduce((n, i) => n + i.name.split('\n').length, 0) + (q.allowUnknown ? 1 : 0);
    const hint = `Meer keuzes mogen: zet aan wat past met de spatiebalk en druk daarna op Enter.${q.canGoBack ? ' Terug naar de vorige vraag: typ <.' : ''}`;
    const keyLines = this.keyHelp([['↑↓', 'navigate'], ['space', 'select'], ['⏎', 'submit'], ...keys], moreBelow(CHECKBOX_KEYS)).length;
    const pageSize = this.header(q, {
      question: message.lines,
      list,
      below: this.below(
        q.choices.map((o) => o.help),
        errors,
        keyLines,
      ),
      hint,
    });

    // "<" goes back: a checkbox list has no place for "← Vorige vraag" that is not itself a checkbox.
    const back = new AbortController();
    const context = { ...this.context, signal: this.signal ? AbortSignal.any([this.signal, back.signal]) : back.signal };
    const onKey = (typed: string | undefined) => {
      if (!q.canGoBack || typed !== '<') return;
      context.clearPromptOnDone = true;
      back.abort();
    };
    this.io.stdin.on('keypress', onKey);
    try {
      const picked = await checkbox<Value>(
        {
          message: message.text,
          choices,
          loop: false,
          pageSize,
          shortcuts: { all: null, invert: null },
          theme: this.checkboxTheme({ used: message.used, keys, ...(list > pageSize ? { words: moreBelow(CHECKBOX_KEYS) } : {}) }),
          validate: (selected) => {
            const values = selected.map((s) => s.value);
            if (values.length === 0) return this.emptyError(q);
            if (values.includes(UNKNOWN_PICK) && values.length > 1) return UNKNOWN_ALONE;
            const single = values.length > 1 ? exclusive.find((o) => values.includes(o.value)) : undefined;
            if (single) return alone(single.label);
            return true;
          },
        },
        context,
      );
      if (picked.includes(UNKNOWN_PICK)) return UNKNOWN;
      return picked.filter((v): v is string => typeof v === 'string');
    } catch (error) {
      if (back.signal.aborted && !this.signal?.aborted) {
        this.write(`${this.c.green('✔')} ${this.c.bold(message.text)} ${this.c.cyan(this.after(message.used, BACK_LABEL))}\n`);
        return BACK;
      }
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new Cancelled();
      throw error;
    } finally {
      this.io.stdin.removeListener('keypress', onKey);
    }
  }

  private emptyError(q: MultiQuestion): string {
    return `Zet eerst iets aan met de spatiebalk${q.allowUnknown ? ' (of kies "Weet ik niet")' : ''}, en druk dan op Enter.`;
  }

  async review(answers: readonly ReviewAnswer[]): Promise<ReviewDecision> {
    const c = this.c;
    const width = this.width;
    const now = [...new Set([...this.now, ...(this.banner ?? [])])];
    if (this.banner) {
      // The last answer called for something urgent: show it before the overview.
      this.write(`\n${this.bannerLines(now).join('\n')}`);
      this.banner = undefined;
    }
    // Right above each prompt, so a long overview in a short terminal never hides it.
    const reminder = this.reminder(now);
    for (;;) {
      const lines = ['', c.bold('Je antwoorden')];
      answers.forEach((a, i) => {
        const label = `${String(i + 1).padStart(String(answers.length).length)}. `;
        // Wrap the plain text first; colour only the answer at its end.
        const answer = sanitize(a.answer);
        const text = wrapIndented(`${sanitize(a.question)} ${answer}${a.inferred ? INFERRED_NOTE : ''}`, width, ' '.repeat(2 + label.length), `  ${label}`, { breakLong: true });
        const end = a.inferred ? `${answer}${INFERRED_NOTE}` : answer;
        lines.push(text.endsWith(end) ? `${text.slice(0, text.length - end.length)}${c.cyan(answer)}${a.inferred ? c.dim(INFERRED_NOTE) : ''}` : text);
      });
      lines.push(...reminder);
      this.write(`${lines.join('\n')}\n`);
      const ok = await this.guard(
        select(
          {
            message: 'Kloppen deze antwoorden?',
            choices: [
              { value: 'advice', name: 'Ja, toon het advies' },
              { value: 'change', name: 'Nee, ik wil een antwoord wijzigen' },
            ],
            loop: false,
            theme: this.inquirerTheme({ used: 26 }),
          },
          this.context,
        ),
      );
      if (ok === 'advice') return { kind: 'advice' };
      // One line per answer where the width allows: shorten the question, never the answer.
      const choices: ({ value: number; name: string; short: string } | Separator)[] = answers.map((a, i) => {
        const answer = sanitize(a.answer);
        const room = Math.max(15, width - 12 - answer.length);
        const question = sanitize(a.question);
        const name = `${i + 1}. ${question.length > room ? `${question.slice(0, room - 1)}…` : question} → ${answer}${a.inferred ? INFERRED_NOTE : ''}`;
        return { value: i, name: this.hang(name, 2).join('\n'), short: `${i + 1}. ${answer}` };
      });
      choices.push(new Separator(' '), { value: -1, name: '← Terug naar het overzicht', short: '← Terug naar het overzicht' });
      const message = this.message('Welk antwoord wil je wijzigen? De vragen daarna komen opnieuw, met je eerdere antwoorden al gekozen.');
      if (reminder.length > 0) this.write(`${reminder.join('\n')}\n`);
      const list = choices.reduce((n, ch) => n + (ch instanceof Separator ? 1 : ch.name.split('\n').length), 0);
      const { pageSize } = fitScreen({
        rows: this.rows,
        now: reminder.length,
        banner: 0,
        progress: 0,
        progressShort: 0,
        help: 0,
        hint: 0,
        question: message.lines,
        list,
        below: 2,
      });
      const index = await this.guard(
        select(
          {
            message: message.text,
            choices,
            loop: false,
            pageSize,
            default: answers.length - 1,
            theme: this.inquirerTheme({ used: message.used }),
          },
          this.context,
        ),
      );
      if (index >= 0) return { kind: 'change', index };
    }
  }

  async offerSave(offer: SaveOffer): Promise<SaveChoice | undefined> {
    this.write('\n');
    const choices: { value: SaveFormat | null; name: string; short: string; description?: string }[] = [
      { value: null, name: 'Nee, klaar' },
      { value: 'markdown' as const, name: 'Ja, als verslag voor het dossier (markdown)', description: 'Met datum, protocolversie, je antwoorden en het advies. Zonder namen.' },
      { value: 'text' as const, name: 'Ja, als tekst', description: 'Het advies zoals hierboven.' },
      { value: 'json' as const, name: 'Ja, als JSON', description: "Voor andere programma's." },
    ].map((ch) => ({ ...ch, name: this.hang(ch.name, 2).join('\n'), short: ch.name }));
    const question = this.message('Wil je dit advies bewaren?');
    const format = await this.guard(select<SaveFormat | null>({ message: question.text, choices, loop: false, theme: this.inquirerTheme({ used: question.used }) }, this.context));
    if (format === null) return undefined;
    const name = this.message('Naam van het bestand:');
    const file = await this.guard(
      input(
        {
          message: name.text,
          default: offer.suggest(format),
          validate: (text: string) => {
            if (text.trim() === '') return 'Typ een bestandsnaam.';
            const problem = offer.check(text.trim());
            return problem === undefined ? true : sanitize(problem);
          },
          theme: this.inquirerTheme({ used: name.used }),
        },
        this.context,
      ),
    );
    return { format, file: file.trim() };
  }

  urgent(lines: readonly string[]): void {
    // Shown with the next question's header, so the page size can make room for it.
    this.banner = [...lines];
  }

  /** The "Nu direct" block, shown once when the answers first call for it. */
  private bannerLines(lines: readonly string[]): string[] {
    const c = this.c;
    const width = this.width;
    const out = [c.red(width >= 20 ? `━━ ${c.bold.inverse(' NU DIRECT ')} ${'━'.repeat(Math.max(3, width - 15))}` : c.bold.inverse(' NU DIRECT '))];
    for (const line of lines) out.push(...this.lines(line, '    ', '  ▶ ').map((l) => c.bold(l)));
    out.push(...this.lines('Doe dit eerst. Daarna kun je verder met de vragen; het volledige advies volgt aan het eind.', '  ').map((l) => c.dim(l)), c.red('━'.repeat(width)), '');
    return out;
  }
}
