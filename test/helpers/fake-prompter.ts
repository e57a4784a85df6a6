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
  type SelectQuestion,
} from '../../src/ui/prompter.js';

/** [step id, reply] for a question; ['review', 'advice' | index to change] for the review. */
export type ScriptEntry = readonly [step: string, reply: unknown] | readonly ['review', 'advice' | number];

export type Asked =
  | { kind: 'select' | 'yesNo'; q: SelectQuestion }
  | { kind: 'number'; q: NumberQuestion }
  | { kind: 'multi'; q: MultiQuestion }
  | { kind: 'review'; answers: readonly ReviewAnswer[] };

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

  /** The step ids asked, in order (reviews as "review"). */
  get steps(): string[] {
    return this.asked.map((a) => (a.kind === 'review' ? 'review' : a.q.step));
  }
}

export { BACK };
