import type { ChecklistSection, Flow, Meta, Partner, RuleSet, Source } from './schema.js';

/** A whole protocol folder, merged. */
export interface Protocol {
  meta: Meta;
  sources: Source[];
  partners: Partner[];
  rules: RuleSet[];
  flows: Flow[];
  checklist: ChecklistSection[];
}

/** An answer as the engine stores it: yes-no `ja`/`nee`, option value, list of values, number, or `weet-niet`. */
export type AnswerValue = string | number | readonly string[];

export const UNKNOWN = 'weet-niet';
export const YES = 'ja';
export const NO = 'nee';
