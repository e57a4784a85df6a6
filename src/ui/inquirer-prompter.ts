// The terminal prompter: the only module that imports @inquirer/prompts. Dutch labels, a progress
// line with the flow title above every question, "← Vorige vraag" on every question but the first,
// colours from our Theme (so NO_COLOR and --no-color hold), and Ctrl-C mapped to `Cancelled`.
import { checkbox, input, select, Separator } from '@inquirer/prompts';
import { Cancelled } from '../cli/exit-codes.js';
import type { Io } from '../cli/io.js';
import { sanitize } from '../render/sanitize.js';
import { wrapIndented } from '../render/text.js';
import type { Theme } from '../render/theme.js';
import {
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
  type SaveFormat,
  type SaveOffer,
  type SelectQuestion,
  type Unknown,
} from './prompter.js';

const UNKNOWN: Unknown = 'weet-niet';
const BACK_LABEL = '← Vorige vraag';
const UNKNOWN_PICK = Symbol('weet ik niet');

/** Dutch words for the key hints inquirer shows under a list ("select" means choose in a list, toggle in a checkbox). */
const LIST_KEYS: Record<string, string> = { navigate: 'omhoog/omlaag', select: 'kiezen' };
const CHECKBOX_KEYS: Record<string, string> = { navigate: 'omhoog/omlaag', select: 'aan/uit', submit: 'klaar', space: 'spatie' };

export interface InquirerPrompterOptions {
  /** Aborting it (Ctrl-C outside a prompt) closes the open prompt; the prompter then throws `Cancelled`. */
  signal?: AbortSignal;
}

/** Reads a typed answer to a number question: a whole number in range, "?" for "weet ik niet", "<" to go back. */
export function parseNumberAnswer(
  text: string,
  q: Pick<NumberQuestion, 'min' | 'max' | 'allowUnknown' | 'canGoBack' | 'unit'>,
): { ok: true; value: number | Unknown | Back } | { ok: false; message: string } {
  const t = text.trim().toLowerCase();
  const range = `een heel getal van ${q.min} tot en met ${q.max}`;
  if (q.canGoBack && ['<', 'terug', 'vorige', 'vorige vraag'].includes(t)) return { ok: true, value: BACK };
  if (['?', 'w', 'weet niet', 'weet ik niet', 'weet-niet', 'onbekend'].includes(t)) {
    return q.allowUnknown ? { ok: true, value: UNKNOWN } : { ok: false, message: `Deze vraag heeft geen "weet ik niet". Typ ${range}.` };
  }
  if (t === '') return { ok: false, message: `Typ ${range}${q.allowUnknown ? ', of ? als je het niet weet' : ''}.` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `Dat is geen getal. Typ ${range}.` };
  const n = Number(t);
  if (n < q.min || n > q.max) return { ok: false, message: `Typ ${range}.` };
  return { ok: true, value: n };
}

export class InquirerPrompter implements Prompter {
  private readonly c;
  private readonly context;
  /** Set by urgent(); printed above the next question. */
  private banner: string[] | undefined;

  constructor(
    private readonly io: Io,
    theme: Theme,
    options: InquirerPrompterOptions = {},
  ) {
    this.c = theme.chalk;
    this.context = {
      input: io.stdin,
      output: io.stdout as unknown as NodeJS.WritableStream,
      clearPromptOnDone: false,
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  private get width(): number {
    return Math.max(40, Math.min(this.io.stdout.columns ?? 80, 100));
  }

  private get rows(): number {
    return (this.io.stdout as { rows?: number }).rows ?? 24;
  }

  /** Inquirer's theme with our colours, so a colourless Theme gives colourless prompts. */
  private inquirerTheme(words: Record<string, string> = LIST_KEYS) {
    const c = this.c;
    return {
      prefix: { idle: c.cyan('?'), done: c.green('✔') },
      spinner: { interval: 80, frames: ['…'] },
      style: {
        answer: (t: string) => c.cyan(t),
        message: (t: string) => c.bold(t),
        error: (t: string) => c.red(`> ${t}`),
        defaultAnswer: (t: string) => c.dim(`(${t})`),
        help: (t: string) => c.dim(t),
        highlight: (t: string) => c.cyan(t),
        key: (t: string) => c.cyan.bold(`<${t}>`),
        description: (t: string) => c.dim(t),
        disabled: (t: string) => c.dim(t),
        keysHelpTip: (keys: [string, string][]) =>
          keys.map(([key, action]) => `${c.bold(words[key] ?? key)} ${c.dim(words[action] ?? action)}`).join(c.dim(' • ')),
      },
    };
  }

  private checkboxTheme() {
    const c = this.c;
    return { ...this.inquirerTheme(CHECKBOX_KEYS), icon: { checked: c.green('◉'), unchecked: '◯', disabledChecked: c.green('◎'), disabledUnchecked: '-' } };
  }

  /** Lines a prompt message takes, with the "? " prefix. */
  private lineCount(message: string): number {
    return Math.max(1, Math.ceil((message.length + 2) / this.width));
  }

  private write(text: string): void {
    this.io.stdout.write(text);
  }

  private para(text: string, indent = '  '): string {
    return wrapIndented(sanitize(text), this.width, indent);
  }

  /**
   * Above the prompt: a reminder of the most urgent thing to do now (so "Bel 112" never scrolls out of sight),
   * progress and the flow title, then the question's help. Returns the number of lines written.
   */
  private header(q: QuestionBase, extraHelp?: string): number {
    const left = q.remainingAtMost === 0 ? 'laatste vraag' : `nog hoogstens ${q.remainingAtMost}`;
    const lines = [''];
    if (this.banner) lines.push(this.bannerText(this.banner));
    else if (q.now && q.now.length > 0) lines.push(this.c.red.bold(wrapIndented(sanitize(`Nu direct: ${q.now[0]}`), this.width, '  ', '▶ ')));
    lines.push(this.c.dim(this.para(`${q.flowTitle} · Vraag ${q.number} · ${left}`, '')));
    if (q.help) lines.push(this.c.dim(this.para(q.help)));
    if (extraHelp) lines.push(this.c.dim(this.para(extraHelp)));
    this.banner = undefined;
    const text = lines.join('\n');
    this.write(`${text}\n`);
    return text.split('\n').length;
  }

  private async guard<T>(prompt: Promise<T>): Promise<T> {
    try {
      return await prompt;
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new Cancelled();
      throw error;
    }
  }

  /** As many list items as fit below the header, the question, the description and the key hints. */
  private pageSize(items: number, used: number): number {
    return Math.max(5, Math.min(items, this.rows - used - 5));
  }

  private choiceList(choices: readonly Choice[]) {
    return choices.map((o) => ({ value: o.value as string | typeof BACK, name: sanitize(o.label), ...(o.help ? { description: sanitize(o.help) } : {}) }));
  }

  private async pick(q: SelectQuestion): Promise<string | Back> {
    const used = this.header(q) + this.lineCount(q.question);
    const choices: (ReturnType<InquirerPrompter['choiceList']>[number] | Separator)[] = this.choiceList(q.choices);
    if (q.canGoBack) choices.push(new Separator(' '), { value: BACK, name: BACK_LABEL });
    const known = q.default !== undefined && q.choices.some((o) => o.value === q.default);
    return this.guard(
      select(
        {
          message: sanitize(q.question),
          choices,
          loop: false,
          pageSize: this.pageSize(choices.length, used),
          ...(known ? { default: q.default } : {}),
          theme: this.inquirerTheme(),
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
    this.header(q, hint);
    const unit = q.unit ? ` ${sanitize(q.unit)}` : '';
    const typed = await this.guard(
      input(
        {
          message: sanitize(q.question),
          ...(q.default !== undefined ? { default: q.default === UNKNOWN ? '?' : String(q.default) } : {}),
          validate: (text: string) => {
            const parsed = parseNumberAnswer(text, q);
            return parsed.ok ? true : parsed.message;
          },
          transformer: (text: string, { isFinal }: { isFinal: boolean }) => {
            if (!isFinal) return text;
            const parsed = parseNumberAnswer(text, q);
            if (!parsed.ok) return text;
            return parsed.value === BACK ? BACK_LABEL : parsed.value === UNKNOWN ? 'Weet ik niet' : `${parsed.value}${unit}`;
          },
          theme: this.inquirerTheme(),
        },
        this.context,
      ),
    );
    const parsed = parseNumberAnswer(typed, q);
    if (!parsed.ok) throw new Error(`validated number answer did not parse: ${parsed.message}`);
    return parsed.value;
  }

  async multi(q: MultiQuestion): Promise<string[] | Unknown | Back> {
    const used = this.header(q, 'Meer keuzes mogen: zet aan wat past met de spatiebalk en druk daarna op Enter.') + this.lineCount(q.question);
    const previous = q.default;
    type Value = string | typeof BACK | typeof UNKNOWN_PICK;
    const choices: ({ value: Value; name: string; description?: string; checked?: boolean } | Separator)[] = q.choices.map((o) => ({
      value: o.value,
      name: sanitize(o.label),
      ...(o.help ? { description: sanitize(o.help) } : {}),
      checked: Array.isArray(previous) && previous.includes(o.value),
    }));
    if (q.allowUnknown || q.canGoBack) choices.push(new Separator(' '));
    if (q.allowUnknown) choices.push({ value: UNKNOWN_PICK, name: 'Weet ik niet', checked: previous === UNKNOWN });
    if (q.canGoBack) choices.push({ value: BACK, name: BACK_LABEL });
    const picked = await this.guard(
      checkbox<Value>(
        {
          message: sanitize(q.question),
          choices,
          loop: false,
          pageSize: this.pageSize(choices.length, used),
          shortcuts: { all: null, invert: null },
          theme: this.checkboxTheme(),
          validate: (selected) => {
            const values = selected.map((s) => s.value);
            if (values.includes(BACK)) return true;
            if (values.length === 0) return `Zet eerst iets aan met de spatiebalk${q.allowUnknown ? ' (of kies "Weet ik niet")' : ''}, en druk dan op Enter.`;
            if (values.includes(UNKNOWN_PICK) && values.length > 1) return '"Weet ik niet" gaat niet samen met andere keuzes. Zet een van beide uit.';
            const alone = values.length > 1 ? q.choices.find((o) => o.exclusive && values.includes(o.value)) : undefined;
            if (alone) return `"${sanitize(alone.label)}" gaat niet samen met andere keuzes. Zet een van beide uit.`;
            return true;
          },
        },
        this.context,
      ),
    );
    if (picked.includes(BACK)) return BACK;
    if (picked.includes(UNKNOWN_PICK)) return UNKNOWN;
    return picked.filter((v): v is string => typeof v === 'string');
  }

  async review(answers: readonly ReviewAnswer[]): Promise<ReviewDecision> {
    const c = this.c;
    const width = this.width;
    if (this.banner) {
      // The last answer called for something urgent: show it before the overview.
      this.write(`\n${this.bannerText(this.banner)}`);
      this.banner = undefined;
    }
    for (;;) {
      const lines = ['', c.bold('Je antwoorden')];
      answers.forEach((a, i) => {
        const label = `${String(i + 1).padStart(String(answers.length).length)}. `;
        // Wrap the plain text first; colour only the answer at its end.
        const answer = sanitize(a.answer);
        const text = wrapIndented(`${sanitize(a.question)} ${answer}`, width, ' '.repeat(2 + label.length), `  ${label}`);
        lines.push(text.endsWith(answer) ? `${text.slice(0, text.length - answer.length)}${c.cyan(answer)}` : text);
      });
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
            theme: this.inquirerTheme(),
          },
          this.context,
        ),
      );
      if (ok === 'advice') return { kind: 'advice' };
      // One line per answer: shorten the question, never the answer.
      const choices: ({ value: number; name: string } | Separator)[] = answers.map((a, i) => {
        const answer = sanitize(a.answer);
        const room = Math.max(15, width - 12 - answer.length);
        const question = sanitize(a.question);
        return { value: i, name: `${i + 1}. ${question.length > room ? `${question.slice(0, room - 1)}…` : question} → ${answer}` };
      });
      choices.push(new Separator(' '), { value: -1, name: '← Terug naar het overzicht' });
      const index = await this.guard(
        select(
          {
            message: 'Welk antwoord wil je wijzigen? De vragen daarna komen opnieuw, met je eerdere antwoorden al gekozen.',
            choices,
            loop: false,
            pageSize: this.pageSize(choices.length, 3),
            default: answers.length - 1,
            theme: this.inquirerTheme(),
          },
          this.context,
        ),
      );
      if (index >= 0) return { kind: 'change', index };
    }
  }

  async offerSave(offer: SaveOffer): Promise<SaveChoice | undefined> {
    this.write('\n');
    const format = await this.guard(
      select<SaveFormat | null>(
        {
          message: 'Wil je dit advies bewaren?',
          choices: [
            { value: null, name: 'Nee, klaar' },
            { value: 'markdown', name: 'Ja, als verslag voor het dossier (markdown)', description: 'Met datum, protocolversie, je antwoorden en het advies. Zonder namen.' },
            { value: 'text', name: 'Ja, als tekst', description: 'Het advies zoals hierboven.' },
            { value: 'json', name: 'Ja, als JSON', description: 'Voor andere programma\'s.' },
          ],
          loop: false,
          theme: this.inquirerTheme(),
        },
        this.context,
      ),
    );
    if (format === null) return undefined;
    const file = await this.guard(
      input(
        {
          message: 'Naam van het bestand:',
          default: offer.suggest(format),
          validate: (text: string) => {
            if (text.trim() === '') return 'Typ een bestandsnaam.';
            const problem = offer.check(text.trim());
            return problem === undefined ? true : sanitize(problem);
          },
          theme: this.inquirerTheme(),
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
  private bannerText(lines: readonly string[]): string {
    const c = this.c;
    const out = [c.red(`━━ ${c.bold.inverse(' NU DIRECT ')} ${'━'.repeat(Math.max(3, this.width - 15))}`)];
    for (const line of lines) out.push(c.bold(wrapIndented(sanitize(line), this.width, '    ', '  ▶ ')));
    out.push(c.dim(this.para('Doe dit eerst. Daarna kun je verder met de vragen; het volledige advies volgt aan het eind.')), c.red('━'.repeat(this.width)), '');
    return out.join('\n');
  }
}
