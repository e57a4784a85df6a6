// A scripted Prompter: each entry answers one prompt, in order. A prompt for another step than
// scripted, or a prompt after the script ran out, fails the test (as changesets' mockUserResponses).
import {
  BACK,
  type Back,
  type MultiQuestion,
  type NumberQuestion,
  type Prompter,
  type QuestionBase,
  type ReviewAnswer,
  type ReviewDecision,
  type SaveChoice,
  type SaveOffer,
  type SelectQuestion,
} from '../../src/ui/prompter.js';

/**
 * [step id, reply] for a question; ['review', 'advice' | index to change] for the review;
 * ['save', {format, file?} | null] for the offer to save (no file: take the suggested name).
 */
export type ScriptEntry =
  readonly [step: string, reply: unknown] | readonly ['review', 'advice' | number] | readonly ['save', { format: SaveChoice['format']; file?: string } | null];

export type Asked =
  | { kind: 'select' | 'yesNo'; q: SelectQuestion }
  | { kind: 'number'; q: NumberQuestion }
  | { kind: 'multi'; q: MultiQuestion }
  | { kind: 'review'; answers: readonly ReviewAnswer[] }
  | { kind: 'save'; offer: SaveOffer; problem?: string };

export class FakePrompter implements Prompter {
  readonly asked: Asked[] = [];
  readonly urgentShown: string[][] = [];
  private readonly script: ScriptEntry[];

  constructor(script: readonly ScriptEntry[]) {
    this.script = [...script];
  }

  /** Script entries not used: a walk that ended early leaves some. */
  get remaining(): readonly ScriptEntry[] {
    return this.script;
  }

  private take(step: string): unknown {
    const entry = this.script.shift();
    if (!entry) throw new Error(`unexpected prompt for "${step}": the script is finished`);
    if (entry[0] !== step) throw new Error(`expected a prompt for "${entry[0]}", got one for "${step}"`);
    return entry[1];
  }

  private question<T>(kind: Asked['kind'], q: QuestionBase): Promise<T> {
    this.asked.push({ kind, q } as Asked);
    return Promise.resolve(this.take(q.step) as T);
  }

  select(q: SelectQuestion): Promise<string | Back> {
    return this.question('select', q);
  }

  yesNo(q: SelectQuestion): Promise<string | Back> {
    return this.question('yesNo', q);
  }

  number(q: NumberQuestion): Promise<number | 'weet-niet' | Back> {
    return this.question('number', q);
  }

  multi(q: MultiQuestion): Promise<string[] | 'weet-niet' | Back> {
    return this.question('multi', q);
  }

  review(answers: readonly ReviewAnswer[]): Promise<ReviewDecision> {
    this.asked.push({ kind: 'review', answers });
    const reply = this.take('review');
    return Promise.resolve(reply === 'advice' ? { kind: 'advice' } : { kind: 'change', index: reply as number });
  }

  urgent(lines: readonly string[]): void {
    this.urgentShown.push([...lines]);
  }

  offerSave(offer: SaveOffer): Promise<SaveChoice | undefined> {
    const reply = this.take('save') as { format: SaveChoice['format']; file?: string } | null;
    if (!reply) {
      this.asked.push({ kind: 'save', offer });
      return Promise.resolve(undefined);
    }
    const file = reply.file ?? offer.suggest(reply.format);
    const problem = offer.check(file);
    this.asked.push({ kind: 'save', offer, ...(problem ? { problem } : {}) });
    // A real prompt would ask again; a script that picks an unusable name is a broken test.
    if (problem) return Promise.reject(new Error(`the scripted file name was refused: ${problem}`));
    return Promise.resolve({ format: reply.format, file });
  }

  /** The step ids asked, in order (reviews as "review", save offers as "save"). */
  get steps(): string[] {
    return this.asked.map((a) => (a.kind === 'review' || a.kind === 'save' ? a.kind : a.q.step));
  }
}

export { BACK };
