// What the text and markdown advice share: the urgency groups in reading order, footnote numbers
// for the sources, and how to reach a partner. Pure data; every renderer sanitises what it prints.
import { URGENCIES, type ContactPerson, type Partner, type Protocol, type Source, type Urgency } from '../model/core.js';
import type { ActionItem, AdviceResult, InfoItem, PartnerItem, TaskItem } from '../engine/index.js';

/** Urgency as the advice screen says it. */
export const ADVICE_URGENCY: Record<Urgency, string> = {
  immediate: 'Nu direct',
  today: 'Vandaag',
  'this-week': 'Deze week',
  'when-needed': 'Als het nodig is',
};

/** What a saved advice needs besides the advice itself. */
export interface AdviceInput {
  advice: AdviceResult;
  protocol: Protocol;
  /** sha256 of the protocol files (loader `hashFiles`), so a saved advice names what produced it. */
  sha256: string;
  /** When the advice was made (an injectable clock, so tests are stable). */
  generated: Date;
}

export interface UrgencyGroup {
  urgency: Urgency;
  label: string;
  actions: ActionItem[];
  /**
   * Partners whose card (tasks, reasons, contact) stands in this group: that of the partner's most
   * urgent task, so a partner to call now stands under "Nu direct" with its number, never under a
   * later heading. Each partner in one group; tasks of other urgencies are labelled (`taskLines`).
   */
  partners: PartnerItem[];
}

/** The partner's tasks, each with its urgency as a label when the partner's tasks differ in urgency. */
export function taskLines(partner: PartnerItem): { label?: string; task: TaskItem }[] {
  const mixed = partner.taskItems.some((t) => t.urgency !== partner.urgency);
  return partner.taskItems.map((task) => (mixed ? { label: ADVICE_URGENCY[task.urgency], task } : { task }));
}

/** Non-empty groups, most urgent first; within a group actions keep the engine's order. */
export function urgencyGroups(advice: AdviceResult): UrgencyGroup[] {
  return URGENCIES.map((urgency) => ({
    urgency,
    label: ADVICE_URGENCY[urgency],
    actions: advice.actions.filter((a) => a.urgency === urgency),
    partners: advice.partners.filter((p) => p.urgency === urgency),
  })).filter((g) => g.actions.length > 0 || g.partners.length > 0);
}

export interface InfoGroup {
  heading: string;
  items: InfoItem[];
}

const AUDIENCE_HEADING: Record<string, string> = {
  slachtoffer: 'Voor het slachtoffer',
  ouders: 'Voor de ouders',
  leerling: 'Voor de leerling',
};

/** Information grouped by audience: victims first, general information ("Goed om te weten") last. */
export function infoGroups(advice: AdviceResult): InfoGroup[] {
  const groups = new Map<string, InfoItem[]>();
  for (const item of advice.info) {
    const key = item.audience ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rank = (key: string) => (key === 'slachtoffer' ? 0 : key === '' ? 2 : 1);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, items]) => ({ heading: key === '' ? 'Goed om te weten' : (AUDIENCE_HEADING[key] ?? `Voor: ${key}`), items }));
}

/**
 * Footnote numbers for sources, in the order the advice shows them (immediate actions first, then
 * per urgency actions and partners, then rules, then information), so [1] is the first one read.
 */
export class SourceNumbers {
  private readonly numbers = new Map<string, number>();

  constructor(advice: AdviceResult) {
    for (const group of urgencyGroups(advice)) {
      for (const a of group.actions) this.add(a.sources);
      for (const p of group.partners) this.add(p.sources);
    }
    for (const r of advice.rules) this.add(r.sources);
    for (const group of infoGroups(advice)) for (const i of group.items) this.add(i.sources);
  }

  private add(ids: readonly string[]): void {
    for (const id of ids) if (!this.numbers.has(id)) this.numbers.set(id, this.numbers.size + 1);
  }

  /** The numbers of these sources, ascending. */
  of(ids: readonly string[]): number[] {
    return [...new Set(ids.map((id) => this.numbers.get(id)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  }

  /** Every cited source id with its number, in number order. */
  list(): { n: number; id: string }[] {
    return [...this.numbers.entries()].map(([id, n]) => ({ n, id }));
  }
}

/** "Titel (artikel)", the article left out when the title already names it; unconfirmed facts say so. Not sanitised. */
export function sourceTitle(source: Source | undefined, id: string): string {
  if (!source) return id;
  const article = source.article && !source.title.toLowerCase().includes(source.article.toLowerCase()) ? ` (${source.article})` : '';
  return `${source.title}${article}${source.unconfirmed ? ' (niet bevestigd)' : ''}`;
}

export function sourcesById(protocol: Protocol): Map<string, Source> {
  return new Map(protocol.sources.map((s) => [s.id, s]));
}

/** Whether a coordinator filled in the Bijlage 2 contact person. */
export function hasPerson(person: ContactPerson | undefined): person is ContactPerson {
  return !!person && [person.name, person.phone, person.email].some((v) => typeof v === 'string' && v.trim() !== '');
}

/**
 * How to reach a partner, one line per fact: the Bijlage 2 contact person first when filled in,
 * then the organisation's public contact (still useful when that person is away). Not sanitised.
 */
export function contactLines(partner: Partner | undefined): string[] {
  if (!partner) return [];
  const lines: string[] = [];
  const person = partner.person;
  if (hasPerson(person)) {
    const who = [person.name, person.role].filter((v): v is string => !!v && v.trim() !== '').join(', ');
    const how = [person.phone, person.email].filter((v): v is string => !!v && v.trim() !== '').join(', ');
    const checked = person.reviewed ? ` (gegevens van ${person.reviewed})` : '';
    lines.push(`Contactpersoon: ${[who, how].filter(Boolean).join(' – ')}${checked}`);
  }
  const c = partner.contact;
  if (c?.phone) lines.push(`Telefoon: ${c.phone}`);
  if (c?.email) lines.push(`E-mail: ${c.email}`);
  if (c?.url) lines.push(`Website: ${c.url}`);
  if (c?.hours) lines.push(`Bereikbaar: ${c.hours}`);
  if (c?.note) lines.push(c.note);
  return lines;
}

/** One thing to do now or today, for the first card of the advice and the tick list of the record. */
export interface Todo {
  urgency: Urgency;
  text: string;
  /** The partner the task is for, and how to call them (shown with the partner's first task only). */
  partner?: { name: string; reach?: string };
}

/** A partner's phone: the Bijlage 2 person's number first, then the public one. Not sanitised. */
export function phoneOf(partner: Partner | undefined): string | undefined {
  if (!partner) return undefined;
  const person = hasPerson(partner.person) && partner.person.phone?.trim() ? `${partner.person.name?.trim() || 'contactpersoon'}: ${partner.person.phone.trim()}` : undefined;
  return [person, partner.contact?.phone].filter(Boolean).join(' · ') || undefined;
}

/** How to reach a partner in one line: by phone, else a website or e-mail address. Not sanitised. */
export function reachOf(partner: Partner | undefined): string | undefined {
  return phoneOf(partner) ?? partner?.contact?.email ?? partner?.contact?.url;
}

/**
 * Everything to do now and today, in order: per urgency the school's actions (engine order), then
 * the partners' tasks of that urgency. A partner's number comes with its first task.
 */
export function nowAndToday(advice: AdviceResult, urgencies: readonly Urgency[] = ['immediate', 'today']): Todo[] {
  const out: Todo[] = [];
  const reached = new Set<string>();
  for (const urgency of urgencies) {
    for (const a of advice.actions) if (a.urgency === urgency) out.push({ urgency, text: a.text });
    for (const p of advice.partners) {
      for (const t of p.taskItems) {
        if (t.urgency !== urgency) continue;
        const first = !reached.has(p.id);
        reached.add(p.id);
        const reach = first ? reachOf(p.partner) : undefined;
        out.push({ urgency, text: t.text, partner: { name: p.name, ...(reach ? { reach } : {}) } });
      }
    }
  }
  return out;
}
