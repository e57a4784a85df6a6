// What the wizard needs from a user interface. The wizard only talks to this interface; the
// terminal implementation (inquirer-prompter.ts) and the scripted one in the tests are swappable.
// A prompter throws `Cancelled` (src/cli/exit-codes.ts) when the user interrupts.

/** Answer meaning "go back to the previous question". */
export const BACK: unique symbol = Symbol('vorige vraag');
export type Back = typeof BACK;

/** The answer "weet ik niet", as the engine spells it. */
export type Unknown = 'weet-niet';

export interface Choice {
  value: string;
  label: string;
  help?: string;
  /** In a multi-select: this option goes with no other (e.g. "Niets hiervan"). */
  exclusive?: boolean;
}

/** What every question shows besides itself. */
export interface QuestionBase {
  /** Step id (not shown; for defaults and scripted tests). */
  step: string;
  question: string;
  help?: string;
  /** Title of the flow the question belongs to. */
  flowTitle: string;
  /** 1-based number of this question in the walk. */
  number: number;
  /** The most questions that can still follow this one (see `remainingText`). */
  remainingAtMost: number;
  /** Offer "← Vorige vraag" (not on the first question). */
  canGoBack: boolean;
  /** What must happen right now according to the answers so far (e.g. "Bel 112."): keep it in sight. */
  now?: readonly string[];
}

/** One of several options. `choices` already holds "Weet ik niet" when that is a real answer. */
export interface SelectQuestion extends QuestionBase {
  choices: readonly Choice[];
  /** Pre-selected value (the earlier answer, after going back). */
  default?: string;
}

/** Ja / Nee (/ Weet ik niet): `choices` as the engine offers them. */
export type YesNoQuestion = SelectQuestion;

export interface NumberQuestion extends QuestionBase {
  min: number;
  max: number;
  unit?: string;
  allowUnknown: boolean;
  default?: number | Unknown;
}

export interface MultiQuestion extends QuestionBase {
  choices: readonly Choice[];
  allowUnknown: boolean;
  default?: readonly string[] | Unknown;
}

export interface ReviewAnswer {
  step: string;
  question: string;
  answer: string;
  /** Settled by earlier answers (a preset), not asked: the review says so. */
  inferred?: true;
}

/** After the review: show the advice, or change the answer at this index (0-based). */
export type ReviewDecision = { kind: 'advice' } | { kind: 'change'; index: number };

/** Formats the advice can be saved in. */
export type SaveFormat = 'markdown' | 'text' | 'json';

export interface SaveOffer {
  /** A file name that is free to use, per format. */
  suggest(format: SaveFormat): string;
  /** Why this file name cannot be used (it exists, no such folder), or undefined when it can. */
  check(file: string): string | undefined;
}

export interface SaveChoice {
  format: SaveFormat;
  file: string;
}

export interface Prompter {
  select(q: SelectQuestion): Promise<string | Back>;
  yesNo(q: YesNoQuestion): Promise<string | Back>;
  number(q: NumberQuestion): Promise<number | Unknown | Back>;
  multi(q: MultiQuestion): Promise<string[] | Unknown | Back>;
  /** Shows the answers and asks whether they are right. */
  review(answers: readonly ReviewAnswer[]): Promise<ReviewDecision>;
  /** Shows what must happen right now (e.g. "Bel 112."), before the next question. */
  urgent(lines: readonly string[]): void;
  /** After the advice: save it? Resolves with format and file name, or undefined for "no". */
  offerSave(offer: SaveOffer): Promise<SaveChoice | undefined>;
}

/**
 * How many questions may follow, as shown next to the question number. A bound so high it would only
 * alarm (before the categories are chosen, every category counts) is not shown as a number.
 */
export function remainingText(remainingAtMost: number): string {
  if (remainingAtMost === 0) return 'laatste vraag';
  return remainingAtMost <= 25 ? `nog hoogstens ${remainingAtMost}` : 'het aantal vragen hangt af van je antwoorden';
}
