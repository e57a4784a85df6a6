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

// Plain constants live here, not in schema.ts: code that needs them (the engine, the renderers)
// must not pull in zod and the schemas, which cost start-up time.

/** Reserved target: the current flow ends here (and returns to the flow that handed over). */
export const END = 'end';

export const URGENCIES = ['immediate', 'today', 'this-week', 'when-needed'] as const;

export const UNKNOWN = 'weet-niet';
export const YES = 'ja';
export const NO = 'nee';

/** What `checks:` in protocol.yaml can set a check to: off, or the severity to report it with. */
export const CHECK_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];
/** YYYY-MM-DD that exists in the calendar (2025-02-30 and 9999-99-99 do not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
